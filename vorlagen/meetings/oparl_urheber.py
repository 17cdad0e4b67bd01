"""Who a Paper comes from in OParl: the Amt that leads (underDirectionOf) for the administration's Vorlagen, the
Fraktion or Gruppe (originatorOrganization) or the members (originatorPerson) for Anträge and Anfragen; and the
Organizations and Persons of the Vertretung (vertretung.yaml) these fields point to."""

from __future__ import annotations

import datetime as dt

from vorlagen.core.fmt import slugify
from vorlagen.load.facts import Facts
from vorlagen.load.vorlage import Vorlage
from vorlagen.meetings.oparl_graph import SCHEMA, Graph, Objekt


def amt_id(graph: Graph, amt: str) -> str:
    return graph.url("organization", "amt-" + slugify(amt))


def fraktion_id(graph: Graph, fraktion: str) -> str:
    return graph.url("organization", "fraktion-" + slugify(fraktion))


def person_id(graph: Graph, mitglied: str) -> str:
    return graph.url("person", slugify(mitglied))


def urheber(graph: Graph, vorlage: Vorlage) -> Objekt:
    """The Paper's fields that say who it comes from; none while nothing is known."""
    if vorlage.federfuehrend is not None:
        return {"underDirectionOf": [amt_id(graph, vorlage.federfuehrend)]}
    e = vorlage.einreicher
    if e is None:
        return {}
    if e.fraktion is not None:
        return {"originatorOrganization": [fraktion_id(graph, e.fraktion)]}
    return {"originatorPerson": [person_id(graph, m) for m in e.mitglieder]}


def vertretung(graph: Graph, facts: Facts, body: str, first: dt.date) -> None:
    """The Fraktionen and Gruppen as Organizations, the members as Persons (with their Fraktion's membership)."""
    v = facts.vertretung
    if v is None:
        return
    for fraktion in v.fraktionen:
        graph.add(
            {
                "id": fraktion_id(graph, fraktion.id),
                "type": SCHEMA + "Organization",
                "body": body,
                "name": fraktion.name,
                "shortName": fraktion.id,
                "organizationType": fraktion.art,
                "classification": fraktion.art,
            },
            first,
        )
    for mitglied in v.mitglieder:
        graph.add(
            {"id": person_id(graph, mitglied.id), "type": SCHEMA + "Person", "body": body, "name": mitglied.name}, first
        )
