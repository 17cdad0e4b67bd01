"""Reads the data folder of one Körperschaft: the only module that opens data files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from vorlagen.core.problems import BuildFailed, Paths, Problem, Where, raise_if
from vorlagen.core.reads import NotReadable, digest, read_file, record, recording
from vorlagen.load.assets import FONT_SUFFIXES, IMAGE_SUFFIXES, font_problem, image_problem
from vorlagen.load.fonts import font_files
from vorlagen.load.haushalt import Haushalt, ist_jahr
from vorlagen.load.hausstil import standard_arten
from vorlagen.load.mitzeichnung import DATEI as MITZEICHNUNGEN
from vorlagen.load.mitzeichnung import ORDNER as GEZEICHNET
from vorlagen.load.mitzeichnung import Mitzeichnung, Mitzeichnungen, datei
from vorlagen.load.model import (
    Antrag,
    Bescheid,
    Foerderprogramm,
    Kennzahlen,
    Koerperschaft,
    Kostensaetze,
    Satz,
    Sitzung,
    Vorlage,
)
from vorlagen.load.niederschrift import Niederschrift, Stellenstatistik
from vorlagen.load.pdffile import pdf_problem
from vorlagen.load.records import INVALID, Reader, defined_at, line_of, suggest, unknown_word  # noqa: F401 (the lists' words)
from vorlagen.load.yamlfile import Mapping, Quellen, Scalar, keeping, read_again, read_text, read_yaml


@dataclass(frozen=True)
class Text:
    """A Markdown file as read, with where it stands.

    Only its size and hash are kept: the content is read again when a document needs it (a year of Vorlagen
    would otherwise hold every text in memory), and must still be what was read and checked.
    """

    path: Path
    where: Where
    size: int  # characters
    fingerprint: str  # hash of the text as read

    @classmethod
    def of(cls, path: Path, where: Where, content: str) -> Text:
        return cls(path, where, len(content), digest(content.encode()))

    @property
    def content(self) -> str:
        content = read_again(self.path)
        if content is None or digest(content.encode()) != self.fingerprint:
            raise BuildFailed(
                [
                    Problem(
                        self.where,
                        "Die Datei wurde während des Baus geändert – speichern Sie sie und bauen Sie noch einmal.",
                    )
                ]
            )
        return content


@dataclass
class VorlageSource:
    vorlage: Vorlage
    folder: Path
    texts: dict[str, Text] = field(default_factory=dict)  # file name in vorlage.yaml → text
    pdfs: dict[str, bytes] = field(default_factory=dict)  # PDF Anlagen, passed through
    reads: dict[Path, str] = field(default_factory=dict)  # every file the loader read for it → content hash
    mitzeichnungen: list[Mitzeichnung] = field(default_factory=list)  # from mitzeichnungen.yaml beside vorlage.yaml
    gezeichnet: dict[str, str | None] = field(
        default_factory=dict
    )  # Rolle → the text it signed (gezeichnet/), None: missing
    stand: dt.date = dt.date(2000, 1, 1)  # the Vorlage's date, or (without one) its first Sitzung's: dates the files

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
    unreadable: set[str] = field(default_factory=set)  # "folder/stem" of files that had problems
    antraege: dict[str, Antrag] = field(default_factory=dict)  # "folder/stem" of files that had problems
    stylesheet: Path | None = None  # the Hausstil's own CSS file, loaded after the default one
    niederschriften: dict[str, NiederschriftSource] = field(default_factory=dict)  # Sitzung id → Niederschrift
    stellen: dict[str, Stellenstatistik] = field(default_factory=dict)  # file stem → Stellenstatistik
    quellen: Quellen = field(default_factory=Quellen)  # every YAML and Markdown file read, and its characters
    kennzahlen: dict[str, Kennzahlen] = field(default_factory=dict)  # file stem → figures every Vorlage can read
    haushalte: dict[int, Haushalt] = field(default_factory=dict)  # Haushaltsjahr → haushalt/<jahr>.yaml

    def gremium(self, gremium_id: str):
        """The Gremium with this id (references are checked before anyone asks)."""
        return next(g for g in self.koerperschaft.gremien if g.id == gremium_id)

    def is_unreadable(self, folder: str, stem: str) -> bool:
        """True when a reference points at a file that could not be read (its problem is listed).

        For Vorlagen the stem is the Nummer; "vorlagen/*" stands for a Vorlage whose Nummer is unknown.
        """
        return f"{folder}/{stem}" in self.unreadable or (folder == "vorlagen" and "vorlagen/*" in self.unreadable)


def load(data_dir: Path) -> tuple[Facts, list[Problem]]:
    """Reads every file of the data folder: the facts that could be read, and all problems.

    Files with problems are left out of the facts; a missing koerperschaft.yaml stops here.
    """
    with keeping() as quellen:
        facts, problems = _load(data_dir)
    facts.quellen = quellen
    return facts, problems


def _load(data_dir: Path) -> tuple[Facts, list[Problem]]:
    data_dir = data_dir.resolve()
    paths = Paths(data_dir.parent)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise_if([Problem(paths.where(data_dir), "Datenordner nicht gefunden – prüfen Sie --data.")])
    reader = Reader(problems)
    unreadable: set[str] = set()
    koerperschaft = _read(data_dir / "koerperschaft.yaml", Koerperschaft, paths, reader)
    sitzungen = {p.stem: r for p, r in _read_folder(data_dir / "sitzungen", Sitzung, paths, reader, unreadable)}
    saetze: dict[str, Satz] = {}
    for path, katalog in _read_folder(data_dir / "kostensaetze", Kostensaetze, paths, reader, unreadable):
        for key, betrag in katalog.saetze.items():
            saetze[f"{path.stem}/{key}"] = Satz(
                f"{path.stem}/{key}",
                betrag,
                key,
                f"{katalog.titel}: {key}",
                katalog.gueltig,
                katalog.saetze.lines[key],
                katalog.einheit,
                katalog.stellen_je_einheit(),
            )
    for path, programm in _read_folder(data_dir / "foerderprogramme", Foerderprogramm, paths, reader, unreadable):
        for modul_id, modul in programm.module.items():
            for key, satz in modul.saetze.items():
                satz_id = f"{path.stem}/{modul_id}/{key}"
                saetze[satz_id] = Satz(
                    satz_id, satz.betrag, satz.kurz, satz.name, programm.gueltig, satz.where(), satz.einheit, satz.vzae
                )
    bescheide = {p.stem: r for p, r in _read_folder(data_dir / "bescheide", Bescheid, paths, reader, unreadable)}
    antraege = {p.stem: r for p, r in _read_folder(data_dir / "antraege", Antrag, paths, reader, unreadable)}
    arten = (
        list(koerperschaft.hausstil.arten if koerperschaft else standard_arten()),
        defined_at(koerperschaft.hausstil, "arten") if koerperschaft else None,
    )
    vorlagen = [
        source
        for folder in sorted((data_dir / "vorlagen").glob("*"))
        if folder.is_dir()
        if (source := _recorded_vorlage(folder, data_dir, paths, reader, unreadable, arten)) is not None
    ]
    for source in vorlagen:
        tage = [sitzungen[b.sitzung].datum for b in source.vorlage.beratungsfolge if b.sitzung in sitzungen]
        source.stand = source.vorlage.datum or min(tage, default=source.stand)
    stellen = {p.stem: r for p, r in _read_folder(data_dir / "stellen", Stellenstatistik, paths, reader, unreadable)}
    kennzahlen = {p.stem: r for p, r in _read_folder(data_dir / "kennzahlen", Kennzahlen, paths, reader, unreadable)}
    haushalte = _haushalte(data_dir, paths, reader, unreadable)
    niederschriften = {}
    for path in sorted((data_dir / "sitzungen").glob("*/niederschrift.yaml")):
        niederschrift = _read_niederschrift(path, data_dir, paths, reader)
        if niederschrift is None:
            unreadable.add(f"niederschriften/{path.parent.name}")
        else:
            niederschriften[niederschrift.sitzung_id] = niederschrift
    if koerperschaft is None:
        raise_if(problems)
    stil = koerperschaft.hausstil
    logo = _stil_datei(data_dir, stil, "logo", "Die Logodatei", problems)
    if logo is not None and logo.exists():
        reason = image_problem(logo, stil.logo)
        problems += [Problem(stil.where("logo"), reason)] if reason else []
    stylesheet = _stil_datei(data_dir, stil, "stylesheet", "Die CSS-Datei", problems)
    if stylesheet is not None and stylesheet.exists():
        problems += _stylesheet_references(stylesheet, data_dir, paths)
    problems += _own_fonts(data_dir, stil, paths)
    return Facts(
        data_dir,
        paths,
        koerperschaft,
        sitzungen,
        saetze,
        bescheide,
        vorlagen,
        logo,
        unreadable,
        antraege,
        stylesheet,
        niederschriften,
        stellen,
        kennzahlen=kennzahlen,
        haushalte=haushalte,
    ), problems


def _haushalte(data_dir: Path, paths: Paths, reader: Reader, unreadable: set[str]) -> dict[int, Haushalt]:
    """haushalt/<jahr>.yaml by year; a file not named after a year is a problem."""
    haushalte = {}
    for path, haushalt in _read_folder(data_dir / "haushalt", Haushalt, paths, reader, unreadable):
        if ist_jahr(path.stem):
            haushalte[int(path.stem)] = haushalt
        else:
            reader.problems.append(
                Problem(
                    paths.where(path),
                    f"„{path.name}“: Der Dateiname ist kein Haushaltsjahr – "
                    "benennen Sie die Datei nach ihrem Jahr, z. B. "
                    "haushalt/2022.yaml.",
                )
            )
            unreadable.add(f"haushalt/{path.stem}")
    return haushalte


def _stil_datei(data_dir: Path, stil, key: str, what: str, problems: list[Problem]) -> Path | None:
    """A file the Hausstil names (logo, stylesheet), inside the data folder and present."""
    name = getattr(stil, key)
    if not name:
        return None
    path = inside(data_dir, data_dir, name, stil.where(key), problems)
    if path is not None and not path.exists():
        problems.append(Problem(stil.where(key), f"{what} „{name}“ gibt es nicht – prüfen Sie den Namen."))
    return path


_CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]*)|@import\s+["']([^"']*)""", re.I)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:|//", re.I)
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.I)


