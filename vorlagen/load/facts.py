"""Reads the data folder of one Körperschaft into Facts: every file once, with every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from vorlagen.core.dateinamen import im_ordner, windows_problem
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.reads import ABSENT, Recorded, exists, listing, note, note_all, reading_within, recording
from vorlagen.load.bescheide import Antrag, Bescheid
from vorlagen.load.dateien import Text, Unlesbar, read_markdowns
from vorlagen.load.haushalt import Haushalt, ist_jahr
from vorlagen.load.kennzahlen import Kennzahlen
from vorlagen.load.koerperschaft import Gremium, Koerperschaft
from vorlagen.load.niederschrift import Niederschrift
from vorlagen.load.records import Record, defined_at, line_of, read_data_file
from vorlagen.load.saetze import Foerderprogramm, Kostensaetze, Satz
from vorlagen.load.sitzungen import Sitzung
from vorlagen.load.stellen import Stellenstatistik
from vorlagen.load.stildateien import stildateien
from vorlagen.load.vertretung import DATEI as VERTRETUNG
from vorlagen.load.vertretung import Vertretung
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.vorlagenart import standard_arten
from vorlagen.load.vorlagenordner import VorlageSource, read_vorlage
from vorlagen.load.yamlfile import Quellen, keeping

_R = TypeVar("_R", bound=Record)


@dataclass
class NiederschriftSource:
    """The Niederschrift of one Sitzung: sitzungen/<id>/niederschrift.yaml and its Markdown texts."""

    sitzung_id: str
    niederschrift: Niederschrift
    folder: Path
    texts: dict[str, Text] = field(default_factory=dict)  # file name in niederschrift.yaml → text


@dataclass
class Facts:
    data_dir: Path
    paths: Paths
    koerperschaft: Koerperschaft
    sitzungen: dict[str, Sitzung]
    saetze: dict[str, Satz]
    bescheide: dict[str, Bescheid]
    vorlagen: list[VorlageSource]
    logo: Path | None
    unreadable: set[Unlesbar] = field(default_factory=set)  # files left out for their problems
    antraege: dict[str, Antrag] = field(default_factory=dict)  # file stem → Antrag
    stylesheet: Path | None = None  # the Hausstil's own CSS file, loaded after the default one
    niederschriften: dict[str, NiederschriftSource] = field(default_factory=dict)  # Sitzung id → Niederschrift
    stellen: dict[str, Stellenstatistik] = field(default_factory=dict)  # file stem → Stellenstatistik
    quellen: Quellen = field(default_factory=Quellen)  # every YAML and Markdown file read, and its characters
    kennzahlen: dict[str, Kennzahlen] = field(default_factory=dict)  # file stem → figures every Vorlage can read
    haushalte: dict[int, Haushalt] = field(default_factory=dict)  # Haushaltsjahr → haushalt/<jahr>.yaml
    gelesen: dict[Path | str, str] = field(default_factory=dict)  # every file the load read → its content hash
    stand: dict[str, str] = field(default_factory=dict)  # the lists of the data folder ('@liste:…', '@nummer:…')
    vertretung: Vertretung | None = None  # vertretung.yaml: Fraktionen, Gruppen and members; None without the file

    def vorlage(self, nummer: str) -> VorlageSource | None:
        """The Vorlage with this Nummer; a document that asks is stale when another Vorlage takes the Nummer or this
        one changes its vorlage.yaml."""
        name = f"@nummer:{nummer}"
        note(name, self.stand.get(name, ABSENT))
        found = next((s for s in self.vorlagen if s.vorlage.nummer == nummer), None)
        if found is not None:
            yaml = found.folder / "vorlage.yaml"
            note(yaml, self.gelesen.get(yaml, ABSENT))
            note_all(found.betreff_liest)
        return found

    def verweise_auf(self, nummer: str) -> list[VorlageSource]:
        """The Vorlagen that name this one as the Vorlage they change, the Anfrage they answer or the Antrag they
        comment on; a document that asks is stale when one is added, removed or changed."""
        name = f"@verweise:{nummer}"
        note(name, self.stand.get(name, ABSENT))
        found = [s for s in self.vorlagen if nummer in verwiesen(s.vorlage)]
        for source in found:
            note(source.folder / "vorlage.yaml", self.gelesen.get(source.folder / "vorlage.yaml", ABSENT))
        return found

    def gremium(self, gremium_id: str) -> Gremium:
        """The Gremium with this id (references are checked before anyone asks)."""
        return next(g for g in self.koerperschaft.gremien if g.id == gremium_id)

    def is_unreadable(self, folder: str, stem: str) -> bool:
        """True when a reference points at a file that could not be read (its problem is listed).

        For Vorlagen the stem is the Nummer; a Vorlage whose Nummer could not be read stands for any.
        """
        return Unlesbar(folder, stem) in self.unreadable or (
            folder == "vorlagen" and Unlesbar("vorlagen", None) in self.unreadable
        )


def load(data_dir: Path) -> tuple[Facts | None, list[Problem]]:
    """Reads every file of the data folder: the facts that could be read, and all problems.

    Files with problems are left out of the facts; without a data folder or a readable koerperschaft.yaml there
    are no facts (None).
    """
    with keeping() as quellen, reading_within(data_dir), recording() as gelesen:  # links out are refused
        facts, problems = _load(data_dir.resolve())
    if facts is not None:
        facts.quellen = quellen
        _recorded(facts, gelesen)
    return facts, problems


def _recorded(facts: Facts, gelesen: dict[Path | str, str]) -> None:
    """Every collection of facts notes, when a document asks for an item, the file it comes from (with the hash
    read at load) – the document's record then names every fact it printed."""
    data = facts.data_dir
    facts.gelesen = gelesen

    def datei(*parts: str) -> dict[Path | str, str]:
        path = data.joinpath(*parts)
        return {path: gelesen.get(path, ABSENT)}

    def satz(key: str) -> dict[Path | str, str]:
        teile = key.split("/")
        return (
            datei("kostensaetze", f"{teile[0]}.yaml")
            if len(teile) < 3
            else datei("foerderprogramme", f"{teile[0]}.yaml")
        )

    def wrap(name: str, items: dict, reads_of: Callable[[str], dict[Path | str, str]]) -> Recorded:
        facts.stand.__setitem__(*listing(name, items))
        return Recorded(items, reads_of, listing(name, items))

    facts.sitzungen = wrap("sitzungen", facts.sitzungen, lambda k: datei("sitzungen", f"{k}.yaml"))
    facts.saetze = wrap("saetze", facts.saetze, satz)
    facts.bescheide = wrap("bescheide", facts.bescheide, lambda k: datei("bescheide", f"{k}.yaml"))
    facts.antraege = wrap("antraege", facts.antraege, lambda k: datei("antraege", f"{k}.yaml"))
    facts.stellen = wrap("stellen", facts.stellen, lambda k: datei("stellen", f"{k}.yaml"))
    facts.kennzahlen = wrap("kennzahlen", facts.kennzahlen, lambda k: datei("kennzahlen", f"{k}.yaml"))
    facts.haushalte = wrap("haushalte", facts.haushalte, lambda k: datei("haushalt", f"{k}.yaml"))
    facts.niederschriften = wrap(
        "niederschriften", facts.niederschriften, lambda k: datei("sitzungen", k, "niederschrift.yaml")
    )
    verweise: dict[str, list[str]] = {}
    for source in facts.vorlagen:
        if source.vorlage.nummer is not None:
            facts.stand[f"@nummer:{source.vorlage.nummer}"] = source.folder.name
        for nummer in verwiesen(source.vorlage):
            verweise.setdefault(f"@verweise:{nummer}", []).append(source.folder.name)
    facts.stand.update({name: listing(name, ordner)[1] for name, ordner in verweise.items()})


