"""What a reader sees of a printed document, as digests: its print HTML and every file the PDF renderer loads for it.

The PDF is a function of exactly these (builds are byte-identical), so a sign-off that covers them covers the
print: a stylesheet that hides a paragraph or adds text, a swapped font, a replaced image, a code block, a link
target, print-only template content. Not covered: what never reaches the print – the file paths of this machine
(shown as the project's names), the files and lines tables were typed in (for the layout check), soft hyphens (U+00AD), which print nothing unless a line breaks there, and how
much white space separates two words outside a code block (a stylesheet with `white-space: pre` would print it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from vorlagen.core.pfade import innerhalb
from vorlagen.core.reads import digest, read_file
from vorlagen.render.satzregeln import ohne_quellen

WEICH = "\u00ad"  # a soft hyphen
MAX_DATEIEN = 200  # files one document may load (the example's load five)

_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
_GELADEN = re.compile(r"""<(?:img|link)\b[^>]*?\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def virtuell(number: int) -> str:
    """The location-free file: URI WeasyPrint sees for allowed folder `number` (render/pdf.py), so names it derives
    from URLs (an image's) do not depend on where the project lies; ProjectFetcher maps it back."""
    return f"file:///vorlagen-ordner-{number}/"


def lokale_datei(url: str, roots: Sequence[Path]) -> Path | None:
    """The file a file: URL names below the allowed folders (None: another scheme or outside them). The first root
    is the data folder, the last the default house style: a file asked for in the data's templates/ that is not
    there comes from the house style."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    path = Path(url2pathname(parts.path))
    if not innerhalb(path, *roots):
        return None
    path = path.resolve()
    overlay = Path(roots[0]).resolve() / "templates"
    if len(roots) > 1 and path.is_relative_to(overlay) and not path.is_file():
        path = Path(roots[-1]).resolve() / path.relative_to(overlay)
    return path


def _urls(text: str, html: bool) -> list[str]:
    found = [next(g for g in m.groups() if g is not None) for m in _URL.finditer(text)]
    if html:
        found += [m[1] if m[1] is not None else m[2] for m in _GELADEN.finditer(text)]
    return [url for url in found if url and not url.startswith(("#", "data:"))]


def name(path: Path, roots: Sequence[Path]) -> str:
    """A loaded file by its name in the project: relative to the data folder, or '… (vorlagen)' for the
    default house style."""
    for root in roots[:1]:
        if path.is_relative_to(Path(root).resolve()):
            return path.relative_to(Path(root).resolve()).as_posix()
    for root in roots[1:]:
        if path.is_relative_to(Path(root).resolve()):
            return f"{path.relative_to(Path(root).resolve()).as_posix()} (vorlagen)"
    return path.name


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.IGNORECASE | re.DOTALL)
_LEERRAUM = re.compile(r"[ \t\r\n\f]+")  # HTML's white space (a no-break space is not: it prints differently)


def html_digest(html: str, roots: Sequence[Path]) -> str:
    """The digest of a print HTML without this machine's folders, without the lines its tables were typed in
    (satzregeln.ohne_quellen: they print nothing) and without soft hyphens; runs of white space
    count once (they print as one space, a Markdown paragraph broken elsewhere prints the same), except in code
    blocks, where every space and line prints."""
    html = ohne_quellen(html)
    for number, root in enumerate(roots):
        html = html.replace(Path(root).resolve().as_uri() + "/", f"ordner{number}:/")
    html = html.replace(WEICH, "").replace("&shy;", "")
    parts = _PRE.split(html)
    html = "".join(part if index % 2 else _LEERRAUM.sub(" ", part) for index, part in enumerate(parts))
    return digest(html.encode("utf-8"))


def geladen(html: str, base: Path, roots: Sequence[Path]) -> dict[str, str]:
    """Every file the renderer loads for this print HTML (stylesheets, what they import, fonts, images) by its
    name in the project → its content digest ('-' when it cannot be read: then the document cannot be built)."""
    result: dict[str, str] = {}
    todo = [urljoin(Path(base).resolve().as_uri() + "/", url) for url in _urls(html, html=True)]
    seen: set[Path] = set()
    while todo and len(seen) < MAX_DATEIEN:
        url = todo.pop(0)
        path = lokale_datei(url, roots)
        if path is None or path in seen:
            continue
        seen.add(path)
        try:
            content = read_file(path, within=list(roots))
        except OSError:
            result[name(path, roots)] = "-"
            continue
        result[name(path, roots)] = digest(content)
        if path.suffix.lower() == ".css":
            text = content.decode("utf-8", "replace")
            todo += [urljoin(url, found) for found in _urls(text, html=False)]
    return result


def fassungen(printed: str, anlagen: list) -> dict[str, str]:
    """The print HTML of a Vorlage ('Vorlage') and of each Markdown Anlage ('Anlage N')."""
    return {"Vorlage": printed} | {f"Anlage {a.nummer}": a.html for a in anlagen if a.html is not None}


def bild(druck: dict[str, str], base: Path, roots: Sequence[Path]) -> dict[str, str]:
    """The Druckbild of a Vorlage: each print HTML of `druck` (fassungen) → the digest of it, then every file they
    load → its digest."""
    result = {was: html_digest(html, roots) for was, html in druck.items()}
    dateien: dict[str, str] = {}
    for html in druck.values():
        dateien.update(geladen(html, base, roots))
    return {**result, **dateien}
