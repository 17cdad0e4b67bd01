"""A TOP's result entered in the browser, written into the Niederschrift's files as the Schriftführung would write
them by hand (sitzungen/<id>/niederschrift.yaml, the changed Beschluss as Markdown beside it): the form's values read
(a vote that is no whole number refused here), the changed YAML made by the round-trip writer (load/yamlschreiben.py),
checked by the checks `vorlagen pruefen` runs on a Niederschrift (votes against those present, the majority, the
words of the Hausstil) before anything is written – only what the change brings counts against it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.problems import Problem
from vorlagen.core.reads import ueberlagert
from vorlagen.load.yamlschreiben import NichtTreu, Roh, YamlDatei, Zeile, Zitiert

DATEI = "niederschrift.yaml"
# the keys of a punkt in the record's order (load/niederschrift.Protokollpunkt): where a new one goes
PUNKT = ("top", "text", "anmerkungen", "ergebnis", "stand", "beschluss", "abstimmung", "auftraege")
STIMMEN = (("ja", "Ja"), ("nein", "Nein"), ("enthaltung", "Enthaltungen"))
ARTEN = ("keine", "gezaehlt", "einstimmig", "mehrheitlich")  # how the vote is recorded in the form
BESCHLUSS_LAENGE = 20000  # characters of a changed Beschluss
_GANZ = re.compile(r"[+-]?[0-9]{1,6}")


class Abgelehnt(Exception):
    """The form's values cannot be written: args[0] the German message (nothing was written)."""


@dataclass(frozen=True)
class Eintrag:
    """A TOP's result as the form states it."""

    top: str
    ergebnis: str  # "" : text only, no result
    abstimmung: dict | None  # the `abstimmung` section as written, None: none recorded
    beschluss: str  # the changed Beschluss in Markdown, "": the Vorlage's Beschlussvorschlag holds


def pruefsumme(*inhalte: bytes | None) -> str:
    """What a form was opened on: the digest of the files it shows (absent files count as empty)."""
    h = hashlib.sha256()
    for inhalt in inhalte:
        h.update(hashlib.sha256(inhalt or b"").digest())
    return h.hexdigest()


def _zahl(formular: Mapping[str, str], feld: str, wort: str) -> int | None:
    roh = (formular.get(feld) or "").strip()
    if not roh:
        return None
    if not _GANZ.fullmatch(roh):
        raise Abgelehnt(
            f"„{wort}“: „{roh[:40]}“ ist keine ganze Zahl – tragen Sie die Zahl der Stimmen in Ziffern ein (z. B. 8) "
            "oder lassen Sie das Feld leer, wenn sie nicht festgehalten ist; nichts gespeichert."
        )
    zahl = int(roh)
    if zahl < 0:
        raise Abgelehnt(f"„{wort}“: Stimmen können nicht negativ sein ({zahl}) – nichts gespeichert.")
    return zahl


def _abstimmung(formular: Mapping[str, str]) -> dict | None:
    art = formular.get("abstimmung", "keine")
    if art not in ARTEN:
        raise Abgelehnt("Wählen Sie, wie abgestimmt wurde (keine Abstimmung, gezählt, einstimmig, mehrheitlich).")
    ergebnis = formular.get("angenommen", "angenommen")
    if ergebnis not in ("angenommen", "abgelehnt"):
        raise Abgelehnt("Das Ergebnis der Abstimmung ist „angenommen“ oder „abgelehnt“ – nichts gespeichert.")
    zahlen = {feld: _zahl(formular, feld, wort) for feld, wort in STIMMEN}
    if art == "keine":
        if any(z is not None for z in zahlen.values()):
            raise Abgelehnt(
                "Sie haben Stimmen eingetragen, aber „keine Abstimmung festgehalten“ gewählt – wählen Sie „gezählt“ "
                "oder leeren Sie die Stimmen; nichts gespeichert."
            )
        return {"ergebnis": ergebnis} if ergebnis == "abgelehnt" else None
    abschnitt: dict = {art: True} if art in ("einstimmig", "mehrheitlich") else {}
    abschnitt |= {feld: Roh(str(z)) for feld, z in zahlen.items() if z is not None}
    if ergebnis == "abgelehnt" or art == "gezaehlt":
        abschnitt["ergebnis"] = ergebnis
    return abschnitt


