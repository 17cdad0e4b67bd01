"""A vote as a source records it: einstimmig (with or without a count), mehrheitlich, the counts it gives – any of
Ja, Nein and Enthaltung, none invented – or only its result; and how the Hausstil prints it."""

from __future__ import annotations

from typing import Literal

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record

ZAHL = "{zahl}"
STIMMEN, ERGEBNIS = "{stimmen}", "{ergebnis}"


@record
class Abstimmung(Record):
    einstimmig: bool = doc(
        "true: alle, die abgestimmt haben, stimmten gleich (Enthaltungen zählen nicht dagegen); „ja“ darf die Zahl "
        "der Stimmen nennen",
        default=False,
    )
    mehrheitlich: bool = doc(
        "true: die Quelle nennt nur die Mehrheit („mehrheitlich angenommen“), keine Ja- und Nein-Stimmen", default=False
    )
    ja: int | None = doc("Ja-Stimmen; ohne Angabe: nicht festgehalten (und nicht gedruckt)", default=None)
    nein: int | None = doc("Nein-Stimmen; ohne Angabe: nicht festgehalten (und nicht gedruckt)", default=None)
    enthaltung: int | None = doc("Enthaltungen; ohne Angabe: keine festgehalten (und keine gedruckt)", default=None)
    ergebnis: Literal["angenommen", "abgelehnt"] = doc("wird gegen die Stimmen geprüft", default="angenommen")

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        gegen = "nein" if self.ergebnis == "angenommen" else "ja"
        if self.einstimmig and getattr(self, gegen):
            problems.append(
                Problem(
                    self.where(gegen),
                    f"„einstimmig {self.ergebnis}“ und {getattr(self, gegen)} {gegen.capitalize()}-Stimmen "
                    "widersprechen sich – streichen Sie „einstimmig“ oder die Gegenstimmen.",
                )
            )
        elif self.einstimmig and getattr(self, "ja" if gegen == "nein" else "nein") == 0:
            dafuer = "ja" if gegen == "nein" else "nein"
            problems.append(
                Problem(
                    self.where(dafuer),
                    f"„einstimmig {self.ergebnis}“ mit 0 {dafuer.capitalize()}-Stimmen ist unmöglich – tragen Sie die "
                    f"Zahl der {dafuer.capitalize()}-Stimmen ein oder streichen Sie „{dafuer}: 0“.",
                )
            )
        if self.mehrheitlich and self.einstimmig:
            problems.append(
                Problem(
                    self.where("mehrheitlich"),
                    "„mehrheitlich“ und „einstimmig“ widersprechen sich – streichen Sie eins davon.",
                )
            )
        elif self.mehrheitlich and (self.ja is not None or self.nein is not None):
            problems.append(
                Problem(
                    self.where("mehrheitlich"),
                    "„mehrheitlich“ steht für eine Abstimmung ohne Ja- und Nein-Stimmen – die Stimmen zeigen die "
                    "Mehrheit schon; streichen Sie „mehrheitlich“ oder die Stimmen.",
                )
            )
        for name in ("ja", "nein", "enthaltung"):
            value = getattr(self, name)
            if value is not None and value < 0:
                problems.append(Problem(self.where(name), f"„{name}“: Stimmen können nicht negativ sein ({value})."))
        return problems


def nullenthaltungen(a: Abstimmung, enthaltungen: bool) -> bool:
    """Whether „0 Enthaltungen“ is printed where the source records none: only where the Hausstil asks for it
    (`enthaltungen`) and the source gives both Ja and Nein – one rule for the Beratungsfolge and the Niederschrift."""
    return enthaltungen and a.enthaltung is None and not a.einstimmig and a.ja is not None and a.nein is not None


