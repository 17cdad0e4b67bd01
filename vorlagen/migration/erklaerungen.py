"""Which printed figures and words this version changes on purpose, and why: each explanation a rule of
`vorlagen aktualisieren` gives names the Vorlage (or every document) and the kind of difference it explains, so that
the proof tells a change this version makes from one it does not explain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from vorlagen.migration.gedruckt import Abweichung, als_woerter


@dataclass(frozen=True)
class Erklaerung:
    """Figures of one Vorlage (its output folder `slug`) that this version prints differently on purpose, and why;
    `bewahrbar`: the `bewahrend` copy keeps the old reading, so the change shows between the two copies."""

    slug: str
    grund: str
    bewahrbar: bool = True
    norm: str | None = (
        None  # only a figure that stood in a citation of this law, e.g. GO NRW for the „83“ of § 83 GO NRW
    )
    prozent: int | None = None  # only a percentage printed with two places then and these places now, rounded
    nur: str | None = None  # only figures of this kind: „%“ percentages, „€“ amounts, „0“ a figure printed as 0 then
    anzeige: tuple[str, str] | None = None  # only an amount of a table shown in the first unit then („T€“), in the
    # second now („€“): the same amount, rounded as that unit shows it

    def erklaert(self, abweichung: Abweichung) -> bool:
        """Whether this change explains a figure printed differently: one of this Vorlage's, and (with `norm`) the
        number of a paragraph of that law in the earlier build."""
        if not _von_vorlage(self.slug, abweichung.datei) or abweichung.vorher is None or abweichung.nachher is None:
            return False  # a figure no longer printed is never what a change of this version explains
        if self.nur is not None and not _von_der_art(abweichung.vorher.text, abweichung.nachher.text, self.nur):
            return False
        if self.prozent is not None:
            return _weniger_stellen(abweichung, self.prozent)
        if self.anzeige is not None:
            return _umgerechnet(abweichung.vorher.text, abweichung.nachher.text, *self.anzeige)
        if self.norm is None:
            return True
        vorher = abweichung.vorher
        zitat = rf"(§§?|Art\.)\s*{re.escape(vorher.text)}\s+{re.escape(self.norm)}(?![\w-])" if vorher else ""
        return vorher is not None and re.search(zitat, vorher.kontext) is not None


def _von_vorlage(slug: str, datei: str) -> bool:
    """Whether a text rendition of the output belongs to the Vorlage of this output folder (public or intern/)."""
    return datei.startswith((f"vorlagen/{slug}/", f"intern/vorlagen/{slug}/"))


def _von_der_art(vorher: str, nachher: str, art: str) -> bool:
    """Whether a figure printed then and now is of the kind an explanation is about (see Erklaerung.nur)."""
    if art == "0":
        return re.fullmatch(r"[+−±-]?0(?:,0+)?(?: .*)?", vorher) is not None
    return vorher.endswith(art) and nachher.endswith(art)


def _weniger_stellen(abweichung: Abweichung, stellen: int) -> bool:
    """„13,83 %“ then, „13,8 %“ now (stellen 1): the same percentage with the places the Körperschaft names."""
    alt, neu = abweichung.vorher, abweichung.nachher
    if alt is None or neu is None:
        return False
    vorher = re.fullmatch(r"([+−-]?)([\d.]+),(\d\d) %", alt.text)
    nachher = re.fullmatch(r"([+−-]?)([\d.]+)(?:,(\d+))? %", neu.text)
    if vorher is None or nachher is None or len(nachher[3] or "") != stellen or vorher[1] != nachher[1]:
        return False
    wert = Decimal(vorher[2].replace(".", "") + "." + vorher[3])
    schritt = Decimal(1).scaleb(-stellen)
    gezeigt = Decimal(nachher[2].replace(".", "") + "." + (nachher[3] or "0"))
    return wert.quantize(schritt, rounding=ROUND_HALF_UP) == gezeigt


FAKTOR = {"€": 1, "T€": 1000, "Mio. €": 10**6, "Mrd. €": 10**9}  # euros of one unit an Aufstellung can be shown in


def _umgerechnet(vorher: str, nachher: str, alt: str, neu: str) -> bool:
    """„114“ then (a table in T€), „113.700 €“ now (in €): the amount now, in the unit of then, rounds up or down to
    the figure printed then, to its places (a table's figures print without their unit; it rounds a row either way,
    so that its rows add up to its printed sum)."""
    zahl = r"([−-]?)(\d(?:[\d.]*\d)?)(?:,(\d+))?"
    dann = re.fullmatch(zahl, vorher)
    jetzt = re.fullmatch(zahl + ("(?: €)?" if neu == "€" else ""), nachher)  # in €: „€“ (or „EUR“, not a figure's)
    if dann is None or jetzt is None or alt not in FAKTOR or neu not in FAKTOR:
        return False
    wert_dann, wert_jetzt = (
        Decimal(m[2].replace(".", "") + "." + (m[3] or "0")) * (-1 if m[1] else 1) for m in (dann, jetzt)
    )
    stellen = len(dann[3] or "")
    return abs(wert_jetzt * FAKTOR[neu] / FAKTOR[alt] - wert_dann) < Decimal(1).scaleb(-stellen)


@dataclass(frozen=True)
class Textaenderung:
    """Words this version prints differently on purpose, and why: in a Vorlage (`slug`; None: in every document),
    the words printed then, with `alt` (a pattern of words as gedruckt.als_woerter gives them) replaced by `neu`,
    are the words printed now – „einstimmig (# Ja)“ → „einstimmig, # Ja“; `neu` "" where they are gone."""

    slug: str | None
    alt: str
    neu: str
    grund: str

    def erklaert(self, abweichung: Abweichung) -> bool:
        """Whether this change is all that differs in the words of a text difference (gedruckt.textabweichungen)."""
        if abweichung.vorher is None:
            return False
        if self.slug is not None and not _von_vorlage(self.slug, abweichung.datei):
            return False
        vorher, nachher = abweichung.vorher, abweichung.nachher
        paare = [(vorher.text, nachher.text if nachher is not None else "")]
        if nachher is not None:  # „GO NRW“ → „NKomVG“ of „§ # GO NRW“: the words with those around them
            paare.append((vorher.umgebung, nachher.umgebung))
        for dann, jetzt in ((als_woerter(a), als_woerter(b)) for a, b in paare):
            ersetzt = re.sub(self.alt, lambda _: self.neu, dann)
            if ersetzt != dann and " ".join(ersetzt.split()) == jetzt:
                return True
        return False
