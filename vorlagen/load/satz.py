"""The Hausstil's rules of the print: how small the text of a table may get before the table goes on a landscape page,
and the words the hyphenation must know (hausstil: tabellen, silbentrennung).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record

# Words the German patterns break wrongly, written with their breaks, and abbreviations of council paper that never
# break (the patterns make „Ki-Biz“ and „Bay-GO“ of them). A body adds its own in `silbentrennung`.
STANDARD_TRENNEN = (
    "Er-wei-te-rungs-inves-ti-ti-on",  # the patterns also allow „Erweiterungsin-vestition“, which reads poorly
    "Ge-samt-sum-me",
    "Kli-ma-an-pas-sung",
    "Kom-mu-nal-in-ves-ti-ti-ons-för-de-rungs-ge-setz",
    "Kreis-an-teil",
    "Kreis-um-la-ge",
    "Kreis-um-la-ge-satz",
    "Mehr-er-trä-ge",
    "Min-der-er-trä-ge",
    "Mit-tel-ab-ruf",
    "Per-so-nal-ent-wick-lung",
    "Schwer-punkt-set-zung",
    "Teil-er-geb-nis-plan",
    "Um-welt-aus-schuss",
    "Voll-zeit-äqui-va-lent",
)
STANDARD_NICHT_TRENNEN = (
    "AsylbLG",
    "AufenthG",
    "BauGB",
    "BauNVO",
    "BayGO",
    "BImSchG",
    "BTHG",
    "BVerfG",
    "EStG",
    "GemHKVO",
    "GemHVO",
    "GemO",
    "GewStG",
    "gGmbH",
    "GrStG",
    "HGrG",
    "KGSt",
    "KiBiz",
    "KiföG",
    "KInvFG",
    "KiQuTG",
    "KiTa",
    "KitaG",
    "KomHVO",
    "NKomHKVO",
    "NKomVG",
    "ÖPNV",
    "SGB",
    "TVöD",
    "UStG",
    "VwVfG",
)
_GETRENNT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # letters, breaks as single hyphens between them
_GANZ = re.compile(r"[^\W_]+")  # letters and digits, no hyphen
_LAENGE = 100  # letters of one word (the longest in council paper has about 50)


@record
class Tabellenstil(Record):
    kleinste_schrift: Decimal = doc(
        "kleinste Schrift in pt, auf die eine zu breite Tabelle verkleinert wird, bevor sie ins Querformat kommt",
        default=Decimal(7),
    )
    querformat: bool = doc(
        "eine Tabelle, die hochkant auch verkleinert nicht passt, auf Seiten im Querformat setzen; false: nie",
        default=True,
    )

    def check(self) -> list[Problem]:
        if Decimal(5) <= self.kleinste_schrift <= Decimal(20):
            return []
        return [
            Problem(
                self.where("kleinste_schrift"),
                f"„kleinste_schrift“: {self.kleinste_schrift} pt geht nicht – wählen Sie eine Schriftgröße von 5 bis "
                "20 pt (Standard 7; Tabellen stehen in 9,5 pt, ihre Köpfe in 8,5 pt).",
            )
        ]


@record
class Silbentrennung(Record):
    trennen: list[str] = doc(
        "Wörter mit ihren Trennstellen als Bindestrich, z. B. Stel-len-um-fang; ergänzt die mitgelieferte Liste",
        factory=list,
    )
    nicht_trennen: list[str] = doc(
        "Wörter, die nie getrennt werden, z. B. KiBiz; ergänzt die mitgelieferte Liste", factory=list
    )

    def woerter(self) -> tuple[str, ...]:
        """The shipped words and the body's, each written as the hyphenation takes it; a body's word replaces the
        shipped word of the same letters."""
        words = {_key(word): word for word in (*STANDARD_TRENNEN, *STANDARD_NICHT_TRENNEN)}
        words.update({_key(word): word for word in (*self.trennen, *self.nicht_trennen)})
        return tuple(word for _, word in sorted(words.items()))

    def check(self) -> list[Problem]:
        problems: list[Problem] = []
        seen: dict[str, str] = {}
        for liste, words, form in (("trennen", self.trennen, _GETRENNT), ("nicht_trennen", self.nicht_trennen, _GANZ)):
            for word in words:
                if len(word) > _LAENGE:
                    message = f"„{liste}“: „{word[:40]}…“ ist länger als {_LAENGE} Zeichen – kein Wort ist so lang."
                elif not form.fullmatch(word):
                    message = _falsch(liste, word)
                elif _key(word) in seen:
                    message = (
                        f"„{word}“ steht schon als „{seen[_key(word)]}“ in der Silbentrennung – nennen Sie jedes Wort "
                        "einmal, in „trennen“ mit seinen Trennstellen oder in „nicht_trennen“."
                    )
                else:
                    seen[_key(word)] = word
                    continue
                problems.append(Problem(self.where(liste), message))
        return problems


def _key(word: str) -> str:
    return word.replace("-", "").lower()


def _falsch(liste: str, word: str) -> str:
    """Why a word cannot stand in `liste`, and how to write it."""
    if liste == "trennen" and _GANZ.fullmatch(word):
        return (
            f"„trennen“: „{word}“ hat keine Trennstelle – schreiben Sie die Stellen als Bindestrich (z. B. "
            "Stel-len-um-fang) oder setzen Sie ein Wort, das nie getrennt wird, unter „nicht_trennen“."
        )
    if liste == "nicht_trennen" and _GETRENNT.fullmatch(word):
        return (
            f"„nicht_trennen“: „{word}“ enthält einen Bindestrich – dort bricht die Zeile ohnehin um; nennen Sie die "
            f"Teile einzeln ({', '.join(word.split('-'))}) oder setzen Sie das Wort mit seinen Trennstellen unter "
            "„trennen“."
        )
    return (
        f"„{liste}“: „{word}“ ist kein einzelnes Wort – erlaubt sind Buchstaben"
        + (" und Ziffern" if liste == "nicht_trennen" else ", Trennstellen als einzelne Bindestriche dazwischen")
        + ", ohne Leerzeichen und Satzzeichen."
    )


class _Satzstil(Protocol):
    """What Satz.aus reads of a Hausstil (load/hausstil.py imports this module, so it cannot name the class)."""

    @property
    def tabellen(self) -> Tabellenstil: ...

    @property
    def silbentrennung(self) -> Silbentrennung: ...


@dataclass(frozen=True)
class Satz:
    """What a Hausstil says about setting its documents, as the renderer takes it (render/pdf.py): the smallest font
    a too-wide table may get (pt), whether it may go on landscape pages, the words the hyphenation must know."""

    kleinste_schrift: Decimal = Decimal(7)
    querformat: bool = True
    woerter: tuple[str, ...] = field(default_factory=lambda: Silbentrennung().woerter())

    @classmethod
    def aus(cls, hausstil: _Satzstil) -> Satz:
        return cls(hausstil.tabellen.kleinste_schrift, hausstil.tabellen.querformat, hausstil.silbentrennung.woerter())
