"""Loads the German hyphenation patterns fast: pyphen parses its dictionary anew in every process (about 0,6 s),
so each render worker would pay that before its first document. The parsed patterns are kept in the user's cache
folder and handed to pyphen's own cache; a missing, foreign or damaged file is parsed anew and kept again. The
file holds only pattern letters and digits, so nothing in it can run.
"""

from __future__ import annotations

from pathlib import Path

from vorlagen.core.usercache import keep, read_kept

LANGUAGE = "de"  # the documents' lang attribute (templates/base.html.j2)
FILE = f"silbentrennung-{LANGUAGE}.txt"
_DIGITS = bytes.maketrans(b"0123456789", bytes(range(10)))
_MAX_BYTES = 20_000_000  # the file is about 1,3 MB; anything far larger is not ours


def prime() -> None:
    """Puts the patterns of LANGUAGE into pyphen's cache, from the kept file when it fits this dictionary."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
    if path in pyphen.hdcache:
        return
    stamp = _stamp(pyphen, path)
    patterns = _patterns(read_kept(FILE, stamp, _MAX_BYTES))
    if patterns is None:
        dictionary = pyphen.HyphDict(path)
        pyphen.hdcache[path] = dictionary
        if _plain(dictionary.patterns):
            keep(
                FILE,
                stamp,
                [
                    f"{key}\t{start}\t{''.join(map(str, values))}"
                    for key, (start, values) in dictionary.patterns.items()
                ],
            )
        return
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns, dictionary.cache = patterns, {}
    dictionary.maxlen = max(len(key) for key in patterns)
    pyphen.hdcache[path] = dictionary


def _stamp(pyphen, path: Path) -> str:
    """What the file must have been made from: pyphen's version and the dictionary's size and time."""
    status = path.stat()
    return f"pyphen {pyphen.__version__} {path.name} {status.st_size} {status.st_mtime_ns}"


def _plain(patterns: dict) -> bool:
    """Only ordinary patterns (no nonstandard hyphenation such as ff=f) fit the file's form."""
    return all(
        type(value) is int and 0 <= value <= 9 for _, values in patterns.values() for value in values
    ) and not any("\t" in key or "\n" in key for key in patterns)


def _patterns(lines: list[str] | None) -> dict[str, tuple[int, bytes]] | None:
    """The patterns of the kept lines, or None when there are none or one is damaged."""
    if not lines:
        return None
    patterns = {}
    try:
        for line in lines:
            key, start, values = line.split("\t")
            if not (values.isascii() and values.isdigit()):
                return None
            # bytes iterate as small ints, which is all pyphen does with a pattern's values
            patterns[key] = int(start), values.encode("ascii").translate(_DIGITS)
    except ValueError:  # a line of another form
        return None
    return patterns