def lesen(formular: Mapping[str, str], top: str, woerter: list[str]) -> Eintrag:
    """The form's values for TOP `top`; Abgelehnt with the German message when they cannot be written."""
    ergebnis = formular.get("ergebnis", "")
    if ergebnis and ergebnis not in woerter:
        raise Abgelehnt(
            f"„{ergebnis[:60]}“ ist kein Ergebnis, das eine Niederschrift festhält – wählen Sie eines aus der Liste: "
            f"{', '.join(woerter)}; nichts gespeichert."
        )
    abstimmung = _abstimmung(formular)
    beschluss = (formular.get("beschluss") or "").replace("\r\n", "\n").strip()
    if len(beschluss) > BESCHLUSS_LAENGE:
        raise Abgelehnt(f"Der Beschlusstext ist länger als {BESCHLUSS_LAENGE} Zeichen – nichts gespeichert.")
    if ergebnis != "Beschluss" and abstimmung is not None:
        raise Abgelehnt(
            "Stimmen gehören nur zu einem Beschluss – wählen Sie als Ergebnis „Beschluss“ oder „keine Abstimmung "
            "festgehalten“; nichts gespeichert."
        )
    if ergebnis != "Beschluss" and beschluss:
        raise Abgelehnt(
            "Ein geänderter Beschlusstext gehört nur zu einem Beschluss – wählen Sie als Ergebnis „Beschluss“ oder "
            "leeren Sie das Feld; nichts gespeichert."
        )
    return Eintrag(top, ergebnis, abstimmung, beschluss)


def beschlussdatei(top: str) -> str:
    """The name of a TOP's changed Beschluss beside the Niederschrift: top-3-beschluss.md."""
    return f"top-{re.sub(r'[^0-9A-Za-z]+', '-', top).strip('-') or 'x'}-beschluss.md"


def aendern(text: str, eintrag: Eintrag, reihenfolge: list[str]) -> tuple[str, str | None, str | None]:
    """The Niederschrift's YAML with the TOP's result set (its punkt made where there is none, in the order of the
    agenda `reihenfolge`); the file name of the changed Beschluss it names (None: none); and the name of the one it
    no longer names, when no other punkt names it (to be removed). Abgelehnt when the file cannot be changed without
    writing other lines otherwise."""
    try:
        datei = YamlDatei(text, DATEI)
    except NichtTreu as fehler:
        raise Abgelehnt(str(fehler)) from None
    punkte = datei.wert(("punkte",)) if datei.hat(("punkte",)) else None
    tops = [str(p.get("top")) if hasattr(p, "get") else "" for p in (punkte or [])]
    if eintrag.top in tops:
        i = tops.index(eintrag.top)
    else:
        rang = reihenfolge.index(eintrag.top)
        i = next((n for n, t in enumerate(tops) if t in reihenfolge and reihenfolge.index(t) > rang), len(tops))
        datei.einfuegen(("punkte", i), Zeile({"top": Zitiert(eintrag.top)}))
    datei.entfernen(("punkte", i, "ergebnis"))
    if eintrag.ergebnis:
        datei.setzen(("punkte", i, "ergebnis"), eintrag.ergebnis, PUNKT)
    datei.entfernen(("punkte", i, "abstimmung"))
    if eintrag.abstimmung is not None:
        datei.setzen(("punkte", i, "abstimmung"), Zeile(eintrag.abstimmung), PUNKT)
    bisher = str(datei.wert(("punkte", i, "beschluss"))) if datei.hat(("punkte", i, "beschluss")) else None
    if eintrag.beschluss:
        name = bisher or beschlussdatei(eintrag.top)
        datei.setzen(("punkte", i, "beschluss"), name, PUNKT)
        return datei.text(), name, None
    datei.entfernen(("punkte", i, "beschluss"))
    andere = {str(p.get("beschluss")) for n, p in enumerate(datei.wert(("punkte",))) if n != i and hasattr(p, "get")}
    return datei.text(), None, bisher if bisher not in andere else None


