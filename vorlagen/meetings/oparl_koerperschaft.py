"""The Body of the OParl graph and what stands beside its Sitzungen and Vorlagen: its LegislativeTerms, the System,
and the Organizations – each Gremium, each Amt, and the Fraktionen and members of the Vertretung (oparl_urheber.py).
They are published from the date of the graph's first object."""

from __future__ import annotations

import datetime as dt

from vorlagen.load.facts import Facts
from vorlagen.meetings.oparl_graph import LISTS, SCHEMA, Graph
from vorlagen.meetings.oparl_urheber import amt_id, vertretung
from vorlagen.render.document import slugify


def gremium_id_of(graph: Graph, gremium_id: str) -> str:
    """The id of a Gremium's Organization."""
    return graph.url("organization", "gremium-" + slugify(gremium_id))


def organisationen(g: Graph, facts: Facts, body: str, first: dt.date) -> None:
    """An Organization for each Gremium and each Amt, and those of the Vertretung."""
    k = facts.koerperschaft
    for gremium in k.gremien:
        g.add(
            {
                "id": gremium_id_of(g, gremium.id),
                "type": SCHEMA + "Organization",
                "body": body,
                "name": gremium.name,
                "shortName": gremium.id,
                "organizationType": "Gremium",
                "classification": "Ausschuss",
            },
            first,
        )
    for amt in k.aemter:
        g.add(
            {
                "id": amt_id(g, amt.id),
                "type": SCHEMA + "Organization",
                "body": body,
                "name": amt.name,
                "shortName": amt.id,
                "organizationType": "Verwaltungsbereich",
                "classification": "Amt",
            },
            first,
        )
    vertretung(g, facts, body, first)


def koerperschaft(g: Graph, facts: Facts, body_id: str, first: dt.date) -> None:
    """The Body with its LegislativeTerms and its lists, and the System that names it."""
    k = facts.koerperschaft
    terms = []
    for periode in k.wahlperioden:
        term = {
            "id": g.url("legislativeterm", slugify(periode.name.replace("–", "-"))),
            "type": SCHEMA + "LegislativeTerm",
            "body": body_id,
            "name": periode.name,
            "startDate": periode.von.isoformat(),
        }
        if periode.bis is not None:
            term["endDate"] = periode.bis.isoformat()
        terms.append(g.add(term, first))
    body_key = slugify(k.name)
    body = {
        "id": body_id,
        "type": SCHEMA + "Body",
        "system": g.url("system"),
        "name": k.name,
        "website": g.base + "index.html",
        "legislativeTerm": terms,
    }
    body.update({name: g.url("body", body_key, file, "1") for name, (file, _) in LISTS.items()})
    g.add(body, first)
    g.add(
        {
            "id": g.url("system"),
            "type": SCHEMA + "System",
            "oparlVersion": SCHEMA,
            "name": k.name,
            "body": g.url("bodies", "1"),
            "website": g.base + "index.html",
        },
        first,
    )
