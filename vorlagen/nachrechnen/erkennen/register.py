"""The recognisers in the order they run, each with an explicit priority (lowest first). Each gets the document
(its lines and rows) and the readings found so far, read-only, and returns its own new readings; a later recogniser
sees the earlier ones' readings (some leave alone a figure another form explains already).

A new recogniser: a module of its own in erkennen/ with `recognise(…, prior) -> list[Rechnung]`, an entry here with
the priority that places it among the others, and a test module of its own in tests/nachrechnen/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vorlagen.nachrechnen.aufbau.dokument import Dokument
from vorlagen.nachrechnen.aufbau.rechnung import Rechnung
from vorlagen.nachrechnen.erkennen import (
    absaetze,
    abzugsreihen,
    aenderungszeile,
    ankuendigung,
    anteil,
    anteilsatz,
    anteilsliste,
    aufzaehlung,
    bestand,
    bisherauf,
    bruchwort,
    davonanteil,
    deckung,
    deckungsabsatz,
    differenzzeilen,
    dreifaktor,
    durchschnitt,
    eigenkapital,
    einheitspreis,
    ergebnissatz,
    ergebnisstaffel,
    feststellung,
    finanzierungsanteile,
    finanzierungsliste,
    gesamtbetrag,
    gesamtspalte,
    haushaltssaldo,
    hebesatzspalte,
    jahresbetrag,
    jeeinheit,
    kalkulationszeilen,
    kopfgruppen,
    listensumme,
    mengenpreis,
    nachtrag,
    nachtragleerzellen,
    nachtragstapel,
    nummernschema,
    planquote,
    planschema,
    produktbereiche,
    prokopf,
    prosa,
    prozentbezug,
    prozentwandel,
    quote,
    restbetrag,
    restspalte,
    rueckbezug,
    satzsumme,
    satzumbruch,
    satzzeilen,
    schluesselanteile,
    schluesselganzes,
    schluesseltabelle,
    sollzeilen,
    spaltenbeziehung,
    spaltenblock,
    spaltenfaktor,
    spaltenformel,
    spaltensatz,
    stapelanteil,
    stellenwandel,
    steuersatz,
    steuerzeile,
    strichsumme,
    summen,
    tabellenkopf,
    teilspalten,
    uebersichtszeile,
    umgebung,
    umlageschluessel,
    umlagezeile,
    umvonauf,
    veraenderung,
    verdopplung,
    vergleich,
    verteilung,
    verweis,
    vorjahresspalte,
    vorwert,
    zaehlliste,
    zahlungsmittel,
    zeilenbeziehung,
    zeilenrate,
    zellsaldo,
    zifferngruppen,
    zusammensetzung,
)

Bisher = tuple[Rechnung, ...]


@dataclass(frozen=True)
class Erkenner:
    """One recogniser: its priority (lower runs first), its name, and what it finds in a document."""

    rang: int
    name: str
    erkenne: Callable[[Dokument, Bisher], list[Rechnung]]


def _in_zeile(dokument: Dokument, prior: Bisher) -> list[Rechnung]:
    """The calculations within one line (inzeile.py): read while the rows are built, since a figure such a
    calculation uses is no cell of its row."""
    return list(dokument.in_zeile)


def _haushaltssaldo(dokument: Dokument, prior: Bisher) -> list[Rechnung]:
    rows = dokument.zeilen_reihen
    return haushaltssaldo.recognise(rows, prior, nachtrag.change_keys(rows))


ERKENNER = (
    Erkenner(10, "inzeile", _in_zeile),
    Erkenner(20, "satzumbruch", lambda d, p: satzumbruch.recognise(d.zeilen, p)),
    Erkenner(30, "veraenderung", lambda d, p: veraenderung.recognise(d.zeilen, p)),
    Erkenner(40, "vergleich", lambda d, p: vergleich.recognise(d.zeilen_reihen, p)),
    Erkenner(45, "gesamtbetrag", lambda d, p: gesamtbetrag.recognise(d.zeilen_reihen, p)),
    Erkenner(47, "bestand", lambda d, p: bestand.recognise(d.zeilen_reihen, p)),
    Erkenner(48, "gesamtspalte", lambda d, p: gesamtspalte.recognise(d.zeilen_reihen, p)),
    Erkenner(50, "summen", lambda d, p: summen.recognise(d.zeilen_reihen, p)),
    Erkenner(60, "tabellenkopf", lambda d, p: tabellenkopf.recognise(d.zeilen_reihen, p)),
    Erkenner(70, "tabellenkopf_klammern", lambda d, p: tabellenkopf.bracketed_totals(d.reihen, p)),
    Erkenner(80, "verteilung", lambda d, p: verteilung.recognise(d.zeilen_reihen, p)),
    Erkenner(90, "ankuendigung", lambda d, p: ankuendigung.recognise(d.reihen, p)),
    Erkenner(95, "zaehlliste", lambda d, p: zaehlliste.recognise(d.zeilen, p)),
    Erkenner(100, "planschema", lambda d, p: planschema.recognise(d.zeilen_reihen, p)),
    Erkenner(103, "nummernschema", lambda d, p: nummernschema.recognise(d.reihen, p)),
    Erkenner(105, "produktbereiche", lambda d, p: produktbereiche.recognise(d.zeilen_reihen, p)),
    Erkenner(108, "feststellung", lambda d, p: feststellung.recognise(d.zeilen_reihen, p)),
    Erkenner(110, "haushaltssaldo", _haushaltssaldo),
    Erkenner(112, "zahlungsmittel", lambda d, p: zahlungsmittel.recognise(d.zeilen_reihen, p)),
    Erkenner(111, "zellsaldo", lambda d, p: zellsaldo.recognise(d.zeilen_reihen, p)),
    Erkenner(113, "ergebnisstaffel", lambda d, p: ergebnisstaffel.recognise(d.zeilen, p)),
    Erkenner(114, "ergebnisstaffel_tabelle", lambda d, p: ergebnisstaffel.recognise_table(d.zeilen_reihen, p)),
    Erkenner(120, "nachtrag", lambda d, p: nachtrag.recognise(d.zeilen_reihen, p)),
    Erkenner(122, "bisherauf", lambda d, p: bisherauf.recognise(d.zeilen, p)),
    Erkenner(124, "nachtragleerzellen", lambda d, p: nachtragleerzellen.recognise(d.zeilen, p)),
    Erkenner(125, "nachtragstapel", lambda d, p: nachtragstapel.recognise(d.zeilen, p)),
    Erkenner(126, "zifferngruppen", lambda d, p: zifferngruppen.recognise(d.zeilen_reihen, p)),
    Erkenner(130, "differenzzeilen", lambda d, p: differenzzeilen.recognise(d.zeilen_reihen, p)),
    Erkenner(135, "abzugsreihen", lambda d, p: abzugsreihen.recognise(d.zeilen_reihen, p)),
    Erkenner(137, "strichsumme", lambda d, p: strichsumme.recognise(d.zeilen_reihen, p)),
    Erkenner(140, "aenderungszeile", lambda d, p: aenderungszeile.recognise(d.zeilen_reihen, p)),
    Erkenner(149, "mengenpreis", lambda d, p: mengenpreis.recognise(d.zeilen_reihen, p)),
    Erkenner(148, "spaltenfaktor", lambda d, p: spaltenfaktor.recognise(d.zeilen_reihen, p)),
    Erkenner(150, "spaltenformel", lambda d, p: spaltenformel.recognise(d.zeilen, p)),
    Erkenner(151, "schluesselanteile", lambda d, p: schluesselanteile.recognise(d.zeilen, p)),
    Erkenner(164, "schluesselganzes", lambda d, p: schluesselganzes.recognise(d.zeilen_reihen, p)),
    Erkenner(158, "schluesseltabelle", lambda d, p: schluesseltabelle.recognise(d.zeilen_reihen, p)),
    Erkenner(152, "spaltenbeziehung", lambda d, p: spaltenbeziehung.recognise(d.zeilen_reihen, p)),
    Erkenner(168, "kalkulationszeilen", lambda d, p: kalkulationszeilen.recognise(d.zeilen, p)),
    Erkenner(251, "teilspalten", lambda d, p: teilspalten.recognise(d.zeilen_reihen, p)),
    Erkenner(167, "uebersichtszeile", lambda d, p: uebersichtszeile.recognise(d.zeilen_reihen, p)),
    Erkenner(166, "hebesatzspalte", lambda d, p: hebesatzspalte.recognise(d.zeilen_reihen, p)),
    Erkenner(165, "spaltensatz", lambda d, p: spaltensatz.recognise(d.zeilen_reihen, p)),
    Erkenner(159, "restspalte", lambda d, p: restspalte.recognise(d.zeilen_reihen, p)),
    Erkenner(153, "planquote", lambda d, p: planquote.recognise(d.zeilen, p)),
    Erkenner(154, "finanzierungsanteile", lambda d, p: finanzierungsanteile.recognise(d.zeilen, p)),
    Erkenner(155, "anteilsliste", lambda d, p: anteilsliste.recognise(d.zeilen, p)),
    Erkenner(156, "steuerzeile", lambda d, p: steuerzeile.recognise(d.zeilen_reihen, p)),
    Erkenner(171, "steuersatz", lambda d, p: steuersatz.recognise(d.zeilen, p)),
    Erkenner(157, "finanzierungsliste", lambda d, p: finanzierungsliste.recognise(d.zeilen, p)),
    Erkenner(163, "satzzeilen", lambda d, p: satzzeilen.recognise(d.zeilen_reihen, p)),
    Erkenner(162, "durchschnitt", lambda d, p: durchschnitt.recognise(d.zeilen_reihen, p)),
    Erkenner(161, "dreifaktor", lambda d, p: dreifaktor.recognise(d.zeilen_reihen, p)),
    Erkenner(160, "anteil", lambda d, p: anteil.recognise(d.zeilen, p)),
    Erkenner(172, "anteilsatz", lambda d, p: anteilsatz.recognise(d.zeilen, p)),
    Erkenner(170, "quote", lambda d, p: quote.recognise(d.zeilen, p)),
    Erkenner(180, "deckung", lambda d, p: deckung.recognise(d.zeilen, p)),
    Erkenner(185, "sollzeilen", lambda d, p: sollzeilen.recognise(d.zeilen, p)),
    Erkenner(190, "restbetrag", lambda d, p: restbetrag.recognise(d.zeilen, p)),
    Erkenner(197, "deckungsabsatz", lambda d, p: deckungsabsatz.recognise(d.zeilen, p)),
    Erkenner(199, "ergebnissatz", lambda d, p: ergebnissatz.recognise(d.zeilen, p)),
    Erkenner(200, "eigenkapital", lambda d, p: eigenkapital.recognise(d.zeilen, p)),
    Erkenner(205, "aufzaehlung", lambda d, p: aufzaehlung.recognise(d.zeilen, p)),
    Erkenner(207, "listensumme", lambda d, p: listensumme.recognise(d.zeilen, p)),
    Erkenner(210, "prosa", lambda d, p: prosa.recognise(d.zeilen, p)),
    Erkenner(212, "zusammensetzung", lambda d, p: zusammensetzung.recognise(d.zeilen, p)),
    Erkenner(218, "verdopplung", lambda d, p: verdopplung.recognise(d.zeilen, p)),
    Erkenner(220, "satzsumme", lambda d, p: satzsumme.recognise(d.zeilen, p)),
    Erkenner(230, "verweis", lambda d, p: verweis.recognise(d.zeilen, p)),
    Erkenner(231, "prokopf", lambda d, p: prokopf.recognise(d.zeilen, p)),
    Erkenner(232, "einheitspreis", lambda d, p: einheitspreis.recognise(d.zeilen, p)),
    Erkenner(233, "jahresbetrag", lambda d, p: jahresbetrag.recognise(d.zeilen, p)),
    Erkenner(234, "prozentwandel", lambda d, p: prozentwandel.recognise(d.zeilen, p)),
    Erkenner(235, "absaetze", lambda d, p: absaetze.recognise(d.zeilen, p)),
    Erkenner(236, "bruchwort", lambda d, p: bruchwort.recognise(d.zeilen, p)),
    Erkenner(237, "jeeinheit", lambda d, p: jeeinheit.recognise(d.zeilen, p)),
    Erkenner(238, "vorwert", lambda d, p: vorwert.recognise(d.zeilen, p)),
    Erkenner(229, "davonanteil", lambda d, p: davonanteil.recognise(d.zeilen, p)),
    Erkenner(239, "prozentbezug", lambda d, p: prozentbezug.recognise(d.zeilen, p)),
    Erkenner(240, "rueckbezug", lambda d, p: rueckbezug.recognise(d.zeilen, p)),
    Erkenner(241, "umvonauf", lambda d, p: umvonauf.recognise(d.zeilen, p)),
    Erkenner(242, "stellenwandel", lambda d, p: stellenwandel.recognise(d.zeilen, p)),
    Erkenner(243, "stapelanteil", lambda d, p: stapelanteil.recognise(d.zeilen, p)),
    Erkenner(248, "umlagezeile", lambda d, p: umlagezeile.recognise(d.zeilen, p)),
    Erkenner(249, "zeilenrate", lambda d, p: zeilenrate.recognise(d.zeilen_reihen, p)),
    Erkenner(244, "kopfgruppen", lambda d, p: kopfgruppen.recognise(d.zeilen, p)),
    Erkenner(245, "spaltenblock", lambda d, p: spaltenblock.recognise(d.zeilen, p)),
    # late, but before the search: the search compares amounts only, and would confirm a row whose sign slipped
    Erkenner(246, "zeilenbeziehung", lambda d, p: zeilenbeziehung.recognise(d.zeilen_reihen, p)),
    Erkenner(247, "vorjahresspalte", lambda d, p: vorjahresspalte.recognise(d.zeilen_reihen, p)),
    Erkenner(250, "umgebung", lambda d, p: umgebung.recognise(d.zeilen, p)),
    Erkenner(255, "umlageschluessel", lambda d, p: umlageschluessel.recognise(d.zeilen, p)),
)


def in_order() -> list[Erkenner]:
    """The recognisers by priority."""
    return sorted(ERKENNER, key=lambda e: e.rang)


def erkenne(dokument: Dokument) -> tuple[Rechnung, ...]:
    """Every reading of the document: each recogniser's in turn, after those of the recognisers before it."""
    found: Bisher = ()
    for erkenner in in_order():
        found += tuple(erkenner.erkenne(dokument, found))
    return found
