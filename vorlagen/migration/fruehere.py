"""A revision of an earlier version's format, compared with `vorlagen vergleichen`: brought to this version's
format in memory by the rules of `vorlagen aktualisieren`, reading what that version read (rows by position, a
Förderprogramm's Stellen, NRW law where no Land is named – as it printed), and then compared as usual.

`drucken_gleich` is the check of an update commit: whether every figure the older build printed is printed the
same by the newer one (the proof of `aktualisieren`, on the two outputs of the comparison)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import vorlagen
from vorlagen.building.vorbereitung import vorbereitet
from vorlagen.core.fmt import anzahl
from vorlagen.core.problems import BuildFailed, Paths
from vorlagen.load.land import laender
from vorlagen.load.settings import version_matches
from vorlagen.migration.gedruckt import Abweichung, compare, figures, renditions
from vorlagen.migration.landesrecht import NRW
from vorlagen.migration.umschreibregeln import umschreiben


@dataclass
class Umgestellt:
    """What bringing one revision to this format did: the rewrites, as `aktualisieren` lists them."""

    revision: str
    umschreibungen: list[str] = field(default_factory=list)
    nrw: bool = False  # its data name no Land, and the Haushalt's rules were read as NRW's (as earlier versions did)
    versucht: bool = False  # its vorlagen.toml names no version: it was found older by trying to read it as this one

    def zeile(self) -> str:
        """The one line the report says about it (German)."""
        land = "; ohne „land“ nach NRW-Recht, wie frühere Versionen druckten" if self.nrw else ""
        warum = (
            " (vorlagen.toml nennt keine Version, und im Format dieser Version lässt es sich nicht bauen)"
            if self.versucht
            else ""
        )
        return (
            f"„{self.revision}“ ist im Format einer früheren Version{warum}: verglichen wird es so, wie „vorlagen "
            f"aktualisieren“ es umschreibt ({anzahl(len(self.umschreibungen), 'Stelle', 'Stellen')}, nur für diesen "
            f"Vergleich{land})."
        )


def umstellen(data: Path, revision: str, fuer: str | None = None) -> Umgestellt | None:
    """Rewrites an extracted revision's data folder in place into this version's format (`fuer`: the version its
    vorlagen.toml names); None where nothing needed rewriting. A revision whose vorlagen.toml names this version is
    in its format already (as `aktualisieren` leaves it): its files are not read for the rules at all. Otherwise the
    format is decided as for every command (`gelesen_fuer`)."""
    if fuer is not None and im_heutigen_format(fuer):
        return None
    fuer, versucht = gelesen_fuer(data, fuer)
    q = umschreiben(data, bewahrend=True, land=laender()[NRW], fuer=fuer)
    if not q.umschreibungen:
        return None
    nrw = any(u.nachher == f"land: {NRW}" for u in q.umschreibungen)
    return Umgestellt(revision, [str(u) for u in q.umschreibungen], nrw, versucht)


def gelesen_fuer(data: Path, fuer: str | None) -> tuple[str | None, bool]:
    """The version whose format a data folder is read in, and whether that was found by trying: what its
    vorlagen.toml names (`fuer`); without a version named, this one's – as `bauen` and `pruefen` read it – where it
    builds so, so that no rule reads a number anew without a marker saying the data are older; else (None, True): it
    builds only as an earlier version's, and the report says so."""
    if fuer is not None:
        return fuer, False
    try:
        vorbereitet(data)
    except BuildFailed:
        return None, True  # not in this format: an earlier one's, by every rule
    return _format(), False


def _format() -> str:
    """This program's version as major.minor: the format its data are in."""
    import vorlagen

    return ".".join(vorlagen.__version__.split(".")[:2])


@dataclass
class Zahlenvergleich:
    """Every figure the older build printed, compared with the newer build's text renditions."""

    zahlen: int
    anders: list[Abweichung]
    erklaert: list[Abweichung] = field(default_factory=list)  # differences that lose nothing, with why

    def zeilen(self) -> list[str]:
        erklaert = [f"  {a.beschreibung()} – {a.grund}" for a in self.erklaert]
        if not self.anders:
            if not erklaert:
                return [f"Gedruckte Zahlen: alle {self.zahlen} wie vorher."]
            return [f"Gedruckte Zahlen: alle {self.zahlen} wie vorher, {len(erklaert)} genauer:", *erklaert]
        return [
            f"Gedruckte Zahlen: {len(self.anders)} von {self.zahlen} anders gedruckt:",
            *[f"  {a.beschreibung()}" for a in self.anders],
            *erklaert,
        ]


def im_heutigen_format(fuer: str) -> bool:
    """Whether data whose vorlagen.toml names the version `fuer` are written in this version's format: it admits
    this version (as `aktualisieren` and `vorlagen neu` write it, „0.3“)."""
    return version_matches(fuer, vorlagen.__version__)


def drucken_gleich(alt: Path, neu: Path) -> Zahlenvergleich:
    """The figures of the build in `alt` against those in `neu` (both made by this program in the comparison)."""
    vorher, _ = renditions(alt, Paths())
    nachher, _ = renditions(neu, Paths())
    anders = [a for a in compare(vorher, nachher) if a.vorher is not None]
    zahlen = sum(len(figures(t)) for t in vorher.values())
    return Zahlenvergleich(zahlen, [a for a in anders if a.grund is None], [a for a in anders if a.grund is not None])