def _stylesheet_references(stylesheet: Path, data_dir: Path, paths: Paths) -> list[Problem]:
    """Every file the Hausstil's CSS names, checked here with its line. An address on the network is refused: the
    CSS goes as it is into the HTML output, and would load from there in every reader's browser (a tracking pixel
    on the public site). A local file must be there, be a file, and be a sound image or font."""
    try:
        text = read_file(stylesheet).decode("utf-8", "replace")
    except OSError as error:
        return [
            Problem(
                paths.where(stylesheet),
                str(error)
                if isinstance(error, NotReadable)
                else "Die CSS-Datei lässt sich nicht lesen – prüfen Sie die Datei.",
            )
        ]
    fonts = [m.span() for m in _FONT_FACE.finditer(text)]
    problems = []
    for match in _CSS_URL.finditer(text):
        target = match[1] if match[1] is not None else match[2]
        where = paths.where(stylesheet, text.count("\n", 0, match.start()) + 1)
        if _SCHEME.match(target) and not target.lower().startswith("data:"):
            problems.append(
                Problem(
                    where,
                    f"„{target}“ ist eine Adresse im Netz – der Hausstil darf nur Dateien des "
                    'Datenordners nennen (z. B. url("stil/bild.png")); Leserinnen und Leser '
                    "würden sonst beim Öffnen jedes Dokuments diese Adresse abrufen.",
                )
            )
        elif target and not _SCHEME.match(target) and not target.startswith("#"):
            in_font_face = any(start <= match.start() < end for start, end in fonts)
            reason = _referenced_file(data_dir, stylesheet.parent, target, in_font_face)
            problems += [Problem(where, reason)] if reason else []
    return problems


