"""`vorlagen zeichnen` records a sign-off for what a Vorlage prints now; `vorlagen freigabe` shows them all."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from vorlagen.core.fmt import datum as tag
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where, raise_if
from vorlagen.core.schreibvorgang import Aenderung, schreiben, stand_der_datei

KOPF = (
    "# Mitzeichnungen dieser Vorlage – „vorlagen zeichnen“ schreibt sie, „vorlagen freigabe“ prüft sie.\n"
    "# Was jede Rolle gezeichnet hat, steht in gezeichnet/; wer es eingetragen hat, zeigt git.\n"
)


def zeichnen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "nummer", metavar="NUMMER", help="Nummer der Vorlage, z. B. 2021/0123 (ohne Nummer: ihr Ordner)"
    )
    parser.add_argument(
        "--rolle", required=True, help="wer zeichnet, eine Rolle aus „hausstil: mitzeichnung: rollen“, z. B. Kämmerei"
    )
    parser.add_argument("--name", required=True, help="Name der Person, die zeichnet")
    parser.add_argument("--datum", help="Tag der Mitzeichnung (JJJJ-MM-TT, Standard: heute)")


def freigabe_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "nummer", metavar="NUMMER", nargs="?", help="nur diese Vorlage, ohne Nummer: ihr Ordner (Standard: alle)"
    )


def _refuse(label: str, message: str) -> BuildFailed:
    return BuildFailed([Problem(Where(label), message)])


def _name(name: str) -> str:
    """The name as recorded (without surrounding blanks), by the rule mitzeichnungen.yaml is checked with."""
    from vorlagen.load.mitzeichnung import NAME_LAENGE, name_fehler
    from vorlagen.load.neuanlage import text_value

    fehler = name_fehler(name.strip() or name)
    if fehler == "leer":
        raise _refuse("--name", 'Der Name ist leer – geben Sie an, wer zeichnet, z. B. --name "Erika Mustermann".')
    if fehler == "zeichen":
        raise _refuse(
            "--name",
            f"„{name[:60]}“ enthält Zeichen, die in keinem Namen vorkommen ({{ }} < >) – geben "
            'Sie nur den Namen an, z. B. --name "Erika Mustermann".',
        )
    text_value("--name", name, NAME_LAENGE)  # one line, no control characters, not overlong
    return name.strip()


def _datum(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise _refuse(
        "--datum", f"„{text[:40]}“ ist kein Datum – schreiben Sie es als JJJJ-MM-TT, z. B. --datum 2021-06-01."
    )


VORLAUF = dt.timedelta(days=365)  # how long before its date a Vorlage may be signed (a year: a typo, not a draft)


def _zeitraum(project, source, datum: dt.date, heute: dt.date) -> None:
    """Refuses a date of a sign-off that cannot be: in the future, after the last Sitzung of the Vorlage's
    Beratungsfolge (what was decided was no longer signed), or more than a year before the Vorlage's date (or its
    first Sitzung's): a mistyped year."""

    sitzungen = sorted(
        project.facts.sitzungen[b.sitzung].datum
        for b in source.vorlage.beratungsfolge
        if b.sitzung in project.facts.sitzungen
    )
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


def _source(project, nummer: str, paths: Paths):
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


def _seiten(project, source, druck: dict[str, str]):
    """The pages of the Vorlage's print and its Markdown Anlagen as a reader sees them (seitenbild.py)."""
    from vorlagen.load.satz import Satz
    from vorlagen.render import seitensatz
    from vorlagen.render.templates import TEMPLATES

    satz = Satz.aus(project.facts.koerperschaft.hausstil)
    return seitensatz.jetzt(druck, source.folder, (project.facts.data_dir, TEMPLATES), satz)


def yaml_text(mitzeichnungen) -> str:
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


