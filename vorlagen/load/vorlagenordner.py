"""The folder of one Vorlage: vorlage.yaml, the Markdown texts and PDF Anlagen it names, its Mitzeichnungen and the
texts they signed, the Haushalt it was decided on – read with a record of every file, for the Vorlage's cache key."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from vorlagen.core.pfade import innerhalb, schleife
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.reads import NotReadable, absent, read_file, recording
from vorlagen.load.beschlossen import DATEI as BESCHLOSSEN
from vorlagen.load.beschlossen import Beschlossen
from vorlagen.load.dateien import Text, Unlesbar, own_file, read_markdowns
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.mitzeichnung import ORDNER as GEZEICHNET
from vorlagen.load.mitzeichnung import Mitzeichnung, Mitzeichnungen, datei
from vorlagen.load.pdffile import check_pdf
from vorlagen.load.records import line_of, read_data_file, read_record, unknown_word
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.yamlfile import Mapping, Scalar, read_yaml

MAX_GEZEICHNET = 20 * 1024 * 1024  # bytes of a signed text (the example's is 6 KB)


@dataclass
class VorlageSource:
    vorlage: Vorlage
    folder: Path
    texts: dict[str, Text] = field(default_factory=dict)  # file name in vorlage.yaml → text
    pdfs: dict[str, bytes] = field(default_factory=dict)  # PDF Anlagen, passed through
    reads: dict[Path | str, str] = field(default_factory=dict)  # every file the loader read for it → content hash
    mitzeichnungen: list[Mitzeichnung] = field(default_factory=list)  # from mitzeichnungen.yaml beside vorlage.yaml
    gezeichnet: dict[str, str | None] = field(
        default_factory=dict
    )  # Rolle → the text it signed (gezeichnet/), None: missing or not read
    unlesbar: dict[str, str] = field(default_factory=dict)  # Rolle → why its text is not read: AUSSEN or SCHLEIFE
    beschlossen: Beschlossen | None = None  # beschlossen.yaml: the Haushalt it was decided on (`vorlagen beschluss`)
    stand: dt.date = dt.date(2000, 1, 1)  # the Vorlage's date, or (without one) its first Sitzung's: dates the files
    betreff_liest: dict[Path | str, str] = field(
        default_factory=dict
    )  # a Betreff that quotes figures: what they were computed from (building/vorbereitung.py), noted with the Vorlage

    @property
    def slug(self) -> str:
        """Folder and file name of the output, e.g. 2021-0123; without a Nummer the Vorlage's folder name."""
        if self.vorlage.nummer is None:
            return re.sub(r"[^0-9A-Za-z._-]", "-", self.folder.name).strip(".") or "vorlage"
        return self.vorlage.nummer.replace("/", "-")

    @property
    def bezeichnung(self) -> str:
        """The Vorlage as messages name it: its Nummer, or its folder while the Nummer is open."""
        return self.vorlage.nummer or f"ohne Nummer (Ordner {self.folder.name})"

    @property
    def auswahl(self) -> str:
        """How commands (zeichnen, freigabe) take it: its Nummer, or its folder's name while the Nummer is open."""
        return self.vorlage.nummer or self.folder.name

    @property
    def kennung(self) -> str:
        """A key unique within the data folder: the Nummer, or the folder while the Nummer is open."""
        return self.vorlage.nummer or f"ordner:{self.folder.name}"


Arten = tuple[
    Collection[str], Where | None
]  # the Hausstil's Vorlagenarten, and the line that lists them (None: defaults)


def read_vorlage(
    folder: Path, data_dir: Path, paths: Paths, arten: Arten
) -> tuple[VorlageSource | Unlesbar | None, list[Problem]]:
    """A Vorlage's folder, with every file read for it; Unlesbar when its vorlage.yaml cannot be read, None when
    the folder has none."""
    with recording() as reads:
        source, problems = _read(folder, data_dir, paths, arten)
    if isinstance(source, VorlageSource):
        source.reads = reads
    return source, problems


def unknown_art(where: Where, art: str, arten: Collection[str], defined: Where | None) -> Problem:
    """The problem of a Vorlagenart the Hausstil does not know."""
    return unknown_word(where, "art", art, arten, "arten", defined)