def _referenced_file(data_dir: Path, folder: Path, target: str, font: bool) -> str | None:
    """Why the file `target` (relative to `folder`, as a CSS url() names it) cannot be used, or None."""
    path = folder / unquote(urlsplit(target).path)
    if not path.resolve().is_relative_to(data_dir.resolve()):
        return (
            f"„{target}“ liegt außerhalb des Datenordners – der Hausstil darf nur Dateien des Datenordners "
            "nennen; legen Sie die Datei dorthin, z. B. nach stil/."
        )
    if path.is_dir():
        return f'„{target}“ ist ein Ordner, keine Datei – nennen Sie eine Datei darin, z. B. url("bilder/logo.png").'
    if not path.exists():
        return f"„{target}“ gibt es nicht – prüfen Sie den Namen (er gilt relativ zur CSS-Datei)."
    if font or path.suffix.lower() in FONT_SUFFIXES:
        return font_problem(path, target)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return image_problem(path, target)
    return None


def _own_fonts(data_dir: Path, stil, paths: Paths) -> list[Problem]:
    """The data's own font files for the Hausstil's Schrift (templates/fonts/) must be sound fonts."""
    problems = []
    for path in font_files(data_dir, stil.schrift):
        if path.is_relative_to(data_dir):
            reason = font_problem(path, paths.show(path))
            problems += [Problem(stil.where("schrift"), reason)] if reason else []
    return problems


