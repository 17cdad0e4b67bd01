"""False alarms an adversary found in the forms of the twenty-fifth round (issue 60; /tmp/angriff11, 106 right
papers, each figure worked out with Fraction by the adversary's generator): each paper below is right by what its own
words say, and `nachrechnen` said „Fehler“ on it before the mends. Each must end without a slip."""

from __future__ import annotations

import pytest

from tests.hilfen.nachrechnen import by_status, check, write

FAELLE = {
    # 1.234.567,89 × 38 % = 469.135,78…, „auf volle Tausend € abgerundet“: 469.000
    "r01_volle_tausend_abgerundet": "Umlagegrundlage\nUmlagesatz\nAmtsumlage (auf volle Tausend € abgerundet)\n1.234.567,89\n38%\n469.000,00\n",
    # the same, „aufgerundet auf volle Tausend Euro“: 470.000
    "r02_volle_tausend_aufgerundet": "Umlagegrundlage\nUmlagesatz\nVerbandsumlage, aufgerundet auf volle Tausend Euro\n1.234.567,89\n38%\n470.000,00\n",
    # the rate applies to 90 % of the Steuerkraft: 2.000.000 × 90 % × 30 % = 540.000
    "r03_satz_auf_90_prozent": "Steuerkraft\nUmlagesatz\nUmlage (Umlagesatz auf 90 % der Steuerkraft)\n2.000.000,00\n30%\n540.000,00\n",
    # „einschl. Sonderumlage von 40.000,00 €“: 4.000.000 × 32 % + 40.000 = 1.320.000
    "r04_einschl_sonderumlage": "Umlagegrundlage\nUmlagesatz\nKreisumlage einschl. Sonderumlage von 40.000,00 €\n4.000.000,00\n32%\n1.320.000,00\n",
    # amounts each with its share of 2.000.000 €: 1.200.000 is 60 %, 800.000 is 40 %
    "r05_anteilsspalte_steuerkraft_im_text": "Die Steuerkraft ist gestiegen. Die Aufwendungen von 2.000.000,00 € verteilen sich so:\nBetrag\nAnteil\n1.200.000,00\n60%\n800.000,00\n40%\n",
    # three columns Personalaufwand | Anteil | Sachaufwand: 590.000 is no share of 3.200.000
    "r06_personal_anteil_sachaufwand": "Die Umlagegrundlage steht in Abschnitt 3. Anteil am Gesamtaufwand von 17.391.304,35 €:\nPersonalaufwand\nAnteil\nSachaufwand\n3.200.000,00\n18,4%\n590.000,00\n",
    # „abzgl. Erstattung von 120.000,00 €“: 5.432.100 × 33,5 % − 120.000 = 1.699.753,50
    "r07_abzgl_erstattung": "Steuerkraft\nUmlagesatz\nKreisumlage abzgl. Erstattung von 120.000,00 €\n5.432.100,00\n33,5%\n1.699.753,50\n",
    # each amount rounded to thousands: 4.137,4 − 3.679,6 = 457,8, typed 458
    "r08_tsd_einzeln_gerundet": "Die Kosten liegen mit 4.137 Tsd. € um 458 Tsd. € über dem Kostenvoranschlag von 3.680 Tsd. € (alle Beträge auf volle Tausend Euro gerundet).\n",
    # against the Voranschlag plus the Nachtrag: 2.350.000 − 2.200.000 = 150.000
    "r09_voranschlag_zzgl_nachtrag": "Die Schlussrechnung liegt mit 2.350.000 Euro um 150.000 Euro über dem Kostenvoranschlag von 2.000.000 Euro zuzüglich des Nachtrags von 200.000 Euro.\n",
    # brutto against brutto: 1.916.000 − 1.904.000 = 12.000
    "r10_brutto_netto": "Die Kosten liegen mit 1.916.000 Euro brutto um 12.000 Euro über dem Kostenvoranschlag von 1.600.000 Euro netto (1.904.000 Euro brutto).\n",
    # against the Ansatz plus Reste: 3.786.700 + 250.000 − 1.908.828 = 2.127.872
    "r11_ansatz_zzgl_reste": "Das Ergebnis lag mit 1.908.828 Euro um 2.127.872 Euro unter dem Ansatz von 3.786.700 Euro zuzüglich der übertragenen Haushaltsreste von 250.000 Euro.\n",
    # unit prices 100 / 100 / 150 €: 5 × 150 = 750; last year's 1.000 € is no whole of them
    "r12_stueckpreise": "Im Vorjahr wurden 1.000,00 € verausgabt. Beschafft werden 10 Möbelstücke: Stühle und Tische zu je 100,00 €, Schränke zu je 150,00 €.\nArtikel\nAnzahl\nBetrag in €\nStühle\n2\n200,00\nTische\n3\n300,00\nSchränke\n5\n750,00\n",
    # fees 45 € and 30 €: 15 × 30 = 450; the Kostenrahmen is no whole split by the children
    "r13_gebuehren": "Kostenrahmen monatlich 2.700,00 €, 60 Kinder. Beitrag 45,00 € je Kind in Krippe und Kita, 30,00 € im Hort.\nGruppe\nKinder\nBeiträge in €\nKrippe\n20\n900,00\nKita\n25\n1.125,00\nHort\n15\n450,00\n",
    # 8.888.264,97 × 36,9 % = 3.279.769,77…, „auf volle Euro gerundet“: 3.279.770,00
    "r14_volle_euro_mit_00": "Der Anteil ist auf volle Euro gerundet.\nSteuerkraft\nUmlagesatz\nSchulumlage\n8.888.264,97\n36,9%\n3.279.770,00\n",
}


@pytest.mark.parametrize("name", sorted(FAELLE))
def test_a_right_paper_has_no_slip(tmp_path, capsys, name):
    code, report, err = check(capsys, write(tmp_path, f"{name}.txt", FAELLE[name]))
    assert code == 0 and by_status(report, "Fehler") == [] and not err
