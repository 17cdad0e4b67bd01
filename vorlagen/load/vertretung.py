"""The Vertretung of the Körperschaft as vertretung.yaml records it: its Fraktionen and Gruppen, its members and the
Geschäftsordnung's deadline for answering an Anfrage. Anträge and Anfragen name their Einreicher from it; the
Niederschrift's attendance names the Fraktion of a member as it stands here."""

from __future__ import annotations

from typing import Literal

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record

DATEI = "vertretung.yaml"


@record
class Fraktion(Record):
    id: str = doc("Kürzel, auf das Anträge mit „einreicher: {fraktion: …}“ verweisen, z. B. GRUENE")
    name: str = doc("wie gedruckt, z. B. Fraktion BÜNDNIS 90/DIE GRÜNEN")
    art: Literal["Fraktion", "Gruppe"] = doc(
        "Fraktion oder Gruppe (ein Zusammenschluss ohne Fraktionsstatus)", default="Fraktion"
    )


@record
class Mandat(Record):
    id: str = doc("Kürzel, auf das Anträge mit „einreicher: {mitglieder: [...]}“ verweisen, z. B. mueller")
    name: str = doc("wie gedruckt, z. B. Dr. Jana Beispiel")
    fraktion: str | None = doc("Kürzel der Fraktion oder Gruppe; ohne Angabe: fraktionslos", default=None)


@record
class Geschaeftsordnung(Record):
    antwortfrist_tage: int | None = doc(
        "eine Anfrage ist so viele Tage nach ihrer Einreichung zu beantworten; ohne Angabe: keine Frist", default=None
    )

    def check(self) -> list[Problem]:
        if self.antwortfrist_tage is not None and not 1 <= self.antwortfrist_tage <= 365:
            return [
                Problem(
                    self.where("antwortfrist_tage"),
                    f"„antwortfrist_tage“: {self.antwortfrist_tage} Tage sind keine mögliche Frist – tragen Sie "
                    "eine Zahl von 1 bis 365 ein.",
                )
            ]
        return []


@record
class Vertretung(Record):
    fraktionen: list[Fraktion] = doc("Fraktionen und Gruppen der Vertretung", factory=list)
    mitglieder: list[Mandat] = doc("Mitglieder der Vertretung", factory=list)
    geschaeftsordnung: Geschaeftsordnung = doc("Fristen der Geschäftsordnung", factory=Geschaeftsordnung)

    def fraktion(self, fraktion_id: str) -> Fraktion | None:
        return next((f for f in self.fraktionen if f.id == fraktion_id), None)

    def mitglied(self, mitglied_id: str) -> Mandat | None:
        return next((m for m in self.mitglieder if m.id == mitglied_id), None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        for name, items in (("fraktionen", self.fraktionen), ("mitglieder", self.mitglieder)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    problems.append(
                        Problem(
                            item.where("id"),
                            f"Das Kürzel „{item.id}“ steht in „{name}“ doppelt – vergeben Sie eindeutige Kürzel.",
                        )
                    )
                seen.add(item.id)
        ids = [f.id for f in self.fraktionen]
        for mitglied in self.mitglieder:
            if mitglied.fraktion is not None and mitglied.fraktion not in ids:
                bekannt = ", ".join(f"„{i}“" for i in ids) or "keine"
                problems.append(
                    Problem(
                        mitglied.where("fraktion"),
                        f"Das Mitglied „{mitglied.name}“ gehört zur Fraktion „{mitglied.fraktion}“, die unter "
                        f"„fraktionen“ fehlt (bekannt: {bekannt}) – tragen Sie sie dort ein oder korrigieren Sie "
                        "das Kürzel.",
                    )
                )
        return problems
