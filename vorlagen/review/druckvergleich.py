"""What two builds print differently: every output document (Vorlagen, Anlagen, agendas, Niederschriften,
Auszüge, Beschlusskontrolle, Mappen, publish bundles) by its text rendition and its pages, each Word file by its own
text, every other file of the output by its bytes, and the data files that change the print without changing a word
(stylesheets, fonts, images)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from vorlagen.core.limits import MAX_TEXTFASSUNG
from vorlagen.core.reads import ABSENT, hash_of, read_file
from vorlagen.review import worttext
from vorlagen.review.diff import text_changes
from vorlagen.review.pdfseiten import abdruecke, seiten_text, seitenzahl

# data files that change how a document looks, not what it says: suffix → the word a reviewer reads
DRUCKDATEIEN = {
    ".css": "Stylesheet",
    ".ttf": "Schrift",
    ".otf": "Schrift",
    ".woff": "Schrift",
    ".woff2": "Schrift",
    ".png": "Bild",
    ".jpg": "Bild",
    ".jpeg": "Bild",
    ".gif": "Bild",
    ".svg": "Bild",
    ".webp": "Bild",
}


@dataclass
class Dokumentaenderung:
    """One printed document (a PDF of the output) that is not the same in both builds."""

    datei: str  # its path in the output folder: 'sitzungen/ASI-2021-06-10/tagesordnung.pdf'
    status: str  # geändert | neu | entfernt
    seiten: tuple[int | None, int | None] = (None, None)  # page counts before and after (None: not there)
    text: list[tuple[str, str]] = field(default_factory=list)  # changed lines of its text rendition
    textfassung: bool = False  # its text is known (rendition or the PDF's own pages), so „gleicher Text“ can be said
    oben: bool = False  # a Vorlage's own PDF whose text changes are shown above, with the Vorlage
    textseiten: list[int] = field(default_factory=list)  # pages (of the new PDF) whose text changed, where read
    wie: str = ""  # another changed PDF of the output with exactly these bytes (a published copy), named instead
    druckseiten: list[int] = field(default_factory=list)  # pages that print differently though the text is the same
    text_wie: str = ""  # a Word file whose text changed as its PDF's did: that PDF, named instead of the lines
    verglichen_mit: str = ""  # a new file of a Vorlage compared with the other state's file: its released print
    # public for a new ENTWURF in intern/, the ENTWURF gone from intern/ for a new released public file

    def zeile(self) -> str:
        """'datei: geändert, 2 → 3 Seiten' – the line that names it."""
        alt, neu = self.seiten
        if self.status == "neu" and self.verglichen_mit:
            art = "der Text oben bei der Vorlage" if self.oben and self.text else "Text geändert" if self.text else ""
            art = f"Text geändert wie in {self.text_wie}" if self.text_wie else art or "gleicher Text"
            wozu = "Entwurf zur freigegebenen Fassung" if self.datei.startswith("intern/") else "freigegeben, vorher"
            return f"{self.datei}: neu{_seiten(neu)}, {wozu} {self.verglichen_mit} ({art})"
        if self.status == "neu":
            return f"{self.datei}: neu{_seiten(neu)}"
        if self.status == "entfernt":
            return f"{self.datei}: entfernt{_seiten(alt)}"
        gleich = (
            "gleicher Text, anders formatiert" if self.datei.endswith(".docx") else "gleicher Text, anders gedruckt"
        )
        art = gleich if self.textfassung and not self.text else "geändert"
        if self.textfassung and not self.text and self.druckseiten:
            art += f" auf {_seitenliste(self.druckseiten)}"
        if self.oben and self.text:
            art = "geändert (der Text oben bei der Vorlage)"
        elif self.wie:
            art = f"geändert wie {self.wie}"
        elif self.text_wie:
            art = f"Text geändert wie in {self.text_wie}"
        elif self.text and self.textseiten:
            art = f"geändert, Text auf {_seitenliste(self.textseiten)}"
        return f"{self.datei}: {art}" + (f", {alt} → {neu} Seiten" if alt != neu and alt and neu else "")


def _seitenliste(seiten: list[int]) -> str:
    """'Seite 2' or 'Seiten 1, 3'."""
    return f"{'Seite' if len(seiten) == 1 else 'Seiten'} {', '.join(str(seite) for seite in seiten)}"


def _seiten(anzahl: int | None) -> str:
    return "" if anzahl is None else f" ({anzahl} {'Seite' if anzahl == 1 else 'Seiten'})"


@dataclass
class Druckvergleich:
    dokumente: list[Dokumentaenderung] = field(default_factory=list)
    druckdateien: list[str] = field(default_factory=list)  # 'Stylesheet data/stil/haus.css (geändert)'
    weitere: list[str] = field(default_factory=list)  # other output files changed: 'index.html'
    oparl: list[str] = field(default_factory=list)  # OParl objects new or gone by name, the changed ones counted

    def __bool__(self) -> bool:
        return bool(self.dokumente or self.druckdateien or self.weitere or self.oparl)


def vergleichen(
    alt: Path,
    neu: Path,
    alt_daten: Path,
    neu_daten: Path,
    gezeigt: set[str],
    inhalte: tuple[dict[str, str], dict[str, str]] | None = None,
) -> Druckvergleich:
    """The documents and files of two output folders that differ, and the data's print files that differ.
    `gezeigt`: PDFs whose text changes are shown already (a Vorlage's own comparison): named with their pages.
    `inhalte`: each folder's files → SHA-256 of their bytes where the builds that made them know them (the
    builder's record of what it wrote and checked); read from the folders otherwise."""
    result = Druckvergleich(druckdateien=druckdateien(alt_daten, neu_daten))
    a, b = inhalte if inhalte is not None else (_dateien(alt), _dateien(neu))
    geaendert = {name for name in set(a) | set(b) if a.get(name) != b.get(name)}
    pdfs = {name for name in geaendert if name.endswith(".pdf")}
    words = {name for name in geaendert if name.endswith(".docx")}
    for name in sorted(pdfs):
        status = "neu" if name not in a else "entfernt" if name not in b else "geändert"
        rendition = str(PurePosixPath(name).with_suffix(".txt"))
        change = Dokumentaenderung(name, status, (seitenzahl(alt, name, a), seitenzahl(neu, name, b)))
        change.textfassung = rendition in a or rendition in b
        change.verglichen_mit = _gegenstueck(name, a, b)
        if change.verglichen_mit:  # a draft compared with the released text, a released text with its draft
            vorher = str(PurePosixPath(change.verglichen_mit).with_suffix(".txt"))
            change.text = text_changes(_zeilen(alt, vorher, a), _zeilen(neu, rendition, b))
            change.oben = name in gezeigt or change.verglichen_mit in gezeigt
        if status == "geändert" and change.textfassung:
            change.text = text_changes(_zeilen(alt, rendition, a), _zeilen(neu, rendition, b))
            change.oben = name in gezeigt
        elif status == "geändert":
            change.wie = _zwilling(name, b, pdfs, a)
            if not change.wie:  # a Sitzungsmappe: its text read from its pages
                _seitentext(change, seiten_text(alt, name), seiten_text(neu, name))
        if status == "geändert" and change.textfassung and not change.text and not change.wie:
            change.druckseiten = _anders_gedruckt(abdruecke(alt, name), abdruecke(neu, name))
        result.dokumente.append(change)
    result.dokumente += [_word(name, alt, neu, a, b, result.dokumente, words) for name in sorted(words)]
    # each Word file right after its PDF
    result.dokumente.sort(key=lambda d: (str(PurePosixPath(d.datei).with_suffix(".pdf")), d.datei.endswith(".docx")))
    oparl = {name for name in geaendert if name.startswith("oparl/")}
    result.oparl = [f"{name} (neu)" for name in sorted(oparl - set(a))]
    result.oparl += [f"{name} (entfernt)" for name in sorted(oparl - set(b))]
    anders = len(oparl & set(a) & set(b))
    if anders:
        result.oparl.append(f"{anders} {'Objekt' if anders == 1 else 'Objekte'} geändert")
    for name in sorted(geaendert - pdfs - words - oparl):
        path = PurePosixPath(name)
        if path.suffix in (".txt", ".html") and str(path.with_suffix(".pdf")) in pdfs:
            continue  # the rendition and the web page of a document named above
        if name.startswith("assets/") and name.endswith(".txt"):
            continue
        status = " (neu)" if name not in a else " (entfernt)" if name not in b else ""
        result.weitere.append(name + status)
    return result


def _word(
    name: str,
    alt: Path,
    neu: Path,
    a: dict[str, str],
    b: dict[str, str],
    pdfs: list[Dokumentaenderung],
    words: set[str],
) -> Dokumentaenderung:
    """A Word file that is not the same in both builds, compared by its own text: where its words changed as those of
    its PDF's text rendition did, that PDF is named; a published copy is named by the file it copies."""
    status = "neu" if name not in a else "entfernt" if name not in b else "geändert"
    change = Dokumentaenderung(name, status, textfassung=True, verglichen_mit=_gegenstueck(name, a, b))
    if status != "geändert" and not change.verglichen_mit:
        return change
    vorige = change.verglichen_mit or name  # the other state's file a new one is compared with
    rendition = str(PurePosixPath(name).with_suffix(".txt"))
    vorige_fassung = str(PurePosixPath(vorige).with_suffix(".txt"))
    change.wie = "" if rendition in a or rendition in b else _zwilling(name, b, words, a)  # a copy of one with text
    if change.wie:
        return change
    vorher, nachher = worttext.zeilen(alt, vorige, a), worttext.zeilen(neu, name, b)
    change.text = text_changes(vorher, nachher)
    pdf = next((d for d in pdfs if d.datei == str(PurePosixPath(name).with_suffix(".pdf"))), None)
    if change.text and pdf is not None:
        text = worttext.worte(_zeilen(alt, vorige_fassung, a)), worttext.worte(_zeilen(neu, rendition, b))
        if worttext.anders(*text) == worttext.anders(worttext.worte(vorher), worttext.worte(nachher)):
            change.text_wie = pdf.datei
    return change


def _gegenstueck(name: str, a: dict[str, str], b: dict[str, str]) -> str:
    """The file of the other state of a Vorlage that a new file of it is compared with ("" where there is none): a
    Vorlage whose sign-off went stale builds its ENTWURF in intern/ (compared with the released public file, which
    a build keeps there as the last release, a fresh review build not); a Vorlage signed now is public, its ENTWURF
    gone from intern/ (compared with the draft)."""
    if name in a:
        return ""
    if name.startswith("intern/vorlagen/"):
        oeffentlich = name.removeprefix("intern/")
        return oeffentlich if oeffentlich in a else ""  # kept public (the last release) or gone from there
    entwurf = f"intern/{name}"
    return entwurf if name.startswith("vorlagen/") and entwurf in a and entwurf not in b else ""


def druckdateien(alt: Path, neu: Path) -> list[str]:
    """The data folder's stylesheets, fonts and images that differ (its templates/ are the Hausstil's, named
    apart): 'Stylesheet data/stil/haus.css (geändert)'."""
    a, b = _dateien(alt, DRUCKDATEIEN), _dateien(neu, DRUCKDATEIEN)
    found = []
    for name in sorted(set(a) | set(b)):
        if name.startswith("templates/") or a.get(name) == b.get(name):
            continue
        status = "neu" if name not in a else "entfernt" if name not in b else "geändert"
        found.append(f"{DRUCKDATEIEN[PurePosixPath(name).suffix.lower()]} {neu.name}/{name} ({status})")
    return found


def _dateien(folder: Path, suffixes: dict[str, str] | None = None) -> dict[str, str]:
    """Relative path → content hash of every plain file below a folder (links are not followed; every read is
    bounded), only those with one of `suffixes` when given."""
    found = {}
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in files:
            path = Path(root) / name
            if suffixes is not None and path.suffix.lower() not in suffixes:
                continue
            try:
                if not stat.S_ISREG(os.lstat(path).st_mode):
                    continue
            except OSError:
                continue
            found[path.relative_to(folder).as_posix()] = hash_of(path)
    return found


def _zeilen(out: Path, name: str, vorhanden: dict[str, str]) -> list[str]:
    """The non-empty lines of a text rendition (none when it is not there or larger than any this program writes)."""
    if vorhanden.get(name, ABSENT) == ABSENT:
        return []
    try:
        text = read_file(out / name, MAX_TEXTFASSUNG, within=out, noted=False).decode("utf-8", "replace")
    except OSError:
        return []
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def _zwilling(name: str, neu: dict[str, str], pdfs: set[str], alt: dict[str, str]) -> str:
    """Another changed PDF with this one's bytes before and after (a published copy of an agenda, a Niederschrift or
    a Mappe), shown in its place: one with a text rendition, else the first by name (which shows the text itself)."""
    gleich = sorted(
        other for other in pdfs if other != name and neu.get(other) == neu.get(name) and alt.get(other) == alt.get(name)
    )
    mit_text = [other for other in gleich if str(PurePosixPath(other).with_suffix(".txt")) in neu]
    if mit_text:
        return mit_text[0]
    return gleich[0] if gleich and gleich[0] < name else ""


def _seitentext(change: Dokumentaenderung, alt: list[list[str]] | None, neu: list[list[str]] | None) -> None:
    """The changed lines of a PDF read page by page, and the pages of the new PDF whose text is not the old one's."""
    if alt is None or neu is None:
        return
    change.textfassung = True
    change.text = text_changes([line for page in alt for line in page], [line for page in neu for line in page])
    change.textseiten = [nummer for nummer, page in enumerate(neu, 1) if nummer > len(alt) or page != alt[nummer - 1]]


def _anders_gedruckt(alt: list[str] | None, neu: list[str] | None) -> list[int]:
    """The pages of the new PDF that print differently from the old one's page of the same number."""
    if alt is None or neu is None:
        return []
    return [nummer for nummer, digest in enumerate(neu, 1) if nummer > len(alt) or digest != alt[nummer - 1]]


def zeilen(druck: Druckvergleich) -> list[str]:
    """The comparison in German, for people: after the Vorlagen, before the counts."""
    lines = []
    if druck.dokumente:
        lines.append("Gedruckte Dokumente:")
        for change in druck.dokumente:
            lines.append(f"  {change.zeile()}")
            lines += [] if change.oben or change.text_wie else [f"    {mark} {text}" for mark, text in change.text]
        lines.append("")
    if druck.druckdateien:
        lines += [f"Anders gedruckt: {', '.join(druck.druckdateien)} – das kann jedes Dokument betreffen.", ""]
    if druck.weitere:
        lines += [f"Weitere Dateien der Ausgabe geändert: {', '.join(druck.weitere)}", ""]
    if druck.oparl:
        lines += [f"OParl-Schnittstelle: {', '.join(druck.oparl)}", ""]
    return lines


def als_dict(druck: Druckvergleich) -> dict:
    """The comparison for tools (`vergleichen --json`)."""
    return {
        "dokumente": [
            {"datei": d.datei, "status": d.status, "seiten": list(d.seiten), "text": d.text, "zeile": d.zeile()}
            for d in druck.dokumente
        ],
        "druckdateien": druck.druckdateien,
        "weitere": druck.weitere,
        "oparl": druck.oparl,
    }
