"""`vorlagen freigabe`: each Vorlage's sign-offs as gültig / veraltet / fehlt, and what changed since a stale one.

What a role signed is kept beside mitzeichnungen.yaml as gezeichnet/<rolle>.txt: git shows it in the commit of
the sign-off, and this report compares it with what the Vorlage prints now – without git and without building
the old revision.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from vorlagen.core.fmt import datum
from vorlagen.load.mitzeichnung import ORDNER, datei
from vorlagen.render import seitenbild
from vorlagen.render.freigabe import UNGUELTIG, VERALTET, Stand, normalise, teile, was_tun
from vorlagen.render.freigabe import seiten as seiten_teil
from vorlagen.render.vorlagendokument import VorlageDoc
from vorlagen.review.diff import text_changes

_CHANGE = re.compile(r"\[-(.*?)-\](?:\{\+(.*?)\+\})?|\{\+(.*?)\+\}")
_FIGURE = re.compile(r"[-−+]?[\d.,  ]*\d[\d.,  ]*\s*(€|%|T€|Mio\. €)?")


def gezeichnet(folder: Path, rolle: str) -> Path:
    """The file that keeps the text a role signed."""
    return folder / ORDNER / datei(rolle)


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


KEINE_SEITE = (
    "keine Seite sieht anders aus – geändert hat sich, was beim Lesen nicht zu sehen ist (etwa ein Kommentar im "
    "Stylesheet); die Mitzeichnung deckt aber genau das Gezeichnete: zeichnen Sie neu"
)
GLEICHE_EINGABEN = (
    "gleiche Druckfassung, dieselben Dateien, aber anders gesetzt: dieser Rechner setzt die Seiten anders als der, "
    "auf dem gezeichnet wurde (eine andere Version von WeasyPrint oder eine Schrift des Systems statt einer des "
    "Hausstils) – bauen Sie mit den Versionen, mit denen gezeichnet wurde, oder zeichnen Sie neu:"
)
Seiten = Callable[[VorlageDoc], dict[str, list[seitenbild.Bereich]]]  # a Vorlage's print laid out now


def _stale(doc: VorlageDoc, stand: Stand, seiten: Seiten | None) -> list[str]:
    """What changed since a stale sign-off (its gezeichnet/ file matches its fingerprint, else it is ungültig);
    `seiten` lays out the print now, to name the pages and areas that look different when the text did not change."""
    gezeichnet, freigabe = doc.source.gezeichnet[stand.rolle], doc.freigabe
    assert gezeichnet is not None and freigabe is not None  # a stale sign-off: its text is kept, it was checked
    (alt, bild_alt), (neu, bild_neu) = teile(gezeichnet), teile(freigabe.text)
    zahlen, text = seit(alt, neu)
    lines = ["    Seit der Mitzeichnung geändert:"]
    if zahlen:
        lines += ["      Zahlen:"] + [f"        {z}" for z in zahlen]
    if text:
        lines += ["      Text:"] + [f"        {mark} {line}" for mark, line in text]
    signiert = seitenbild.lesen(seiten_teil(normalise(gezeichnet))[1])
    if signiert and seiten is not None and not (zahlen or text):
        druck = [f"{was}: geändert" for was in _dateien(bild_alt, bild_neu)]
        if bild_alt == bild_neu:  # stale only for its pages: the same inputs set differently here
            druck.append(GLEICHE_EINGABEN)
        druck += seitenbild.unterschiede(signiert, seiten(doc)) or [KEINE_SEITE]
    else:
        druck = _druckbild(bild_alt, bild_neu, bool(zahlen or text))
    if druck:
        lines += ["      Druckbild:"] + [f"        {line}" for line in druck]
    return lines


def _druckbild(alt: dict[str, str], neu: dict[str, str], text_geaendert: bool) -> list[str]:
    """What prints differently beyond the words: each loaded file that changed, and a document whose print
    changed with the same text (a stylesheet of the data's templates, a code block, a link target)."""
    if not alt:
        return [
            "gezeichnet mit einer früheren Version von vorlagen, die das Druckbild noch nicht erfasste – zeichnen "
            "Sie neu"
        ]
    lines = []
    for was in [*neu, *(w for w in alt if w not in neu)]:
        if alt.get(was) == neu.get(was):
            continue
        dokument = was == "Vorlage" or was.startswith("Anlage ")
        if dokument and not text_geaendert:
            lines.append(f"{was}: gleicher Text, anders gedruckt (Gestaltung, Codeblock, Verweisziel oder Bild)")
        elif not dokument:
            zustand = "neu geladen" if was not in alt else "nicht mehr geladen" if was not in neu else "geändert"
            lines.append(f"{was}: {zustand}")
    return lines


def _dateien(alt: dict[str, str], neu: dict[str, str]) -> list[str]:
    """The loaded files whose digest differs (the documents' own print HTML left out)."""
    return [
        was
        for was in [*neu, *(w for w in alt if w not in neu)]
        if alt.get(was) != neu.get(was) and was != "Vorlage" and not was.startswith("Anlage ")
    ]


def bericht(docs: list[VorlageDoc], seiten: Seiten | None = None, hinweise: dict[str, str] | None = None) -> str:
    """The report in German; `seiten` lays out a Vorlage's print now (see _stale); `hinweise`: a note per Vorlage
    (slug), e.g. that the Haushalt of its decision is not kept yet."""
    lines = []
    for doc in docs:
        vorlage, f = doc.source.vorlage, doc.freigabe
        zustand = "ENTWURF" if doc.entwurf else "freigegeben"
        lines.append(f"Vorlage {doc.source.bezeichnung}: {vorlage.betreff} – {zustand}")
        hinweis = [f"  Hinweis: {hinweise[doc.source.slug]}"] if hinweise and doc.source.slug in hinweise else []
        if f is None or not f.staende:
            lines += ["  keine Mitzeichnung verlangt", *hinweis, ""]
            continue
        for stand in f.staende:
            m = stand.mitzeichnung
            wer = f" ({m.name}, {datum(m.datum)})" if m else ""
            extra = "" if stand.erforderlich else " – nicht verlangt"
            lines.append(f"  {stand.rolle}: {stand.zustand}{wer}{extra}")
            if stand.zustand == VERALTET:
                lines += _stale(doc, stand, seiten)
                if stand.beschlossen is not None and m is not None:  # decided: the cure is not a new signature
                    lines.append(f"    {m.where('rolle')}: {was_tun(doc.source.auswahl, stand)}")
            elif stand.zustand == UNGUELTIG and m is not None:  # an invalid sign-off is a recorded one
                lines.append(f"    {m.where('rolle')}: {was_tun(doc.source.auswahl, stand)}")
            elif stand.grund and stand.grund_where is not None and m is None:  # asked by the budget law
                lines.append(f"    {stand.grund_where}: {was_tun(doc.source.auswahl, stand)}")
        lines += [*hinweis, ""]
    offen = sum(1 for doc in docs if doc.entwurf)
    lines.append(f"Freigegeben: {len(docs) - offen}, Entwurf: {offen}.")
    return "\n".join(lines) + "\n"
