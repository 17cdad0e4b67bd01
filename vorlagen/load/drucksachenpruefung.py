"""Anträge, Änderungsanträge and Anfragen against their Art and the Vertretung: an Einreicher where the Art asks for
one and only there, every Fraktion and member named in vertretung.yaml, the Vorlage and point an Änderungsantrag
changes, the Anfrage a Beantwortung answers and its due date under the Geschäftsordnung."""

from __future__ import annotations

import datetime as dt
import re

from vorlagen.core.fmt import datum
from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts
from vorlagen.load.references import unknown
from vorlagen.load.vertretung import DATEI
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.vorlagenart import Vorlagenart
from vorlagen.load.vorlagenordner import VorlageSource

_PUNKT = re.compile(r"^(\d+)[.)]\s", re.M)  # a numbered point of a Beschlussvorschlag, at the start of a line


def art_von(facts: Facts, vorlage: Vorlage) -> Vorlagenart | None:
    """The Vorlage's Art, or None while it is open or unknown (its own problem)."""
    return facts.koerperschaft.hausstil.arten.get(vorlage.art) if vorlage.art is not None else None


def faellig(facts: Facts, vorlage: Vorlage) -> dt.date | None:
    """The day an Anfrage is due: its own „antwort_bis“, or its submission plus the Geschäftsordnung's days."""
    if vorlage.antwort_bis is not None:
        return vorlage.antwort_bis
    tage = facts.vertretung.geschaeftsordnung.antwortfrist_tage if facts.vertretung is not None else None
    if tage is None or vorlage.einreicher is None:
        return None
    return vorlage.einreicher.datum + dt.timedelta(days=tage)


def punkte(source: VorlageSource) -> list[int] | None:
    """The numbered points of a Vorlage's Beschlussvorschlag (1. …, 2. …), None when its text cannot be read."""
    text = source.texts.get(source.vorlage.beschlussvorschlag or "")
    if text is None:
        return None
    inhalt, _ = text.read()
    return None if inhalt is None else [int(n) for n in _PUNKT.findall(inhalt)]


def check_drucksachen(facts: Facts) -> list[Problem]:
    """Every problem of Einreicher and links between Drucksachen at once."""
    problems: list[Problem] = []
    beantwortet: dict[str, str] = {}
    for source in facts.vorlagen:
        vorlage = source.vorlage
        art = art_von(facts, vorlage)
        if art is None:
            continue
        problems += _einreicher(facts, vorlage, art)
        problems += _aenderung(facts, source, art)
        problems += _anfrage(facts, vorlage, art)
        problems += _verweis(facts, vorlage, art, "beantwortet", ("anfrage",), "eine Anfrage")
        problems += _verweis(facts, vorlage, art, "stellungnahme_zu", ("antrag", "aenderungsantrag"), "einen Antrag")
        if vorlage.beantwortet is not None and vorlage.beantwortet in beantwortet:
            problems.append(
                Problem(
                    vorlage.where("beantwortet"),
                    f"Die Anfrage {vorlage.beantwortet} beantwortet schon die Vorlage "
                    f"{beantwortet[vorlage.beantwortet]} – eine Anfrage hat eine Beantwortung; ergänzen Sie jene "
                    "oder entfernen Sie „beantwortet“ hier.",
                )
            )
        elif vorlage.beantwortet is not None:
            beantwortet[vorlage.beantwortet] = source.bezeichnung
    return problems + _unter_ihrer_vorlage(facts) + _mitglieder_der_niederschriften(facts)


def _einreicher(facts: Facts, vorlage: Vorlage, art: Vorlagenart) -> list[Problem]:
    """An Einreicher where the Art is submitted, none where the administration brings it in; every name known."""
    e = vorlage.einreicher
    if art.eingereicht and e is None:
        fraktion = facts.vertretung.fraktionen[0].id if facts.vertretung and facts.vertretung.fraktionen else "GRUENE"
        tag = (vorlage.datum or dt.date.today()).isoformat()
        return [
            Problem(
                vorlage.where("art"),
                f"Die Vorlagenart „{vorlage.art}“ wird eingereicht – nennen Sie den Einreicher statt eines Amts, "
                f"z. B. einreicher: {{fraktion: {fraktion}, datum: {tag}}}.",
            )
        ]
    if e is None:
        return []
    if not art.eingereicht:
        return [
            Problem(
                vorlage.where("einreicher"),
                f"Die Vorlagenart „{vorlage.art}“ bringt die Verwaltung ein – „einreicher“ gilt nur für Arten, die "
                "eine Fraktion oder Mitglieder einreichen (hausstil: arten: …: drucksache: antrag): entfernen Sie "
                "ihn oder wählen Sie eine solche Art, z. B. „art: Antrag“.",
            )
        ]
    v = facts.vertretung
    if v is None and facts.is_unreadable("vertretung", "vertretung"):
        return []  # the file's own problems are listed
    if v is None:
        return [
            Problem(
                e.where("fraktion" if e.fraktion is not None else "mitglieder"),
                f"Der Einreicher steht in keiner {DATEI} – legen Sie die Datei im Datenordner an, mit den "
                "Fraktionen und Gruppen unter „fraktionen“ und den Mitgliedern unter „mitglieder“.",
            )
        ]
    problems = []
    if e.fraktion is not None and v.fraktion(e.fraktion) is None:
        hint = f"tragen Sie sie in {DATEI} unter „fraktionen“ ein."
        problems.append(unknown(e.where("fraktion"), " Fraktion", e.fraktion, [f.id for f in v.fraktionen], hint))
    for name in e.mitglieder:
        if v.mitglied(name) is None:
            hint = f"tragen Sie es in {DATEI} unter „mitglieder“ ein."
            problems.append(unknown(e.where("mitglieder"), "s Mitglied", name, [m.id for m in v.mitglieder], hint))
    return problems


