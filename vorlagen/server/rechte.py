"""Roles and rights: who may read and who may edit a Vorlage, checked on the server for every page and write.

The roles: `Sachbearbeitung` (per federführendem Amt: read and edit that Amt's Vorlagen), `Mitzeichnung` (per
role of the Hausstil, e.g. Kämmerei: read every Vorlage, sign off or send back for that role – server/mitzeichnen.py),
`Sitzungsdienst` (read every Vorlage; change a Sitzung's agenda, build and publish its bundle –
server/sitzungsdienst.py), `Lesen` (the public Vorlagen only). A person has the roles of their
account and those the configuration gives them by name or by a group of the identity provider.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLLEN = ("Sachbearbeitung", "Mitzeichnung", "Sitzungsdienst", "Lesen")


@dataclass(frozen=True)
class Recht:
    """One role of a person (or of everyone in a group); `amt`: the Amt of a Sachbearbeitung, the Hausstil role of
    a Mitzeichnung."""

    person: str
    gruppe: str
    rolle: str
    amt: str = ""


@dataclass(frozen=True)
class Person:
    """Who is signed in: the account name, the name and e-mail a commit carries, their roles."""

    name: str
    anzeigename: str
    email: str
    rechte: tuple[Recht, ...]
    gruppen: tuple[str, ...] = ()

    def aemter(self) -> set[str]:
        return {r.amt for r in self.rechte if r.rolle == "Sachbearbeitung"}

    def mitzeichnungsrollen(self) -> set[str]:
        """The Hausstil roles the person signs for (e.g. Kämmerei)."""
        return {r.amt for r in self.rechte if r.rolle == "Mitzeichnung" and r.amt}

    def rollen(self) -> set[str]:
        return {r.rolle for r in self.rechte}


def mit_konfiguration(person: Person, rechte: tuple[Recht, ...]) -> Person:
    """The person with the rights the configuration gives them by name or by one of their groups."""
    dazu = tuple(r for r in rechte if r.person == person.name or (r.gruppe and r.gruppe in person.gruppen))
    return Person(person.name, person.anzeigename, person.email, person.rechte + dazu, person.gruppen)


def darf_lesen(person: Person, federfuehrend: str | None, oeffentlich: bool) -> bool:
    """Whether the person may see a Vorlage: a non-public one only with a right to it."""
    rollen = person.rollen()
    if rollen & {"Mitzeichnung", "Sitzungsdienst"} or (federfuehrend and federfuehrend in person.aemter()):
        return True
    return oeffentlich and bool(rollen)


def darf_bearbeiten(person: Person, federfuehrend: str | None) -> bool:
    """Whether the person may change a Vorlage: Sachbearbeitung of its federführendes Amt."""
    return bool(federfuehrend) and federfuehrend in person.aemter()


def darf_entwurf_sehen(person: Person, federfuehrend: str | None) -> bool:
    """Whether the person sees a Vorlage's draft as built (not only its released state): who may change it, sign it
    off or put it on an agenda."""
    return bool(person.rollen() & {"Mitzeichnung", "Sitzungsdienst"}) or darf_bearbeiten(person, federfuehrend)