def kopf(formular: Mapping[str, str]) -> str:
    """A new Niederschrift's YAML from the form of its head: times, Vorsitz, Schriftführung, those present."""
    werte = {k: (formular.get(k) or "").strip() for k in ("beginn", "ende", "vorsitz", "schriftfuehrung")}
    for key, wort in (("beginn", "Beginn"), ("ende", "Ende"), ("vorsitz", "Vorsitz")):
        if not werte[key]:
            raise Abgelehnt(f"„{wort}“ fehlt – die Niederschrift nennt {wort}; nichts angelegt.")
    if any(len(w) > 200 for w in werte.values()):
        raise Abgelehnt("Ein Feld des Kopfs ist länger als 200 Zeichen – nichts angelegt.")
    anzahl = _zahl(formular, "anzahl", "Anwesende stimmberechtigte Mitglieder")
    gesamt = _zahl(formular, "mitgliederzahl", "Mitglieder des Gremiums")
    if anzahl is None:
        raise Abgelehnt("Tragen Sie ein, wie viele stimmberechtigte Mitglieder anwesend waren – nichts angelegt.")
    datei = YamlDatei("", DATEI)
    for key in ("beginn", "ende"):
        datei.setzen((key,), Zitiert(werte[key]))
    datei.setzen(("vorsitz",), werte["vorsitz"])
    if werte["schriftfuehrung"]:
        datei.setzen(("schriftfuehrung",), werte["schriftfuehrung"])
    datei.setzen(("anwesend", "anzahl"), Roh(str(anzahl)))
    if gesamt is not None:
        datei.setzen(("anwesend", "mitgliederzahl"), Roh(str(gesamt)))
    datei.setzen(("punkte",), [])
    return datei.text()


def _probleme(data: Path, sitzung_id: str, texte: dict[Path, bytes]) -> set[tuple[str, str]]:
    """The problems `vorlagen pruefen` finds in the Niederschrift of `sitzung_id` with these texts in place of the
    files (a file to be removed is named by none of them): (where, message)."""
    from vorlagen.compute.niederschriftpruefung import check_niederschriften
    from vorlagen.load import facts as fakten

    ordner = data / "sitzungen" / sitzung_id
    with ueberlagert(texte):
        facts, gefunden = fakten.load(data)
        if facts is None:
            return {(str(p.where), p.message) for p in gefunden}
        if sitzung_id not in facts.niederschriften and (ordner / DATEI).resolve() in {p.resolve() for p in texte}:
            quelle, mehr = fakten._read_niederschrift(ordner / DATEI, data, facts.paths)  # a new file: not listed yet
            gefunden += mehr
            if quelle is not None:
                facts.niederschriften[sitzung_id] = quelle
        gefunden += check_niederschriften(facts)
    gezeigt = facts.paths.where(ordner).path if facts is not None else str(ordner)
    return {(str(p.where), p.message) for p in gefunden if _betrifft(p, gezeigt)}


def _betrifft(problem: Problem, ordner: str) -> bool:
    return problem.where.path.startswith(ordner.rstrip("/") + "/")


def neue_probleme(data: Path, sitzung_id: str, texte: dict[Path, bytes | None]) -> list[str]:
    """The problems of the Niederschrift that these texts bring (those it has already do not stop an entry; None: a
    file removed)."""
    nachher = _probleme(data, sitzung_id, {pfad: inhalt for pfad, inhalt in texte.items() if inhalt is not None})
    if not nachher:
        return []
    vorher = {m for _, m in _probleme(data, sitzung_id, {})}
    return sorted(m for w, m in nachher if m not in vorher)