def own_file(
    data_dir: Path, folder: Path, name: str, where: Where, problems: list[Problem], paths: Paths | None = None
) -> Path | None:
    """A file named in a Vorlage: inside the data folder and not in another Vorlage's folder."""
    path = inside(data_dir, folder, name, where, problems, paths)
    vorlagen = data_dir / "vorlagen"
    if path is not None and path.is_relative_to(vorlagen) and not path.is_relative_to(folder):
        other = path.relative_to(vorlagen).parts[0]
        problems.append(
            Problem(
                where,
                f"„{name}“ liegt im Ordner einer anderen Vorlage ({other}) – legen Sie "
                "gemeinsame Texte außerhalb von vorlagen/ ab, z. B. unter textbausteine/.",
            )
        )
        return None
    return path


def unknown_art(where: Where, art: str, arten, defined: Where | None) -> Problem:
    """The problem of a Vorlagenart the Hausstil does not know."""
    return unknown_word(where, "art", art, arten, "arten", defined)


def inside(
    data_dir: Path, folder: Path, name: str, where: Where, problems: list[Problem], paths: Paths | None = None
) -> Path | None:
    """Resolves a file name given in the data (with `paths`, through its folder cache); refuses anything outside
    the data folder."""
    if Path(name).is_absolute() or "\\" in name:
        problems.append(
            Problem(
                where, f"„{name}“: Geben Sie Dateien relativ zum Ordner der Vorlage an, ohne / oder Laufwerk am Anfang."
            )
        )
        return None
    path = paths.resolve(folder / name) if paths else (folder / name).resolve()
    if not path.is_relative_to(data_dir):
        problems.append(
            Problem(
                where, f"„{name}“ liegt außerhalb des Datenordners – legen Sie die Datei in den Ordner der Vorlage."
            )
        )
        return None
    return path


def _read(path: Path, cls, paths: Paths, reader: Reader):
    node = read_yaml(path, paths, reader.problems)
    if node is None:
        return None
    value = reader.record(node, cls, path.name)
    return None if value is INVALID else value


def _read_folder(folder: Path, cls, paths: Paths, reader: Reader, unreadable: set[str]):
    """Reads every *.yaml in a folder, in name order; yields (path, record) for the good ones
    and notes the others in `unreadable`."""
    for path in sorted(folder.glob("*.y*ml")):
        if path.suffix == ".yml":
            reader.problems.append(
                Problem(paths.where(path), "Dateien enden auf .yaml, nicht .yml – benennen Sie die Datei um.")
            )
            continue
        value = _read(path, cls, paths, reader)
        if value is not None:
            yield path, value
        else:
            unreadable.add(f"{folder.name}/{path.stem}")


def _recorded_vorlage(
    folder: Path,
    data_dir: Path,
    paths: Paths,
    reader: Reader,
    unreadable: set[str],
    arten: tuple[list[str], Where | None],
) -> VorlageSource | None:
    with recording() as reads:
        source = _read_vorlage(folder, data_dir, paths, reader, unreadable, arten)
    if source is not None:
        source.reads = reads
    return source


def _read_niederschrift(path: Path, data_dir: Path, paths: Paths, reader: Reader) -> NiederschriftSource | None:
    niederschrift = _read(path, Niederschrift, paths, reader)
    if niederschrift is None:
        return None
    source = NiederschriftSource(path.parent.name, niederschrift, path.parent)
    for punkt in niederschrift.punkte:
        names = [(punkt.where("text"), punkt.text), (punkt.where("beschluss"), punkt.beschluss)]
        names += [(punkt.where("anmerkungen"), name) for name in punkt.anmerkungen]
        for where, name in names:
            if name is not None and name not in source.texts:
                _read_markdown(source.texts, name, source.folder, where, data_dir, paths, reader.problems)
    return source


