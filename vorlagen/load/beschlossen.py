"""The Haushalt a Vorlage was decided on (beschlossen.yaml beside its vorlage.yaml, written by `vorlagen beschluss`).

A decided Vorlage prints the Haushalt of its decision. Dated `buchungen` say that by themselves; a `gebunden` the
Kämmerei raises afterwards does not – so the figures of every Position the decision stood on are kept here, and a
decided Vorlage is printed from them, whatever the Haushalt files say later.
"""

from __future__ import annotations

import datetime as dt

from vorlagen.load.haushaltsposition import NULL, Plan, Position
from vorlagen.load.records import Record, changed, doc, record
from vorlagen.load.werte import Betrag

DATEI = "beschlossen.yaml"  # beside vorlage.yaml
KOPF = (
    "# Der Haushalt, auf dem diese Vorlage beschlossen wurde – „vorlagen beschluss“ schreibt ihn; nicht von Hand\n"
    "# ändern. Die beschlossene Vorlage druckt diese Beträge, was die Kämmerei danach auch bindet; den Stand nach\n"
    "# dem Beschluss zeigt die Beschlusskontrolle.\n"
)


@record
class FestePosition(Record):
    jahr: int = doc("Haushaltsjahr der Position")
    konto: str = doc("Produkt, Sachkonto, Haushaltsstelle … wie in haushalt/<jahr>.yaml")
    plan: Plan = doc("Plan der Position wie in haushalt/<jahr>.yaml")
    ansatz: Betrag | None = doc("Ansatz am Tag des Beschlusses, in Euro (leer: noch offen)", default=None)
    gebunden: Betrag = doc("am Tag des Beschlusses gebunden, in Euro", default=NULL)
    prognose: Betrag | None = doc("Prognose einer Ertragsposition am Tag des Beschlusses", default=None)
    ve: Betrag | None = doc("veranschlagte Verpflichtungsermächtigung am Tag des Beschlusses", default=None)
    ve_gebunden: Betrag = doc("davon am Tag des Beschlusses in Anspruch genommen", default=NULL)
    reste: Betrag | None = doc("Haushaltsreste (Ermächtigungsübertragungen) am Tag des Beschlusses", default=None)
    bereitgestellt: Betrag | None = doc("am Tag des Beschlusses schon bereitgestellt", default=None)

    def auf(self, position: Position) -> Position:
        """`position` with the amounts of the decision day (and no bookings: they are in `gebunden`)."""
        return changed(
            position,
            ansatz=self.ansatz,
            gebunden=self.gebunden,
            prognose=self.prognose,
            ve=self.ve,
            ve_gebunden=self.ve_gebunden,
            reste=self.reste,
            bereitgestellt=self.bereitgestellt,
            buchungen=[],
        )


@record
class Beschlossen(Record):
    datum: dt.date = doc("Tag des Beschlusses, dessen Haushalt hier steht")
    stand: dt.date | None = doc(
        "der Tag, dessen Haushalt hier steht – der Beschlusstag: „vorlagen bauen“ liest ihn aus dem letzten Commit "
        "davor, „vorlagen beschluss“ aus den Dateien, nachdem „gebunden“ auf diesen Tag zurückgesetzt ist. Dateien "
        "von 0.3.2 und früher nennen ihn nicht: „vorlagen beschluss“ las damals den Stand des Tages, an dem es lief, "
        "und was dort nicht hält, ist deshalb nur ein Hinweis",
        default=None,
    )
    positionen: list[FestePosition] = doc("jede Position der Haushaltsjahre, die die Vorlage liest", factory=list)
