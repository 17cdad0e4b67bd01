"""The Hausstil's rules applied to each Vorlage: Art, sections, Beschlussvorschlag, Nummer, Datum, signature."""

from __future__ import annotations

import re

from vorlagen.core.fmt import datum
from vorlagen.core.problems import Problem
from vorlagen.load.facts import Facts
from vorlagen.load.hausstil import Hausstil
from vorlagen.load.records import defined_at, line_of, suggest, unknown_word
from vorlagen.load.vorlage import Vorlage
from vorlagen.load.vorlagenart import Vorlagenart, nummer_beispiel, nummer_regex
from vorlagen.load.vorlagenordner import VorlageSource, unknown_art

# at the line of `betreff`, before which the handbook writes `datum`; a clerk who does not know the date yet needs the
# Hausstil's switch
DATUM_FEHLT = (
    "In „vorlage.yaml“ fehlt der Eintrag „datum“ – ergänzen Sie ihn vor „betreff“, z. B. „datum: 2021-06-10“. Steht "
    "das Datum noch nicht fest, erlaubt „datum_pflicht: false“ unter „hausstil:“ in koerperschaft.yaml Vorlagen ohne "
    "Datum."
)


def eine(art: str | None) -> str:
    """'Eine Beschlussvorlage' – or 'Die Vorlagenart „Antrag“' where the article would be a guess; 'Eine Vorlage'
    while the Art is open."""
    if art is None:
        return "Eine Vorlage"
    return f"Eine {art}" if art.endswith("vorlage") else f"Die Vorlagenart „{art}“"


def check_regeln(facts: Facts) -> list[Problem]:
    """Every rule problem of every Vorlage at once."""
    stil = facts.koerperschaft.hausstil
    problems: list[Problem] = []
    for source in facts.vorlagen:
        vorlage = source.vorlage
        art = stil.arten.get(vorlage.art) if vorlage.art is not None else Vorlagenart()  # open: the defaults
        if art is None:
            assert vorlage.art is not None
            problems.append(unknown_art(vorlage.where("art"), vorlage.art, stil.arten, defined_at(stil, "arten")))
            continue
        problems += _woerter(facts, source)
        problems += _kopf(stil, vorlage, art)
        problems += _dringlichkeit(facts, vorlage)
        problems += _beschlussvorschlag(stil, vorlage, art)
        problems += _abschnitte(stil, vorlage, art)
        problems += _nummer(stil, vorlage, art)
        if vorlage.datum is None and stil.datum_pflicht:
            problems.append(Problem(vorlage.where("betreff"), DATUM_FEHLT))
        if vorlage.unterschrift is None and stil.unterschrift.form in ("im_auftrag", "gez") and not art.eingereicht:
            problems.append(
                Problem(
                    vorlage.where(),
                    "Der Hausstil lässt Vorlagen von der Sachbearbeitung unterschreiben "
                    "– ergänzen Sie „unterschrift: {name: …, funktion: …}“.",
                )
            )
    return problems


def _woerter(facts: Facts, source: VorlageSource) -> list[Problem]:
    """Zuständigkeiten, Beratungsergebnisse, Mitzeichner and the Klimaschutz answer are words of the body's own lists."""
    stil = facts.koerperschaft.hausstil
    vorlage = source.vorlage
    problems = []
    for beratung in vorlage.beratungsfolge:
        if beratung.rolle is not None and beratung.rolle not in stil.rollen:
            problems.append(
                unknown_word(
                    beratung.where("rolle"), "rolle", beratung.rolle, stil.rollen, "rollen", defined_at(stil, "rollen")
                )
            )
        if beratung.ergebnis is not None and beratung.ergebnis not in stil.beratungsergebnisse:
            problems.append(
                unknown_word(
                    beratung.where("ergebnis"),
                    "ergebnis",
                    beratung.ergebnis,
                    stil.beratungsergebnisse,
                    "beratungsergebnisse",
                    defined_at(stil, "beratungsergebnisse"),
                )
            )
    return problems + _mitzeichner(stil, source) + _klimaschutz(stil, vorlage)


def _mitzeichner(stil: Hausstil, source: VorlageSource) -> list[Problem]:
    """Who signed a Vorlage is a role of the body's list (hausstil: mitzeichnung: rollen)."""
    rollen = stil.mitzeichnung.rollen
    return [
        unknown_word(
            m.where("rolle"), "rolle", m.rolle, rollen, "mitzeichnung: rollen", defined_at(stil.mitzeichnung, "rollen")
        )
        for m in source.mitzeichnungen
        if m.rolle not in rollen
    ]


