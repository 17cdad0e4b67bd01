"""`vorlagen zeichnen` records a sign-off for what a Vorlage prints now; `vorlagen freigabe` shows them all."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from vorlagen.core.fmt import datum as tag
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where


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


def zeichnen(args: argparse.Namespace) -> int:
    """`zeichnen`: one role signs what the Vorlage prints now (the work: review/zeichnen.py)."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.load.mitzeichnung import DATEI
    from vorlagen.review import zeichnen as zeichnung
    from vorlagen.review.mitzeichnung import gezeichnet

    name, datum = zeichnung.name_pruefen(args.name), _datum(args.datum)
    paths = Paths()
    project = vorbereitet(args.data)
    zeichnung.rolle_pruefen(project, args.rolle)
    source = zeichnung.vorlage_waehlen(project, args.nummer, paths)
    ergebnis = zeichnung.zeichnen(project, source, args.rolle, name, datum, paths)
    stand, text_file = ergebnis.stand, gezeichnet(source.folder, args.rolle)
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
    from vorlagen.review import zeichnen as zeichnung
    from vorlagen.review.mitzeichnung import bericht

    paths = Paths()
    project = vorbereitet(args.data)
    composer = Composer(project)
    if args.nummer is not None:
        docs = [composer.compose(zeichnung.vorlage_waehlen(project, args.nummer, paths))]
    else:
        docs = composer.compose_all()
    sys.stdout.write(
        bericht(
            docs,
            lambda doc: zeichnung.seiten(project, doc.source, doc.freigabe.druck if doc.freigabe else {}),
            nicht_festgehalten(project),
        )
    )
    return 1 if any(doc.entwurf for doc in docs) else 0