def _read(
    folder: Path, data_dir: Path, paths: Paths, arten: Arten
) -> tuple[VorlageSource | Unlesbar | None, list[Problem]]:
    yaml_path = folder / "vorlage.yaml"
    if not yaml_path.is_file():
        return None, [Problem(paths.where(folder), "In diesem Vorlagenordner fehlt die Datei vorlage.yaml.")]
    node, problems = read_yaml(yaml_path, paths)
    vorlage, found = read_record(node, Vorlage, yaml_path.name) if node is not None else (None, [])
    problems += found
    if vorlage is None:
        nummer = node.entries.get("nummer") if isinstance(node, Mapping) else None
        art = node.entries.get("art") if isinstance(node, Mapping) else None
        if art and isinstance(art[1], Scalar) and not art[1].is_null and art[1].text not in arten[0]:
            problems.append(unknown_art(art[1].where, art[1].text, *arten))
        return Unlesbar("vorlagen", nummer[1].text if nummer and isinstance(nummer[1], Scalar) else None), problems
    source = VorlageSource(vorlage, folder)
    if (folder / MITZEICHNUNGEN).is_file():
        gezeichnet, found = read_data_file(folder / MITZEICHNUNGEN, Mitzeichnungen, paths)
        problems += found
        source.mitzeichnungen = gezeichnet.mitzeichnungen if gezeichnet is not None else []
        for m in source.mitzeichnungen:
            path = folder / GEZEICHNET / datei(m.rolle)
            source.gezeichnet[m.rolle], grund = _signed_text(path, data_dir)
            if grund is not None:
                source.unlesbar[m.rolle] = grund
    if (folder / BESCHLOSSEN).is_file():
        source.beschlossen, found = read_data_file(folder / BESCHLOSSEN, Beschlossen, paths)
        problems += found
    texts: list[tuple[Where, str | None]] = [
        (vorlage.where("beschlussvorschlag"), vorlage.beschlussvorschlag),
        (_finanzen_text_where(vorlage), vorlage.finanzen_text),
    ]
    texts += [(vorlage.where("abschnitte"), name) for name in vorlage.abschnitte]
    texts += [(line_of(vorlage.texte, key), name) for key, name in vorlage.texte.items()]
    texts += [(anlage.where("datei"), anlage.datei) for anlage in vorlage.anlagen if anlage.datei.endswith(".md")]
    source.texts, found = read_markdowns(texts, folder, data_dir, paths)
    problems += found
    for anlage in vorlage.anlagen:
        if not anlage.datei.endswith(".md"):
            content, found = _read_pdf(anlage.datei, anlage.where("datei"), folder, data_dir, paths)
            problems += found
            if content is not None:
                source.pdfs[anlage.datei] = content
    return source, problems


def _read_pdf(
    name: str, where: Where, folder: Path, data_dir: Path, paths: Paths
) -> tuple[bytes | None, list[Problem]]:
    """A PDF Anlage's bytes, checked (None when it cannot be read at all)."""
    if not name.endswith(".pdf"):
        return None, [Problem(where, f"Anlagen sind Markdown (.md) oder PDF (.pdf), nicht „{name}“.")]
    path, problems = own_file(data_dir, folder, name, where, paths)
    if path is None:
        return None, problems
    if not path.is_file():
        return None, [Problem(where, f"Die Anlage „{name}“ gibt es nicht – prüfen Sie den Namen.")]
    try:
        content = read_file(path)
    except NotReadable as error:
        return None, [Problem(where, str(error))]
    return content, check_pdf(content, name, where)


def _finanzen_text_where(vorlage: Vorlage) -> Where:
    """The line naming the Finanzielle Auswirkungen' Markdown file, in either form."""
    daten = vorlage.finanzen_daten
    return daten.where("text") if daten is not None else vorlage.where("finanzielle_auswirkungen")


AUSSEN, SCHLEIFE = "außen", "Schleife"  # why a signed text is not read: a link out of the data folder, a loop


def _signed_text(path: Path, data_dir: Path) -> tuple[str | None, str | None]:
    """What a role signed, as kept in gezeichnet/ (None when it is missing, unreadable or not UTF-8), and AUSSEN or
    SCHLEIFE when it is not read because a link (the file or gezeichnet/) leads out of the data folder or round."""
    if not innerhalb(path, data_dir):
        absent(path)  # the document is stale once the link is replaced by the file
        return None, SCHLEIFE if schleife(path) else AUSSEN
    try:
        content = read_file(path, MAX_GEZEICHNET, within=data_dir)
    except OSError:
        absent(path)
        return None, None
    try:
        return content.decode("utf-8"), None
    except UnicodeDecodeError:
        return None, None