def _klimaschutz(stil: Hausstil, vorlage: Vorlage) -> list[Problem]:
    problems = []
    if vorlage.klimaschutz is not None:
        antworten = stil.klimaantworten()
        antwort = antworten.get(vorlage.klimaschutz.auswirkung)
        where = vorlage.klimaschutz.where("auswirkung")
        if antwort is None:
            problems.append(
                unknown_word(
                    where,
                    "auswirkung",
                    vorlage.klimaschutz.auswirkung,
                    antworten,
                    "abschnitte",
                    defined_at(stil, "abschnitte"),
                )
            )
        elif antwort.begruendung and not vorlage.klimaschutz.begruendung:
            problems.append(
                Problem(
                    where,
                    f"Bei „{vorlage.klimaschutz.auswirkung}“ braucht „klimaschutz“ eine "
                    "„begruendung“ – beschreiben Sie in einem Satz, wie die Vorlage auf den "
                    "Klimaschutz wirkt.",
                )
            )
    return problems


def _dringlichkeit(facts: Facts, vorlage: Vorlage) -> list[Problem]:
    """A Dringlichkeitsentscheidung is laid before the Gremien afterwards: not dated after the Vorlage or after a
    Sitzung of its Beratungsfolge."""
    entscheidung = vorlage.dringlichkeitsentscheidung
    if entscheidung is None or entscheidung.datum is None:  # a Vorlage may not state the date
        return []
    where = entscheidung.where("datum")
    if vorlage.datum is not None and entscheidung.datum > vorlage.datum:
        return [
            Problem(
                where,
                f"Die Dringlichkeitsentscheidung vom {datum(entscheidung.datum)} liegt nach dem "
                f"Datum der Vorlage ({datum(vorlage.datum)}) – die Vorlage legt eine getroffene "
                "Entscheidung vor; prüfen Sie beide Daten.",
            )
        ]
    for beratung in vorlage.beratungsfolge:
        sitzung = facts.sitzungen.get(beratung.sitzung) if beratung.sitzung is not None else None  # None: Termin offen
        if sitzung is not None and sitzung.datum < entscheidung.datum:
            return [
                Problem(
                    where,
                    f"Die Dringlichkeitsentscheidung vom {datum(entscheidung.datum)} liegt nach der "
                    f"Sitzung {beratung.sitzung} ({datum(sitzung.datum)}), in der sie beraten werden "
                    "soll – prüfen Sie das Datum und die Beratungsfolge.",
                )
            ]
    return []


def _kopf(stil: Hausstil, vorlage: Vorlage, art: Vorlagenart) -> list[Problem]:
    """The Vorlage's own header fields are the Hausstil's; required ones are there, forbidden ones are not."""
    eigene = stil.kopf.eigene
    problems = []
    for feld in vorlage.kopf:
        where = line_of(vorlage.kopf, feld)
        if not eigene:
            problems.append(
                Problem(
                    where,
                    f"„kopf“: „{feld}“ – der Hausstil hat keine eigenen Kopfdaten; legen Sie "
                    "sie in koerperschaft.yaml unter „hausstil: kopf: eigene“ an, z. B. "
                    "eigene: {bearbeitung: Bearbeitung}.",
                )
            )
        elif feld not in eigene:
            problems.append(unknown_word(where, "kopf", feld, eigene, "kopf: eigene", defined_at(stil.kopf, "eigene")))
        elif feld not in stil.kopf.felder and vorlage.kopf.get(feld) and art.kopf.get(feld) != "verboten":
            # else it would be dropped without a word (a forbidden one has its own message below)
            felder = defined_at(stil.kopf, "felder")
            ort = f" ({felder.path}, Zeile {felder.line})" if felder is not None and felder.line else ""
            problems.append(
                Problem(
                    where,
                    f"„kopf“: „{feld}“ wird nicht gedruckt – es fehlt in der Liste "
                    f"„hausstil: kopf: felder“{ort}; nehmen Sie es dort auf oder entfernen "
                    "Sie den Eintrag.",
                )
            )
    for feld, regel in art.kopf.items():
        if regel == "pflicht" and not vorlage.kopf.get(feld):
            problems.append(
                Problem(
                    vorlage.where("art"),
                    f"{eine(vorlage.art)} braucht im Kopf „{feld}“ – ergänzen Sie „kopf: {{{feld}: …}}“.",
                )
            )
        elif regel == "verboten" and feld in vorlage.kopf:
            problems.append(
                Problem(
                    line_of(vorlage.kopf, feld),
                    f"{eine(vorlage.art)} hat im Kopf kein „{feld}“ – entfernen Sie den Eintrag.",
                )
            )
    return problems


def _beschlussvorschlag(stil: Hausstil, vorlage: Vorlage, art: Vorlagenart) -> list[Problem]:
    if art.beschlussvorschlag == "pflicht" and vorlage.beschlussvorschlag is None:
        return [
            Problem(
                vorlage.where("art"),
                f"{eine(vorlage.art)} braucht „beschlussvorschlag“ (eine Markdown-Datei) – ergänzen Sie ihn.",
            )
        ]
    if art.beschlussvorschlag == "verboten" and vorlage.beschlussvorschlag is not None:
        andere = [
            name for regel in ("pflicht", "optional") for name, a in stil.arten.items() if a.beschlussvorschlag == regel
        ]
        wahl = f" oder wählen Sie „art: {andere[0]}“" if andere else ""
        return [
            Problem(
                vorlage.where("beschlussvorschlag"),
                f"{eine(vorlage.art)} hat keinen Beschlussvorschlag – entfernen Sie ihn{wahl}.",
            )
        ]
    return []