def _aenderung(facts: Facts, source: VorlageSource, art: Vorlagenart) -> list[Problem]:
    """An Änderungsantrag names an existing other Vorlage and a point its Beschlussvorschlag has."""
    vorlage, a = source.vorlage, source.vorlage.aendert
    if art.drucksache == "aenderungsantrag" and a is None:
        return [
            Problem(
                vorlage.where("art"),
                f"Ein Änderungsantrag („{vorlage.art}“) nennt die Vorlage, die er ändert – ergänzen Sie z. B. "
                'aendert: {vorlage: "2020/DV/0662", punkt: 2}.',
            )
        ]
    if a is None:
        return []
    if art.drucksache != "aenderungsantrag":
        return [
            Problem(
                vorlage.where("aendert"),
                f"„aendert“ gehört zu einem Änderungsantrag, die Vorlagenart „{vorlage.art}“ ist keiner – entfernen "
                "Sie den Eintrag oder wählen Sie eine Art mit „drucksache: aenderungsantrag“.",
            )
        ]
    geaendert = facts.vorlage(a.vorlage) if a.vorlage != vorlage.nummer else None
    if geaendert is None:
        if facts.is_unreadable("vorlagen", a.vorlage):
            return []
        alle = [s.vorlage.nummer for s in facts.vorlagen if s.vorlage.nummer not in (None, vorlage.nummer)]
        return [unknown(a.where("vorlage"), " Vorlage", a.vorlage, alle, "„aendert“ nennt eine Vorlage aus vorlagen/.")]
    if vorlage.oeffentlich and not geaendert.vorlage.oeffentlich:
        return [
            Problem(
                vorlage.where("oeffentlich"),
                f"Der Änderungsantrag ist öffentlich, die Vorlage {a.vorlage}, die er ändert, nicht – er liest und "
                "zitiert ihre Zahlen: setzen Sie „oeffentlich: false“.",
            )
        ]
    if a.punkt is None:
        return []
    if geaendert.vorlage.beschlussvorschlag is None:
        return [
            Problem(
                a.where("punkt"),
                f"Die Vorlage {a.vorlage} hat keinen Beschlussvorschlag, also auch keinen Punkt {a.punkt} – lassen Sie "
                "„punkt“ weg.",
            )
        ]
    vorhanden = punkte(geaendert)
    if vorhanden is None or a.punkt in vorhanden:
        return []  # no Beschlussvorschlag to read: its own problem
    hat = ", ".join(map(str, vorhanden)) if vorhanden else "keine nummerierten Punkte"
    return [
        Problem(
            a.where("punkt"),
            f"Der Beschlussvorschlag der Vorlage {a.vorlage} hat keinen Punkt {a.punkt} (er hat: {hat}) – nennen "
            "Sie einen seiner Punkte oder lassen Sie „punkt“ weg, wenn der Antrag ihn im Ganzen ändert.",
        )
    ]


def _anfrage(facts: Facts, vorlage: Vorlage, art: Vorlagenart) -> list[Problem]:
    """An Anfrage has its questions and a due date within the Geschäftsordnung's deadline; nothing else has."""
    if art.drucksache != "anfrage":
        key = "fragen" if vorlage.fragen else "antwort_bis" if vorlage.antwort_bis is not None else None
        if key is None:
            return []
        return [
            Problem(
                vorlage.where(key),
                f"„{key}“ gehört zu einer Anfrage, die Vorlagenart „{vorlage.art}“ ist keine – entfernen Sie den "
                "Eintrag oder wählen Sie eine Art mit „drucksache: anfrage“.",
            )
        ]
    problems = []
    if not vorlage.fragen:
        problems.append(
            Problem(
                vorlage.where("art"),
                "Eine Anfrage stellt Fragen – tragen Sie sie unter „fragen“ ein, je Frage eine Zeile.",
            )
        )
    tage = facts.vertretung.geschaeftsordnung.antwortfrist_tage if facts.vertretung is not None else None
    e = vorlage.einreicher
    if vorlage.antwort_bis is not None and tage is not None and e is not None:
        letzter = e.datum + dt.timedelta(days=tage)
        if vorlage.antwort_bis > letzter:
            problems.append(
                Problem(
                    vorlage.where("antwort_bis"),
                    f"Die Geschäftsordnung gibt {tage} Tage für die Antwort: eingereicht am {datum(e.datum)}, ist "
                    f"die Anfrage bis zum {datum(letzter)} zu beantworten, nicht erst bis zum "
                    f"{datum(vorlage.antwort_bis)} – tragen Sie ein früheres Datum ein oder lassen Sie "
                    "„antwort_bis“ weg.",
                )
            )
    return problems