def verwiesen(vorlage: Vorlage) -> set[str]:
    """The Nummern a Vorlage links to as Änderungsantrag, Beantwortung or Stellungnahme."""
    ziele = (vorlage.aendert.vorlage if vorlage.aendert else None, vorlage.beantwortet, vorlage.stellungnahme_zu)
    return {z for z in ziele if z is not None}


def _load(data_dir: Path) -> tuple[Facts | None, list[Problem]]:
    paths = Paths()
    if not data_dir.is_dir():
        return None, [Problem(paths.where(data_dir), "Datenordner nicht gefunden – prüfen Sie --data.")]
    koerperschaft, problems = read_data_file(data_dir / "koerperschaft.yaml", Koerperschaft, paths)
    # every name Windows cannot hold, anywhere in the data (a checkout there would fail or lose a file)
    problems += [Problem(paths.where(path), why) for path, why in im_ordner(data_dir)]
    unreadable: set[Unlesbar] = set()
    vertretung = None
    if exists(data_dir / VERTRETUNG):
        vertretung, found = read_data_file(data_dir / VERTRETUNG, Vertretung, paths)
        problems += found
        if vertretung is None:  # its problems are listed; an Einreicher is not refused for it
            unreadable.add(Unlesbar("vertretung", "vertretung"))

    def folder(name: str, cls: type[_R]) -> dict[str, _R]:
        """The good records of a folder by file stem; the others are noted as unreadable."""
        records, found = _read_folder(data_dir / name, cls, paths)
        problems.extend(found)
        unreadable.update(Unlesbar(name, path.stem) for path, r in records.items() if r is None)
        return {path.stem: r for path, r in records.items() if r is not None}

    sitzungen = folder("sitzungen", Sitzung)
    saetze = _saetze(folder("kostensaetze", Kostensaetze), folder("foerderprogramme", Foerderprogramm))
    bescheide = folder("bescheide", Bescheid)
    antraege = folder("antraege", Antrag)
    arten = (
        list(koerperschaft.hausstil.arten if koerperschaft else standard_arten()),
        defined_at(koerperschaft.hausstil, "arten") if koerperschaft else None,
    )
    vorlagen = []
    for vorlage_folder in sorted((data_dir / "vorlagen").glob("*")):
        if vorlage_folder.is_dir():
            source, found = read_vorlage(vorlage_folder, data_dir, paths, arten)
            problems += found
            if isinstance(source, Unlesbar):
                unreadable.add(source)
            elif source is not None:
                tage = [sitzungen[b.sitzung].datum for b in source.vorlage.beratungsfolge if b.sitzung in sitzungen]
                source.stand = source.vorlage.datum or min(tage, default=source.stand)
                vorlagen.append(source)
    stellen = folder("stellen", Stellenstatistik)
    kennzahlen = folder("kennzahlen", Kennzahlen)
    haushalte: dict[int, Haushalt] = {}
    for stem, haushalt in folder("haushalt", Haushalt).items():
        if ist_jahr(stem):
            haushalte[int(stem)] = haushalt
        else:
            problems.append(
                Problem(
                    paths.where(data_dir / "haushalt" / f"{stem}.yaml"),
                    f"„{stem}.yaml“: Der Dateiname ist kein Haushaltsjahr – "
                    "benennen Sie die Datei nach ihrem Jahr, z. B. "
                    "haushalt/2022.yaml.",
                )
            )
            unreadable.add(Unlesbar("haushalt", stem))
    niederschriften = {}
    for path in sorted((data_dir / "sitzungen").glob("*/niederschrift.yaml")):
        niederschrift, found = _read_niederschrift(path, data_dir, paths)
        problems += found
        if niederschrift is None:
            unreadable.add(Unlesbar("niederschriften", path.parent.name))
        else:
            niederschriften[niederschrift.sitzung_id] = niederschrift
    if koerperschaft is None:
        return None, problems
    (logo, stylesheet), found = stildateien(data_dir, koerperschaft.hausstil, paths)
    problems += found
    facts = Facts(data_dir, paths, koerperschaft, sitzungen, saetze, bescheide, vorlagen, logo, unreadable, antraege)
    facts.stylesheet, facts.niederschriften, facts.stellen = stylesheet, niederschriften, stellen
    facts.kennzahlen, facts.haushalte, facts.vertretung = kennzahlen, haushalte, vertretung
    return facts, problems


