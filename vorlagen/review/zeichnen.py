"""A sign-off recorded: one role signs what a Vorlage prints now – mitzeichnungen.yaml and the signed text in
gezeichnet/, both written together through core/schreibvorgang. The one way of signing, for `vorlagen zeichnen`
(cli/zeichnen.py) and for the server's sign-off in the browser (server/mitzeichnen.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.core.fmt import datum as tag
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where, raise_if
from vorlagen.core.schreibvorgang import Aenderung, schreiben, stand_der_datei

if TYPE_CHECKING:
    from collections.abc import Iterable

    from vorlagen.compute.hauptbuch import Project
    from vorlagen.load.mitzeichnung import Mitzeichnung
    from vorlagen.load.vorlagenordner import VorlageSource
    from vorlagen.render.freigabe import Freigabe
    from vorlagen.render.seitenbild import Bereich
    from vorlagen.render.vorlagendokument import VorlageDoc

KOPF = (
    "# Mitzeichnungen dieser Vorlage – „vorlagen zeichnen“ schreibt sie, „vorlagen freigabe“ prüft sie.\n"
    "# Was jede Rolle gezeichnet hat, steht in gezeichnet/; wer es eingetragen hat, zeigt git.\n"
)
VORLAUF = dt.timedelta(days=365)  # how long before its date a Vorlage may be signed (a year: a typo, not a draft)


@dataclass
class Gezeichnet:
    """What a sign-off wrote: the files, and the Vorlage's sign-off state as it was before (freigabe.Freigabe)."""

    source: VorlageSource
    rolle: str
    name: str
    datum: dt.date
    dateien: list[Path]
    stand: Freigabe


def _refuse(label: str, message: str) -> BuildFailed:
    return BuildFailed([Problem(Where(label), message)])


def name_pruefen(name: str, feld: str = "--name") -> str:
    """The name as recorded (without surrounding blanks), by the rule mitzeichnungen.yaml is checked with."""
    from vorlagen.load.mitzeichnung import NAME_LAENGE, name_fehler
    from vorlagen.load.neuanlage import text_value

    fehler = name_fehler(name.strip() or name)
    if fehler == "leer":
        raise _refuse(feld, 'Der Name ist leer – geben Sie an, wer zeichnet, z. B. --name "Erika Mustermann".')
    if fehler == "zeichen":
        raise _refuse(
            feld,
            f"„{name[:60]}“ enthält Zeichen, die in keinem Namen vorkommen ({{ }} < >) – geben "
            'Sie nur den Namen an, z. B. --name "Erika Mustermann".',
        )
    text_value(feld, name, NAME_LAENGE)  # one line, no control characters, not overlong
    return name.strip()


def sitzungstage(project: Project, source: VorlageSource) -> list[dt.date]:
    """The days of the Sitzungen of the Vorlage's Beratungsfolge, the first first."""
    return sorted(
        project.facts.sitzungen[b.sitzung].datum
        for b in source.vorlage.beratungsfolge
        if b.sitzung in project.facts.sitzungen
    )


def zeitraum(project: Project, source: VorlageSource, datum: dt.date, heute: dt.date) -> None:
    """Refuses a date of a sign-off that cannot be: in the future, after the last Sitzung of the Vorlage's
    Beratungsfolge (what was decided was no longer signed), or more than a year before the Vorlage's date (or its
    first Sitzung's): a mistyped year."""

    sitzungen = sitzungstage(project, source)
    anfang = source.vorlage.datum or (sitzungen[0] if sitzungen else None)
    if datum > heute:
        raise _refuse(
            "--datum",
            f"Der {tag(datum)} liegt in der Zukunft – eine Mitzeichnung trägt den Tag, an dem "
            "gezeichnet wurde (ohne --datum: heute).",
        )
    if sitzungen and datum > sitzungen[-1]:
        raise _refuse(
            "--datum",
            f"Der {tag(datum)} liegt nach der letzten Sitzung der Beratungsfolge "
            f"({tag(sitzungen[-1])}) – gezeichnet wird, bevor beraten wird; geben Sie den Tag der "
            "Mitzeichnung mit --datum an.",
        )
    if anfang is not None and datum < anfang - VORLAUF:
        bezug = "dem Datum der Vorlage" if source.vorlage.datum else "ihrer ersten Sitzung"
        raise _refuse(
            "--datum", f"Der {tag(datum)} liegt mehr als ein Jahr vor {bezug} ({tag(anfang)}) – prüfen Sie das Jahr."
        )


def vorlage_waehlen(project: Project, nummer: str, paths: Paths) -> VorlageSource:
    """The Vorlage with this Nummer, or (one without Nummer) in the folder of this name."""
    from vorlagen.load.references import unknown

    sources = {s.auswahl: s for s in project.facts.vorlagen}
    if nummer not in sources:
        raise BuildFailed(
            [
                unknown(
                    paths.where(project.facts.data_dir / "vorlagen"),
                    " Vorlage",
                    nummer[:60],
                    sources,
                    f"nennen Sie die Nummer, wie sie in vorlage.yaml steht, z. B. {next(iter(sources), '2021/0123')}.",
                )
            ]
        )
    return sources[nummer]


