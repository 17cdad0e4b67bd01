"""The German hyphenation patterns for WeasyPrint, loaded fast and read in their two levels (render/silben.py).

Parsing the dictionary costs about 0,6 s in every process, so each render worker would pay that before its first
document: the parsed patterns are kept in the user's cache folder; a missing, foreign or damaged file is parsed anew
and kept again. The file holds only pattern letters and digits, so nothing in it can run. `use` gives the
dictionary the house's words before a document is set.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

from vorlagen.core.usercache import keep, read_kept
from vorlagen.render.silben import Level, Silben, house_points

LANGUAGE = "de"  # the documents' lang attribute (templates/base.html.j2)
FORM = "zwei-ebenen-1"  # the form of the kept lines; a file of another form is parsed anew
FILE = f"silbentrennung-{LANGUAGE}-{FORM}.txt"  # its own name: a program of the old form keeps its own file
_DIGITS = bytes.maketrans(b"0123456789", bytes(range(10)))
_MAX_BYTES = 20_000_000  # the file is about 1,3 MB; anything far larger is not ours
_KEYWORDS = ("LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")


def prime() -> Silben:
    """Puts the patterns of LANGUAGE into pyphen's cache (where WeasyPrint's pyphen finds them), from the kept file
    when it fits this dictionary."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
    if isinstance(pyphen.hdcache.get(path), Silben):
        return pyphen.hdcache[path]
    stamp = _stamp(pyphen, path)
    kept = _read(read_kept(FILE, stamp, _MAX_BYTES))
    if kept is None:
        kept = parse(path)
        lines = _lines(*kept)
        if lines:
            keep(FILE, stamp, lines)
    dictionary = pyphen.hdcache[path] = Silben(*kept)
    return dictionary


def use(words: tuple[str, ...]) -> None:
    """The house's words for the documents set next: „Stel-len-um-fang“ breaks only at its hyphens, „KiBiz“ never."""
    dictionary = prime()
    if dictionary.words != words:
        dictionary.house, dictionary.words = house_points(words), words


def parse(path: Path) -> tuple[tuple[Level, ...], tuple[str, ...]]:
    """The levels of a hyphenation dictionary (hyph_*.dic) and its NOHYPHEN strings. Patterns with a replacement
    (ff=f) are left out: the German dictionaries have none, and a break never changes letters here."""
    with path.open("rb") as file:
        encoding = file.readline().decode().strip()
    encoding = "cp1251" if encoding.lower() == "microsoft-cp1251" else encoding
    levels: list[Level] = [{}]
    nohyphen: tuple[str, ...] = ()
    for line in path.read_text(encoding).split("\n")[1:]:
        line = re.sub(r"\^{2}([0-9a-f]{2})", lambda match: chr(int(match[1], 16)), line.strip())
        if not line or line.startswith(("%", "#", *_KEYWORDS)) or "/" in line:
            continue
        if line == "NEXTLEVEL":
            levels.append({})
            continue
        if line.startswith("NOHYPHEN"):
            nohyphen = tuple(item for item in line.removeprefix("NOHYPHEN").strip().split(",") if item)
            continue
        tags, values = zip(*[(letter, int(digit or "0")) for digit, letter in re.findall(r"(\d?)(\D?)", line)])
        if max(values) == 0:
            continue
        start, end = 0, len(values)
        while not values[start]:
            start += 1
        while not values[end - 1]:
            end -= 1
        levels[-1]["".join(tags)] = start, tuple(values[start:end])
    return tuple(levels), nohyphen


def _stamp(pyphen: ModuleType, path: Path) -> str:
    """What the file must have been made from: pyphen's version, the dictionary's size and time, the form."""
    status = path.stat()
    return f"pyphen {pyphen.__version__} {path.name} {status.st_size} {status.st_mtime_ns} {FORM}"


def _lines(levels: tuple[Level, ...], nohyphen: tuple[str, ...]) -> list[str]:
    """The kept file's lines: a level's patterns as `level key start values`, a NOHYPHEN string as `- text`."""
    if any("\t" in key or "\n" in key for level in levels for key in level) or any(
        "\t" in text or "\n" in text for text in nohyphen
    ):
        return []
    lines = [
        f"{number}\t{key}\t{start}\t{''.join(map(str, values))}"
        for number, level in enumerate(levels)
        for key, (start, values) in level.items()
    ]
    return lines + [f"-\t{text}" for text in nohyphen]


def _read(lines: list[str] | None) -> tuple[tuple[Level, ...], tuple[str, ...]] | None:
    """The levels of the kept lines, or None when there are none or one is damaged."""
    if not lines:
        return None
    levels: list[Level] = []
    nohyphen: list[str] = []
    try:
        for line in lines:
            if line.startswith("-\t"):
                nohyphen.append(line[2:])
                continue
            number, key, start, values = line.split("\t")
            if not (values.isascii() and values.isdigit() and number.isascii() and number.isdigit()):
                return None
            if int(number) == len(levels):
                levels.append({})
            elif int(number) != len(levels) - 1:
                return None  # the levels are kept in order
            # bytes iterate as small ints, which is all a pattern's values are used as
            levels[-1][key] = int(start), values.encode("ascii").translate(_DIGITS)
    except ValueError:  # a line of another form
        return None
    return (tuple(levels), tuple(nohyphen)) if levels else None
