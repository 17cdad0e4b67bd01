"""The Körperschaft as koerperschaft.yaml records it: name, Land, Ämter, Gremien, Wahlperioden, OParl and its
Hausstil. Field names are the YAML keys; each field carries its German description (doc("…"))."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from vorlagen.core.fmt import Zahlformat, datum
from vorlagen.core.problems import Problem
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.land import Land, land_von, unbekanntes_land
from vorlagen.load.records import Record, doc, record


@record
class Amt(Record):
    id: str = doc("Kürzel, auf das Vorlagen mit „federfuehrend“ verweisen, z. B. KI")
    name: str = doc("z. B. Kommunales Integrationszentrum")
    platzhalter: bool = doc(
        "true: ein Beispiel von „vorlagen neu“, noch nicht der Fakt der Körperschaft – gebaut wird, veröffentlicht "
        "nicht: ersetzen Sie die Angaben und entfernen Sie die Zeile",
        default=False,
    )


@record
class Gremium(Record):
    id: str = doc("Kürzel, z. B. ASI")
    name: str = doc("z. B. Ausschuss für Soziales und Integration")
    frist_tage: int = doc("Vorlagen müssen so viele Tage vor der Sitzung fertig sein", default=14)
    vorsitz: str | None = doc(
        "unter der Unterschrift der Sitzungsleitung, z. B. Landrat (sonst „hausstil: vorsitz“)", default=None
    )
    platzhalter: bool = doc(
        "true: ein Beispiel von „vorlagen neu“, noch nicht der Fakt der Körperschaft – gebaut wird, veröffentlicht "
        "nicht: ersetzen Sie die Angaben und entfernen Sie die Zeile",
        default=False,
    )

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        try:
            self.id.encode("cp1252")  # the page stamp of Sitzungsmappen prints it in a standard PDF font
        except UnicodeEncodeError:
            problems.append(
                Problem(
                    self.where("id"),
                    f"Das Kürzel „{self.id}“ enthält Zeichen, die der Seitenstempel der Sitzungsmappe nicht "
                    "drucken kann – verwenden Sie Buchstaben, Ziffern und Bindestriche.",
                )
            )
        if not 0 <= self.frist_tage <= 365:
            problems.append(
                Problem(
                    self.where("frist_tage"),
                    f"„frist_tage“: {self.frist_tage} Tage sind keine mögliche Frist – tragen Sie eine Zahl "
                    "von 0 bis 365 ein.",
                )
            )
        return problems


@record
class Wahlperiode(Record):
    name: str = doc("z. B. 2020–2025")
    von: dt.date = doc("erster Tag")
    bis: dt.date | None = doc("letzter Tag; leer, solange sie läuft", default=None)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if self.bis is not None and self.bis < self.von:
            problems.append(
                Problem(
                    self.where("bis"),
                    f"Die Wahlperiode endet ({datum(self.bis)}) vor ihrem Beginn "
                    f"({datum(self.von)}) – tauschen Sie „von“ und „bis“.",
                )
            )
        return problems


@record
class Oparl(Record):
    basis_url: str = doc("Adresse, unter der der Ausgabeordner veröffentlicht wird, z. B. https://ratsinfo.example.de/")
    seitengroesse: int = doc("Objekte je Seite einer OParl-Liste", default=100)

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?", self.basis_url):
            problems.append(
                Problem(
                    self.where("basis_url"),
                    f"„{self.basis_url}“ ist keine Webadresse – schreiben Sie sie vollständig mit "
                    "http:// oder https://, z. B. https://ratsinfo.example.de/vorlagen/.",
                )
            )
        if self.seitengroesse < 1:
            problems.append(
                Problem(
                    self.where("seitengroesse"),
                    f"Eine Listenseite muss mindestens ein Objekt fassen, nicht {self.seitengroesse} "
                    "– geben Sie z. B. 100 an.",
                )
            )
        return problems

    @property
    def basis(self) -> str:
        """The base URL ending in '/'."""
        return self.basis_url if self.basis_url.endswith("/") else self.basis_url + "/"


@record
class Koerperschaft(Record):
    name: str = doc("z. B. Rhein-Sieg-Kreis")
    platzhalter: bool = doc(
        "true: der Name ist ein Beispiel von „vorlagen neu“ (ohne --name), noch nicht der der Körperschaft – gebaut "
        "wird, veröffentlicht nicht: tragen Sie den Namen ein und entfernen Sie die Zeile",
        default=False,
    )
    land: str | None = doc(
        "Bundesland, z. B. NRW oder Baden-Württemberg: wählt die Vorschriften des Haushaltsrechts (Ländertabelle im Handbuch)",
        default=None,
    )
    verwaltungschef: str | None = doc(
        "wie gedruckt, z. B. Der Landrat; nötig, wo der Hausstil ihn druckt (sonst: „noch offen“, vor der "
        "Veröffentlichung nötig)",
        default=None,
    )
    verwaltungschef_name: str | None = doc("Name unter „gez.“, z. B. Sebastian Schuster", default=None)
    anschrift: str | None = doc("eine Zeile unter dem Namen im Kopf", default=None)
    rundung: Literal["euro", "cent"] = doc("Beträge in Berechnungen auf ganze Euro oder Cent", default="euro")
    runden: Literal["je_einheit", "genau"] = doc(
        "Betrag je Einheit zuerst runden, oder nur die Zeile", default="je_einheit"
    )
    prozent_stellen: int = doc("Nachkommastellen von Prozentwerten (79,35 %)", default=2)
    hausstil: Hausstil = doc("Aussehen der Dokumente", factory=Hausstil)
    aemter: list[Amt] = doc(
        "Ämter, die Vorlagen federführend einbringen; leer, wo Vorlagen keines nennen", factory=list
    )
    gremien: list[Gremium] = doc("Ausschüsse und Räte, in denen Vorlagen beraten werden")
    kommunen: list[str] = doc("Namen, die in Verteilungen vorkommen dürfen", factory=list)
    wahlperioden: list[Wahlperiode] = doc("für OParl (LegislativeTerm)", factory=list)
    oparl: Oparl | None = doc("ohne Angabe: keine OParl-Schnittstelle unter output/oparl/", default=None)

    def check(self) -> list[Problem]:
        if self.land is not None and land_von(self.land) is None:
            return [Problem(self.where("land"), unbekanntes_land(self.land))]
        return []

    @property
    def landesrecht(self) -> Land | None:
        """The Land's budget law, None without `land`."""
        return land_von(self.land) if self.land is not None else None

    @property
    def zahlformat(self) -> Zahlformat:
        """How the body prints money (hausstil: waehrung)."""
        return self.hausstil.zahlformat

    def rechtsgrundlage(self) -> str | None:
        """The printed legal basis of über- and außerplanmäßige amounts: the Hausstil's, else the Land's; None
        when the body states neither (never a default: no body outside NRW may see NRW law)."""
        eigene = self.hausstil.finanzen.rechtsgrundlage
        land = self.landesrecht
        return eigene if eigene is not None else land.ueberplanmaessig if land is not None else None
