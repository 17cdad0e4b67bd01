"""`vorlagen freigabe`: each Vorlage's sign-offs as gültig / veraltet / fehlt, and what changed since a stale one.

What a role signed is kept beside mitzeichnungen.yaml as gezeichnet/<rolle>.txt: git shows it in the commit of
the sign-off, and this report compares it with what the Vorlage prints now – without git and without building
the old revision.
"""

from __future__ import annotations

import re
from pathlib import Path

from vorlagen.load.mitzeichnung import ORDNER
from vorlagen.render.document import VorlageDoc, slugify
from vorlagen.render.freigabe import VERALTET, Stand, fingerprint, normalise
from vorlagen.review.diff import text_changes

_CHANGE = re.compile(r"\[-(.*?)-\](?:\{\+(.*?)\+\})?|\{\+(.*?)\+\}")
_FIGURE = re.compile(r"[-−+]?[\d.,  ]*\d[\d.,  ]*\s*(€|%|T€|Mio\. €)?")


def gezeichnet(folder: Path, rolle: str) -> Path:
    """The file that keeps the text a role signed."""
    return folder / ORDNER / f"{slugify(rolle)}.txt"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not set(line) <= {"=", "-"}]


def _figures_only(line: str) -> bool:
    """True when every change in a word-diffed line replaces a figure by a figure."""
    parts = [p for m in _CHANGE.finditer(line) for p in m.groups() if p]
    return bool(parts) and all(_FIGURE.fullmatch(p.strip()) for p in parts)


def _old_to_new(line: str) -> str:
    """'Eigenanteil [-158.644 €-]{+160.000 €+}' → 'Eigenanteil 158.644 € → 160.000 €'."""
    def show(m: re.Match) -> str:
        old, new = (m[1], m[2]) if m[3] is None else (None, m[3])
        return f"{(old or '–').strip()} → {(new or '–').strip()}"
    return _CHANGE.sub(show, line)


def seit(alt: str, neu: str) -> tuple[list[str], list[tuple[str, str]]]:
    """What changed from the signed text to the current one: figures (old → new) and other lines (diff marks)."""
    zahlen, text = [], []
    for mark, line in text_changes(_lines(alt), _lines(neu)):
        if mark == "~" and _figures_only(line):
            zahlen.append(_old_to_new(line))
        else:
            text.append((mark, line))
    return zahlen, text


def _stale(doc: VorlageDoc, stand: Stand, shown: str) -> list[str]:
    path = gezeichnet(doc.source.folder, stand.rolle)
    try:
        alt = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        alt = None
    if alt is None or fingerprint(normalise(alt)) != stand.mitzeichnung.fingerabdruck:
        return [f"    Der gezeichnete Text {shown} fehlt oder ist nicht der gezeichnete – was sich geändert hat, zeigt "
                "„vorlagen diff REVISION“ mit der Revision der Mitzeichnung."]
    zahlen, text = seit(alt, doc.freigabe.text)
    lines = ["    Seit der Mitzeichnung geändert:"]
    if zahlen:
        lines += ["      Zahlen:"] + [f"        {z}" for z in zahlen]
    if text:
        lines += ["      Text:"] + [f"        {mark} {line}" for mark, line in text]
    return lines


def bericht(docs: list[VorlageDoc], show) -> str:
    """The report in German; `show` gives a path as the user sees it."""
    lines = []
    for doc in docs:
        vorlage, f = doc.source.vorlage, doc.freigabe
        zustand = "ENTWURF" if doc.entwurf else "freigegeben"
        lines.append(f"Vorlage {vorlage.nummer}: {vorlage.betreff} – {zustand}")
        if f is None or not f.staende:
            lines += ["  keine Mitzeichnung verlangt", ""]
            continue
        for stand in f.staende:
            m = stand.mitzeichnung
            wer = f" ({m.name}, {m.datum:%d.%m.%Y})" if m else ""
            extra = "" if stand.erforderlich else " – nicht verlangt"
            lines.append(f"  {stand.rolle}: {stand.zustand}{wer}{extra}")
            if stand.zustand == VERALTET:
                lines += _stale(doc, stand, show(gezeichnet(doc.source.folder, stand.rolle)))
        lines.append("")
    offen = sum(1 for doc in docs if doc.entwurf)
    lines.append(f"Freigegeben: {len(docs) - offen}, Entwurf: {offen}.")
    return "\n".join(lines) + "\n"