def _abschnitte(stil: Hausstil, vorlage: Vorlage, art: Vorlagenart) -> list[Problem]:
    """Required sections present, forbidden ones absent, every text for a known section."""
    problems = []
    known = {a.id: a for a in stil.abschnitte if a.form == "text"}
    for key in vorlage.texte:
        if key not in known:
            hint = suggest(key, known) or " –"
            where = line_of(vorlage.texte, key)
            problems.append(
                Problem(
                    where,
                    f"Unbekannter Abschnitt „{key}“{hint} der Hausstil kennt "
                    f"{', '.join(known) or 'keine Abschnitte'} (koerperschaft.yaml → "
                    "hausstil: abschnitte).",
                )
            )
    klima = [a for a in stil.abschnitte if a.form == "klimaschutz"]
    if vorlage.klimaschutz is not None and not klima:
        problems.append(
            Problem(
                vorlage.where("klimaschutz"),
                "Der Hausstil sieht keinen Abschnitt zum Klimaschutz vor "
                "– entfernen Sie „klimaschutz“ oder legen Sie unter "
                "„hausstil: abschnitte“ einen mit „form: klimaschutz“ an.",
            )
        )
    for abschnitt in stil.abschnitte:
        regel = art.abschnitte.get(abschnitt.id, "optional")
        given = vorlage.klimaschutz is not None if abschnitt.form == "klimaschutz" else abschnitt.id in vorlage.texte
        if regel == "pflicht" and not given:
            add = (
                "„klimaschutz: {auswirkung: nein}“ (oder ja_positiv bzw. ja_negativ mit „begruendung“)"
                if abschnitt.form == "klimaschutz"
                else f"unter „texte“ die Zeile „{abschnitt.id}: {abschnitt.id}.md“ und schreiben Sie die Datei"
            )
            problems.append(
                Problem(
                    vorlage.where("art"),
                    f"Der Abschnitt „{abschnitt.ueberschrift}“ fehlt – "
                    f"{eine(vorlage.art).lower()[0]}{eine(vorlage.art)[1:]} braucht ihn: ergänzen Sie {add}.",
                )
            )
        elif regel == "verboten" and given:
            key = "klimaschutz" if abschnitt.form == "klimaschutz" else "texte"
            where = vorlage.where(key) if key == "klimaschutz" else line_of(vorlage.texte, abschnitt.id)
            problems.append(
                Problem(
                    where,
                    f"{eine(vorlage.art)} hat keinen Abschnitt „{abschnitt.ueberschrift}“ – "
                    f"entfernen Sie „{abschnitt.id if key == 'texte' else key}“.",
                )
            )
    return problems


def _nummer(stil: Hausstil, vorlage: Vorlage, art: Vorlagenart) -> list[Problem]:
    """The Nummer fits the Hausstil's pattern; an Ergänzung is numbered from its original."""
    problems = []
    if art.bezug and (vorlage.bezug is None or vorlage.bezug.art != art.bezug):
        problems.append(
            Problem(
                vorlage.where("art"),
                f"{eine(vorlage.art)} ist eine {art.bezug} – ergänzen Sie "
                f"„bezug: {{vorlage: …, art: {art.bezug}}}“ mit der Nummer "
                "der ursprünglichen Vorlage.",
            )
        )
    if vorlage.nummer is None:  # still open: printed as such, listed by `check`
        return problems
    muster = nummer_regex(stil.nummer) if stil.nummer else None  # None also for a pattern Hausstil.check rejects
    if art.nummer_aus_bezug and vorlage.bezug is not None:
        if not re.fullmatch(re.escape(vorlage.bezug.vorlage) + r"/\d+", vorlage.nummer):
            problems.append(
                Problem(
                    vorlage.where("nummer"),
                    f"{eine(vorlage.art)} trägt die Nummer der ursprünglichen "
                    f"Vorlage mit laufender Zahl – schreiben Sie "
                    f"„{vorlage.bezug.vorlage}/1“ (die zweite /2 usw.).",
                )
            )
    elif stil.nummer and muster and not art.nummer_aus_bezug and not re.fullmatch(muster, vorlage.nummer):
        problems.append(
            Problem(
                vorlage.where("nummer"),
                f"Die Nummer „{vorlage.nummer}“ passt nicht zum Muster "
                f"„{stil.nummer}“ des Hausstils – schreiben Sie sie z. B. "
                f"als „{nummer_beispiel(stil.nummer)}“.",
            )
        )
    return problems
