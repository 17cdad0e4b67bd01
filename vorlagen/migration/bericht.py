"""The report of `vorlagen aktualisieren` in German: what was rewritten, what the user must change, and the proof –
with an earlier output, or without one (nothing proven)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vorlagen.migration.aktualisieren import Ergebnis


def bericht(ergebnis: Ergebnis, vorher: str) -> str:
    """The report of `aktualisieren` in German: rewrites, what could not be rewritten, the proof."""
    from vorlagen.core.fmt import anzahl

    lines = _abschnitt(f"Umgeschrieben ({len(ergebnis.umschreibungen)}):", ergebnis.umschreibungen)
    lines += _nicht_umgeschrieben(ergebnis)
    if ergebnis.probleme:
        return "\n".join(lines) + "\n"
    lines.append(
        f"Geprüft gegen {vorher}/: {anzahl(ergebnis.zahlen, 'gedruckte Zahl', 'gedruckte Zahlen')} in "
        f"{anzahl(ergebnis.dateien, 'Textfassung', 'Textfassungen')}."
    )
    lines += _abschnitt(
        f"Mit Absicht anders gedruckt ({len(ergebnis.erklaert)}):",
        [f"{a.beschreibung()} – {grund}" for a, grund in ergebnis.erklaert],
    )
    lines += _abschnitt(
        f"Mit Absicht anders formuliert ({len(ergebnis.worte)}):",
        [f"{a.beschreibung()} – {grund}" for a, grund in ergebnis.worte],
    )
    lines += _abschnitt(
        f"Mit Absicht anders benannt ({len(ergebnis.benannt)}) – die Deckung einer über- oder außerplanmäßigen "
        "Ausgabe heißt jetzt, wie das Haushaltsrecht ihres Plans sie nennt; die Zahlen bleiben:",
        [f"{datei}: {worte}" for datei, worte in ergebnis.benannt],
    )
    lines += _abschnitt(
        f"Danach nicht mehr freigegeben ({len(ergebnis.entwuerfe)}) – eine Mitzeichnung gilt für den gedruckten "
        "Text, und der ändert sich oben mit Absicht; lassen Sie neu zeichnen („vorlagen freigabe NUMMER“ zeigt, "
        "was sich geändert hat):",
        ergebnis.entwuerfe,
    )
    lines += _abschnitt(
        f"Danach nicht mehr freigegeben, obwohl sich nichts mit Absicht ändert ({len(ergebnis.verloren)}):",
        ergebnis.verloren,
    )
    if ergebnis.abweichungen:
        lines += _abschnitt(
            f"Anders gedruckt, ohne dass diese Version es erklärt ({len(ergebnis.abweichungen)}):",
            [a.beschreibung() for a in ergebnis.abweichungen],
        )
    else:
        lines.append(
            "Jede Zahl wird wie vorher gedruckt." if not ergebnis.erklaert else "Alle anderen Zahlen wie vorher."
        )
    return "\n".join(lines) + "\n"


def ungeprueft(ergebnis: Ergebnis) -> str:
    """The report of `aktualisieren` without an earlier output (German): each rewrite, none of them proven."""
    lines = []
    if ergebnis.umschreibungen:
        lines.append(
            f"Umzuschreiben wäre ({len(ergebnis.umschreibungen)}) – ohne frühere Ausgabe ist keine dieser Stellen "
            "gegen das geprüft, was die bisherige Version gedruckt hat:"
        )
        lines += [f"  {u}" for u in ergebnis.umschreibungen]
    else:
        lines.append(
            "Umzuschreiben ist nichts; ob jede Zahl wie vorher gedruckt wird, zeigt erst eine frühere Ausgabe."
        )
    lines += _nicht_umgeschrieben(ergebnis)
    return "\n".join(lines + ["Nichts geschrieben: das Datenrepository ist unverändert."]) + "\n"


def _nicht_umgeschrieben(ergebnis: Ergebnis) -> list[str]:
    """What `aktualisieren` left for the user to change, and why the data would not build even rewritten."""
    return [
        *_abschnitt(f"Nicht umgeschrieben – bitte selbst ändern ({len(ergebnis.offen)}):", ergebnis.offen),
        *_abschnitt("Mit dieser Programmversion baut das Datenrepository auch umgeschrieben nicht:", ergebnis.probleme),
    ]


def _abschnitt(kopf: str, eintraege: Sequence[object]) -> list[str]:
    """A heading and its entries, indented; nothing where there are none."""
    return [kopf, *(f"  {e}" for e in eintraege)] if eintraege else []