def zeichnen(args: argparse.Namespace) -> int:
    """`zeichnen`: one role signs what the Vorlage prints now."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.load.mitzeichnung import DATEI, Mitzeichnung
    from vorlagen.load.records import defined_at, unknown_word
    from vorlagen.load.settings import wurzel_von
    from vorlagen.render import seitenbild
    from vorlagen.render.document import Composer
    from vorlagen.render.freigabe import normalise, siegel
    from vorlagen.review.mitzeichnung import gezeichnet

    name, datum = _name(args.name), _datum(args.datum)
    paths = Paths()
    project = vorbereitet(args.data)
    stil = project.facts.koerperschaft.hausstil.mitzeichnung
    if args.rolle not in stil.rollen:
        raise BuildFailed(
            [
                unknown_word(
                    Where("vorlagen zeichnen"),
                    "--rolle",
                    args.rolle[:60],
                    stil.rollen,
                    "mitzeichnung: rollen",
                    defined_at(stil, "rollen"),
                )
            ]
        )
    source = _source(project, args.nummer, paths)
    text_file = gezeichnet(source.folder, args.rolle)
    gelesen = {path: stand_der_datei(path) for path in (text_file, source.folder / DATEI)}  # what is signed on
    _zeitraum(project, source, datum, dt.date.today())
    doc = Composer(project, alle_freigaben=True).compose(source)
    stand = doc.freigabe
    assert stand is not None  # alle_freigaben: every Vorlage has its sign-off state
    text = normalise(stand.text + "\n" + seitenbild.text(_seiten(project, source, stand.druck)))
    neu = Mitzeichnung(rolle=args.rolle, name=name, datum=datum, fingerabdruck=siegel(args.rolle, name, datum, text))
    alle = [neu if m.rolle == args.rolle else m for m in source.mitzeichnungen]
    alle += [] if neu in alle else [neu]
    _drinnen(text_file, project.facts.data_dir, paths)
    inhalte = {text_file: text.encode("utf-8"), source.folder / DATEI: yaml_text(alle).encode("utf-8")}
    aenderungen = [Aenderung(path, inhalt, gelesen[path]) for path, inhalt in inhalte.items()]
    raise_if(schreiben(wurzel_von(project.facts.data_dir), [project.facts.data_dir], aenderungen))
    print(
        f"Mitzeichnung eingetragen: Vorlage {source.bezeichnung}, {args.rolle} – {name}, {tag(datum)}.\n"
        f"  {paths.show(source.folder / DATEI)}\n  {paths.show(text_file)} (der gezeichnete Text)\n"
        "Nehmen Sie beide Dateien in git auf (git add, git commit)."
    )
    offen = [s for s in stand.offen if s.rolle != args.rolle]
    if not any(s.rolle == args.rolle and s.erforderlich for s in stand.staende):
        print(
            f"Hinweis: Für diese Vorlage verlangt der Hausstil keine Mitzeichnung „{args.rolle}“; sie gilt zusätzlich."
        )
    if offen:
        print(
            "Noch ausstehend: " + ", ".join(f"{s.rolle} ({s.zustand})" for s in offen) + " – die Vorlage bleibt ein "
            "ENTWURF."
        )
    else:
        print("Die Vorlage ist freigegeben.")
    return 0


def freigabe(args: argparse.Namespace) -> int:
    """`freigabe`: 0 when every Vorlage shown is released, 1 when one is an ENTWURF."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.compute.beschluss import nicht_festgehalten
    from vorlagen.render.document import Composer
    from vorlagen.review.mitzeichnung import bericht

    paths = Paths()
    project = vorbereitet(args.data)
    composer = Composer(project)
    if args.nummer is not None:
        docs = [composer.compose(_source(project, args.nummer, paths))]
    else:
        docs = composer.compose_all()
    sys.stdout.write(
        bericht(
            docs,
            lambda doc: _seiten(project, doc.source, doc.freigabe.druck if doc.freigabe else {}),
            nicht_festgehalten(project),
        )
    )
    return 1 if any(doc.entwurf for doc in docs) else 0