def _drinnen(text_file: Path, data_dir: Path, paths: Paths) -> None:
    """Refuses to write the signed text (it holds every Anlage, the non-public ones too) through a link out of the
    data folder: gezeichnet/ must be a folder inside it (a link as the file itself is replaced, not followed)."""
    from vorlagen.core.pfade import innerhalb, schleife

    folder = text_file.parent
    if innerhalb(folder, data_dir):
        return
    was = "im Kreis verweist" if schleife(folder) else "aus dem Datenordner hinaus zeigt"
    raise BuildFailed(
        [
            Problem(
                Where(f"{paths.show(folder.parent)}/{folder.name}"),  # the link, not where it leads
                f"Der Ordner {folder.name}/ ist eine Verknüpfung, die {was} – vorlagen schreibt den gezeichneten "
                "Text (mit allen Anlagen, auch den nichtöffentlichen) nur in den Datenordner; ersetzen Sie die "
                "Verknüpfung durch einen Ordner und zeichnen Sie dann.",
            )
        ]
    )


def seiten(project: Project, source: VorlageSource, druck: dict[str, str]) -> dict[str, list[Bereich]]:
    """The pages of the Vorlage's print and its Markdown Anlagen as a reader sees them (seitenbild.py)."""
    from vorlagen.load.satz import Satz
    from vorlagen.render import seitensatz
    from vorlagen.render.templates import TEMPLATES

    satz = Satz.aus(project.facts.koerperschaft.hausstil)
    return seitensatz.jetzt(druck, source.folder, (project.facts.data_dir, TEMPLATES), satz)


def yaml_text(mitzeichnungen: Iterable[Mitzeichnung]) -> str:
    """mitzeichnungen.yaml: every value written as a JSON string (which YAML reads back exactly)."""
    from vorlagen.load.neuanlage import text_value

    lines = [KOPF.rstrip("\n"), "mitzeichnungen:"]
    for m in mitzeichnungen:
        lines += [
            f"  - rolle: {text_value('rolle', m.rolle, 120)}",
            f"    name: {text_value('name', m.name, 120)}",
            f"    datum: {m.datum.isoformat()}",
            f'    fingerabdruck: "{m.fingerabdruck}"',
        ]
    return "\n".join(lines) + "\n"


def rolle_pruefen(project: Project, rolle: str, wo: str = "vorlagen zeichnen") -> None:
    """Refuses a role the Hausstil does not name under „mitzeichnung: rollen“."""
    from vorlagen.load.records import defined_at, unknown_word

    stil = project.facts.koerperschaft.hausstil.mitzeichnung
    if rolle not in stil.rollen:
        raise BuildFailed(
            [
                unknown_word(
                    Where(wo), "--rolle", rolle[:60], stil.rollen, "mitzeichnung: rollen", defined_at(stil, "rollen")
                )
            ]
        )


def freigabe_jetzt(project: Project, source: VorlageSource) -> VorlageDoc:
    """The Vorlage composed with its sign-off state for every role (render/freigabe.Freigabe in `doc.freigabe`)."""
    from vorlagen.render.document import Composer

    doc = Composer(project, alle_freigaben=True).compose(source)
    assert doc.freigabe is not None  # alle_freigaben: every Vorlage has its sign-off state
    return doc


def zeichnen(
    project: Project,
    source: VorlageSource,
    rolle: str,
    name: str,
    datum: dt.date,
    paths: Paths,
    doc: VorlageDoc | None = None,
) -> Gezeichnet:
    """`rolle` signs what the Vorlage prints now, as `name` on `datum`: mitzeichnungen.yaml and gezeichnet/<rolle>.txt
    written together (never over a file changed since they were read); the role and the date checked first. `doc`:
    the Vorlage as freigabe_jetzt composed it from this project, when the caller has it already."""
    from vorlagen.load.mitzeichnung import DATEI, Mitzeichnung
    from vorlagen.load.settings import wurzel_von
    from vorlagen.render import seitenbild
    from vorlagen.render.freigabe import normalise, siegel
    from vorlagen.review.mitzeichnung import gezeichnet

    rolle_pruefen(project, rolle)
    text_file = gezeichnet(source.folder, rolle)
    gelesen = {path: stand_der_datei(path) for path in (text_file, source.folder / DATEI)}  # what is signed on
    zeitraum(project, source, datum, dt.date.today())
    stand = (doc or freigabe_jetzt(project, source)).freigabe
    assert stand is not None  # composed by freigabe_jetzt: every Vorlage has its sign-off state
    text = normalise(stand.text + "\n" + seitenbild.text(seiten(project, source, stand.druck)))
    neu = Mitzeichnung(rolle=rolle, name=name, datum=datum, fingerabdruck=siegel(rolle, name, datum, text))
    alle = [neu if m.rolle == rolle else m for m in source.mitzeichnungen]
    alle += [] if neu in alle else [neu]
    _drinnen(text_file, project.facts.data_dir, paths)
    inhalte = {text_file: text.encode("utf-8"), source.folder / DATEI: yaml_text(alle).encode("utf-8")}
    aenderungen = [Aenderung(path, inhalt, gelesen[path]) for path, inhalt in inhalte.items()]
    raise_if(schreiben(wurzel_von(project.facts.data_dir), [project.facts.data_dir], aenderungen))
    return Gezeichnet(source, rolle, name, datum, list(inhalte), stand)