def _verweis(
    facts: Facts, vorlage: Vorlage, art: Vorlagenart, key: str, kinds: tuple[str, ...], was: str
) -> list[Problem]:
    """„beantwortet“ and „stellungnahme_zu“: on the administration's Vorlage, naming a Drucksache of the right kind."""
    nummer = getattr(vorlage, key)
    if nummer is None:
        return []
    if art.eingereicht:
        return [
            Problem(
                vorlage.where(key),
                f"„{key}“ gehört zu einer Vorlage der Verwaltung, die Vorlagenart „{vorlage.art}“ wird eingereicht "
                "– entfernen Sie den Eintrag oder wählen Sie z. B. „art: Mitteilungsvorlage“.",
            )
        ]
    ziel = facts.vorlage(nummer) if nummer != vorlage.nummer else None
    if ziel is None:
        if facts.is_unreadable("vorlagen", nummer):
            return []
        alle = [s.vorlage.nummer for s in facts.vorlagen if s.vorlage.nummer not in (None, vorlage.nummer)]
        return [unknown(vorlage.where(key), " Vorlage", nummer, alle, f"„{key}“ nennt {was} aus vorlagen/.")]
    ziel_art = art_von(facts, ziel.vorlage)
    if ziel_art is not None and ziel_art.drucksache not in kinds:
        return [
            Problem(
                vorlage.where(key),
                f"„{key}“ nennt {was}, die Vorlage {nummer} hat aber die Art „{ziel.vorlage.art}“ – nennen Sie "
                "die Nummer der richtigen Drucksache.",
            )
        ]
    return []


def _mitglieder_der_niederschriften(facts: Facts) -> list[Problem]:
    """Where vertretung.yaml lists the Fraktionen, an attendance names a member's Fraktion as listed there."""
    v = facts.vertretung
    if v is None or not v.fraktionen:
        return []
    bekannt = {f.id for f in v.fraktionen} | {f.name for f in v.fraktionen}
    fraktion_von = {m.name: v.fraktion(m.fraktion) for m in v.mitglieder if m.fraktion is not None}
    problems = []
    for source in facts.niederschriften.values():
        for mitglied in source.niederschrift.anwesend.mitglieder:
            if mitglied.fraktion is None:
                continue
            if mitglied.fraktion not in bekannt:
                hint = f"nennen Sie sie mit ihrem Kürzel oder Namen aus {DATEI} („fraktionen“)."
                problems.append(
                    unknown(mitglied.where("fraktion"), " Fraktion", mitglied.fraktion, sorted(bekannt), hint)
                )
            elif (f := fraktion_von.get(mitglied.name)) is not None and mitglied.fraktion not in (f.id, f.name):
                problems.append(
                    Problem(
                        mitglied.where("fraktion"),
                        f"„{mitglied.name}“ gehört laut {DATEI} zur {f.art} „{f.name}“ ({f.id}), nicht zu "
                        f"„{mitglied.fraktion}“ – korrigieren Sie die Angabe hier oder in {DATEI}, oder lassen Sie "
                        "„fraktion“ weg: dann gilt die aus vertretung.yaml.",
                    )
                )
    return problems


def _unter_ihrer_vorlage(facts: Facts) -> list[Problem]:
    """On an agenda an Änderungsantrag stands under its Vorlage: a TOP below the Vorlage's (7.2 → 7.2.1)."""
    aendert = {s.vorlage.nummer: s.vorlage.aendert.vorlage for s in facts.vorlagen if s.vorlage.aendert is not None}
    problems = []
    for sitzung_id, sitzung in sorted(facts.sitzungen.items()):
        t = sitzung.tagesordnung
        alle = [*t.oeffentlich, *t.nichtoeffentlich] if t is not None else []
        top_von = {top.vorlage: top.top for top in alle if top.vorlage is not None}
        for top in alle:
            geaendert = aendert.get(top.vorlage) if top.vorlage is not None else None
            if geaendert is None:
                continue
            oben = top_von.get(geaendert)
            if oben is None:
                text = (
                    f"TOP {top.top}: Der Änderungsantrag {top.vorlage} ändert die Vorlage {geaendert}, die auf der "
                    f"Tagesordnung der Sitzung {sitzung_id} fehlt – setzen Sie die Vorlage auf die Tagesordnung und "
                    "den Änderungsantrag unter sie."
                )
            elif not top.top.startswith(oben + "."):
                text = (
                    f"TOP {top.top}: Der Änderungsantrag {top.vorlage} steht unter seiner Vorlage {geaendert} (TOP "
                    f"{oben}) – geben Sie ihm eine Nummer unter deren TOP, z. B. {oben}.1."
                )
            else:
                continue
            problems.append(Problem(top.where("top"), text))
    return problems