@record
class Abstimmungsstil(Record):
    einstimmig: str = doc("gedruckt für eine einstimmige Abstimmung ohne Zahl", default="einstimmig")
    einstimmig_mit_zahl: str = doc(
        "einstimmig mit der Zahl der Stimmen; {zahl} steht für sie, z. B. „einstimmig – {zahl} –“",
        default="einstimmig, {zahl} Ja",
    )
    mehrheitlich: str = doc(
        "gedruckt für eine Abstimmung, die die Quelle nur „mehrheitlich“ nennt", default="mehrheitlich"
    )
    ja: str = doc(
        "Ja-Stimmen; {zahl} steht für die Zahl, z. B. „Ja: {zahl}“ oder „{zahl} Ja-Stimmen“", default="{zahl} Ja"
    )
    ja_eins: str | None = doc("… bei genau einer Stimme (ohne Angabe: wie „ja“)", default=None)
    nein: str = doc("Nein-Stimmen, z. B. „Nein: {zahl}“", default="{zahl} Nein")
    nein_eins: str | None = doc("… bei genau einer Stimme (ohne Angabe: wie „nein“)", default=None)
    enthaltung: str = doc("Enthaltungen, z. B. „Enthaltungen: {zahl}“", default="{zahl} Enthaltungen")
    enthaltung_eins: str | None = doc("… bei genau einer", default="{zahl} Enthaltung")
    trenner: str = doc("zwischen den Teilen", default=", ")
    niederschrift: str | None = doc(
        "wie die Niederschrift das Abstimmungsergebnis druckt: {stimmen} steht für die Stimmen wie oben, {ergebnis} "
        "für angenommen oder abgelehnt, z. B. „{stimmen}“ oder „{ergebnis} ({stimmen})“; ohne Angabe: als Satz (mit "
        "8 Ja-Stimmen, 0 Nein-Stimmen und 1 Enthaltung angenommen)",
        default=None,
    )

    def check(self) -> list[Problem]:
        problems = []
        for feld in ("einstimmig_mit_zahl", "ja", "ja_eins", "nein", "nein_eins", "enthaltung", "enthaltung_eins"):
            text = getattr(self, feld)
            if text is None:
                continue
            rest = text.replace(ZAHL, "")
            if text.count(ZAHL) != 1 or "{" in rest or "}" in rest:
                problems.append(
                    Problem(
                        self.where(feld),
                        f"„{feld}“: „{text}“ nennt die Zahl nicht genau einmal als {ZAHL} – schreiben Sie z. B. "
                        f"„{ZAHL} Ja“ oder „Ja: {ZAHL}“; andere geschweifte Klammern sind hier nicht erlaubt.",
                    )
                )
        if self.niederschrift is not None:
            rest = self.niederschrift.replace(STIMMEN, "").replace(ERGEBNIS, "")
            if (
                self.niederschrift.count(STIMMEN) != 1
                or self.niederschrift.count(ERGEBNIS) > 1
                or "{" in rest
                or "}" in rest
            ):
                problems.append(
                    Problem(
                        self.where("niederschrift"),
                        f"„niederschrift“: „{self.niederschrift}“ nennt die Stimmen nicht genau einmal als {STIMMEN} "
                        f"(dazu höchstens einmal {ERGEBNIS}) – schreiben Sie z. B. „{ERGEBNIS} ({STIMMEN})“; andere "
                        "geschweifte Klammern sind hier nicht erlaubt.",
                    )
                )
        if "{" in self.einstimmig or "}" in self.einstimmig:
            problems.append(
                Problem(
                    self.where("einstimmig"),
                    "„einstimmig“ ist fester Text ohne Zahl – die Zahl steht unter „einstimmig_mit_zahl“.",
                )
            )
        if "{" in self.mehrheitlich or "}" in self.mehrheitlich:
            problems.append(Problem(self.where("mehrheitlich"), "„mehrheitlich“ ist fester Text ohne Zahl."))
        return problems

    def teil(self, feld: str, zahl: int) -> str:
        """One part as printed: the Hausstil's words with the number typed in the source."""
        vorlage = (getattr(self, f"{feld}_eins") if zahl == 1 else None) or getattr(self, feld)
        return vorlage.replace(ZAHL, str(zahl))

    def kurz(self, a: Abstimmung, enthaltungen: bool = False) -> str:
        """The vote as the Hausstil prints it: only the numbers the source gives (`enthaltungen`: the Hausstil's
        „0 Enthaltungen“ where a vote with Ja and Nein records none)."""
        teile = []
        if a.einstimmig:
            zahl = a.ja if a.ergebnis == "angenommen" else a.nein
            teile.append(self.einstimmig_mit_zahl.replace(ZAHL, str(zahl)) if zahl is not None else self.einstimmig)
        elif a.mehrheitlich:
            teile.append(self.mehrheitlich)
        else:
            teile += [self.teil(feld, getattr(a, feld)) for feld in ("ja", "nein") if getattr(a, feld) is not None]
        if a.enthaltung is not None:
            teile.append(self.teil("enthaltung", a.enthaltung))
        elif nullenthaltungen(a, enthaltungen):
            teile.append(self.teil("enthaltung", 0))
        return self.trenner.join(teile)

    def satz(self, a: Abstimmung, enthaltungen: bool = False) -> str | None:
        """The vote as the Niederschrift prints it by the Hausstil's `niederschrift`, None without one."""
        if self.niederschrift is None:
            return None
        return self.niederschrift.replace(STIMMEN, self.kurz(a, enthaltungen)).replace(ERGEBNIS, a.ergebnis)