def _read_markdown(
    texts: dict[str, Text], name: str, folder: Path, where: Where, data_dir: Path, paths: Paths, problems: list[Problem]
) -> None:
    """Reads a Markdown file named in a YAML file into `texts`; problems when it is missing, outside the data
    folder or in another Vorlage's folder (a Niederschrift must not publish a non-public Vorlage's text)."""
    path = own_file(data_dir, folder, name, where, problems, paths)
    if path is None:
        return
    if not path.is_file():
        problems.append(
            Problem(where, f"Die Datei „{name}“ gibt es nicht im Ordner {paths.show(folder)} – prüfen Sie den Namen.")
        )
        return
    content = read_text(path, paths, problems)
    if content is not None:
        texts[name] = Text.of(path, paths.where(path), content)


def _finanzen_text_where(vorlage: Vorlage) -> Where:
    """The line naming the Finanzielle Auswirkungen' Markdown file, in either form."""
    daten = vorlage.finanzen_daten
    return daten.where("text") if daten is not None else vorlage.where("finanzielle_auswirkungen")


MAX_GEZEICHNET = 20 * 1024 * 1024  # bytes of a signed text (the example's is 6 KB)


def _signed_text(path: Path) -> str | None:
    """What a role signed, as kept in gezeichnet/; None when it is missing, unreadable or not UTF-8."""
    try:
        content = read_file(path, MAX_GEZEICHNET)
        record(path, content)
        return content.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _read_vorlage(
    folder: Path,
    data_dir: Path,
    paths: Paths,
    reader: Reader,
    unreadable: set[str],
    arten: tuple[list[str], Where | None],
) -> VorlageSource | None:
    yaml_path = folder / "vorlage.yaml"
    if not yaml_path.is_file():
        reader.problems.append(Problem(paths.where(folder), "In diesem Vorlagenordner fehlt die Datei vorlage.yaml."))
        return None
    node = read_yaml(yaml_path, paths, reader.problems)
    vorlage = reader.record(node, Vorlage, yaml_path.name) if node is not None else INVALID
    if vorlage is INVALID:
        nummer = node.entries.get("nummer") if isinstance(node, Mapping) else None
        art = node.entries.get("art") if isinstance(node, Mapping) else None
        if art and isinstance(art[1], Scalar) and not art[1].is_null and art[1].text not in arten[0]:
            reader.problems.append(unknown_art(art[1].where, art[1].text, *arten))
        unreadable.add(f"vorlagen/{nummer[1].text if nummer and isinstance(nummer[1], Scalar) else '*'}")
        return None
    assert isinstance(vorlage, Vorlage)
    source = VorlageSource(vorlage, folder)
    problems = reader.problems
    if (folder / MITZEICHNUNGEN).is_file():
        gezeichnet = _read(folder / MITZEICHNUNGEN, Mitzeichnungen, paths, reader)
        source.mitzeichnungen = gezeichnet.mitzeichnungen if gezeichnet is not None else []
        source.gezeichnet = {m.rolle: _signed_text(folder / GEZEICHNET / datei(m.rolle)) for m in source.mitzeichnungen}
    texts = [
        (vorlage.where("beschlussvorschlag"), vorlage.beschlussvorschlag),
        (_finanzen_text_where(vorlage), vorlage.finanzen_text),
    ]
    texts += [(vorlage.where("abschnitte"), name) for name in vorlage.abschnitte]
    texts += [(line_of(vorlage.texte, key), name) for key, name in vorlage.texte.items()]
    texts += [(anlage.where("datei"), anlage.datei) for anlage in vorlage.anlagen if anlage.datei.endswith(".md")]
    for where, name in texts:
        if name is not None:
            _read_markdown(source.texts, name, folder, where, data_dir, paths, problems)
    for anlage in vorlage.anlagen:
        if anlage.datei.endswith(".md"):
            continue
        if not anlage.datei.endswith(".pdf"):
            problems.append(
                Problem(anlage.where("datei"), f"Anlagen sind Markdown (.md) oder PDF (.pdf), nicht „{anlage.datei}“.")
            )
            continue
        path = own_file(data_dir, folder, anlage.datei, anlage.where("datei"), problems, paths)
        if path is not None and not path.is_file():
            problems.append(
                Problem(anlage.where("datei"), f"Die Anlage „{anlage.datei}“ gibt es nicht – prüfen Sie den Namen.")
            )
        elif path is not None:
            try:
                content = read_file(path)
            except NotReadable as error:
                problems.append(Problem(anlage.where("datei"), str(error)))
                continue
            record(path, content)
            reason = pdf_problem(content)
            if reason:
                problems.append(Problem(anlage.where("datei"), f"„{anlage.datei}“ {reason}"))
            source.pdfs[anlage.datei] = content
    return source