def _saetze(kataloge: dict[str, Kostensaetze], programme: dict[str, Foerderprogramm]) -> dict[str, Satz]:
    """Every rate by its id: kostensaetze/<katalog>.yaml's as katalog/key, a Förderprogramm's as
    programm/modul/key."""
    saetze: dict[str, Satz] = {}
    for stem, katalog in kataloge.items():
        for key, betrag in katalog.saetze.items():
            saetze[f"{stem}/{key}"] = Satz(
                f"{stem}/{key}",
                betrag,
                key,
                f"{katalog.titel}: {key}",
                katalog.gueltig,
                line_of(katalog.saetze, key),
                katalog.einheit,
                katalog.stellen_je_einheit(),
            )
    for stem, programm in programme.items():
        for modul_id, modul in programm.module.items():
            for key, satz in modul.saetze.items():
                satz_id = f"{stem}/{modul_id}/{key}"
                saetze[satz_id] = Satz(
                    satz_id, satz.betrag, satz.kurz, satz.name, programm.gueltig, satz.where(), satz.einheit, satz.vzae
                )
    return saetze


def _read_folder(folder: Path, cls: type[_R], paths: Paths) -> tuple[dict[Path, _R | None], list[Problem]]:
    """Every *.yaml of a folder, in name order, read as `cls`: None for a file with problems. A *.yml file is a
    problem of its own and left out."""
    records: dict[Path, _R | None] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.y*ml")):
        if windows_problem(path.name):  # left out (None: what names it is not told twice); im_ordner said why
            records[path] = None
            continue
        if path.suffix == ".yml":
            problems.append(
                Problem(paths.where(path), "Dateien enden auf .yaml, nicht .yml – benennen Sie die Datei um.")
            )
            continue
        records[path], found = read_data_file(path, cls, paths)
        problems += found
    return records, problems


def _read_niederschrift(path: Path, data_dir: Path, paths: Paths) -> tuple[NiederschriftSource | None, list[Problem]]:
    niederschrift, problems = read_data_file(path, Niederschrift, paths)
    if niederschrift is None:
        return None, problems
    named: list[tuple[Where, str | None]] = []
    for punkt in niederschrift.punkte:
        named += [(punkt.where("text"), punkt.text), (punkt.where("beschluss"), punkt.beschluss)]
        named += [(punkt.where("anmerkungen"), name) for name in punkt.anmerkungen]
    texts, found = read_markdowns(named, path.parent, data_dir, paths)
    return NiederschriftSource(path.parent.name, niederschrift, path.parent, texts), problems + found
