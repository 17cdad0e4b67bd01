"""False alarms two adversaries found in the forms of the twenty-fifth round (issue 60; /tmp/angriff11, 106 right
papers, r…; /tmp/angriff12, 117 right papers, m_…; each figure worked out with Fraction by the adversary's generator):
each paper below is right by what its own words say, and `nachrechnen` said „Fehler“ on it before the mends (m_b06b
aside, the control of m_b06; m_c02 was one before this round already). Each must end without a slip."""

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
    # „mindestens jedoch 400.000 € je Gemeinde“: Lindach pays the minimum
    "m_a02_mindestbetrag": "Der Hebesatz soll 36,40 % betragen, mindestens jedoch 400.000 € je Gemeinde.\n\nGemeinde\tUmlagegrundlagen\tAmtsumlage\nKleeberg\t2.814.330\t1.024.416\nHainbuch\t1.906.215\t693.862\nOberwiesen\t3.407.880\t1.240.468\nLindach\t988.460\t400.000\nRotenfels\t2.215.075\t806.287\n",
    # „höchstens 200.000,00 € je Maßnahme“: one row is capped
    "m_a03_deckel": "Der Fördersatz beträgt 80 %, höchstens 200.000,00 € je Maßnahme.\n\nMaßnahme\tKosten\tZuwendung\nMaßnahme A\t145.000,00\t116.000,00\nMaßnahme B\t98.500,00\t78.800,00\nMaßnahme C\t312.400,00\t200.000,00\nMaßnahme D\t61.250,00\t49.000,00\nMaßnahme E\t177.800,00\t142.240,00\n",
    # „für Ersatzbauten 50 %“: the row labelled Ersatzbau has its own rate
    "m_a05_ersatzbau": "Der Fördersatz beträgt 70 %, für Ersatzbauten 50 %.\n\nEinrichtung\tKosten\tFörderung\nKita A (Neubau)\t1.240.000,00\t868.000,00\nKita B (Neubau)\t985.000,00\t689.500,00\nKita C (Ersatzbau, 50 %)\t1.410.000,00\t705.000,00\nKita D (Neubau)\t760.500,00\t532.350,00\nKita E (Neubau)\t1.102.300,00\t771.610,00\n",
    # an Erstattung of 12.000 € is taken off Oberwiesen's Umlage
    "m_a13_erstattung": "Der Hebesatz soll 36,40 % betragen; Oberwiesen wird eine Erstattung von 12.000 € abgesetzt.\n\nGemeinde\tUmlagegrundlagen\tAmtsumlage\nKleeberg\t2.814.330\t1.024.416\nHainbuch\t1.906.215\t693.862\nOberwiesen\t3.407.880\t1.228.468\nLindach\t988.460\t359.799\nRotenfels\t2.215.075\t806.287\n",
    # „Beitragssatz 9 %, im Mischgebiet 5 %“: two rates
    "m_a20_zweiter_satz": "Der Beitragssatz beträgt 9 %, im Mischgebiet 5 %.\n\nGebiet\tKosten\tBeitrag\nGewerbegebiet Nord\t420.000,00\t37.800,00\nGewerbegebiet Süd\t318.000,00\t28.620,00\nMischgebiet Ortsmitte\t205.000,00\t10.250,00\nGewerbegebiet West\t266.000,00\t23.940,00\nIndustriegebiet Hafen\t510.000,00\t45.900,00\n",
    # the rate is against the 2021 amount the sentence names: 24,88 Mio ÷ 22,95 Mio − 1 = 8,4 %
    "m_b06_anderes_jahr": "Bilanzposten\n31.12.2024\n31.12.2023\nAnlagevermögen\n21.300.000,00\n20.700.000,00\nBilanzsumme\n24.880.000,00\n24.120.000,00\n\nDie Bilanzsumme ist gegenüber dem Jahresabschluss 2021 (22.950.000,00 €) um 8,4 % gewachsen.\n",
    # the same „seit 2021“ (never an alarm; kept as the control)
    "m_b06b_seit_2021": "Bilanzposten\n31.12.2024\n31.12.2023\nAnlagevermögen\n21.300.000,00\n20.700.000,00\nBilanzsumme\n24.880.000,00\n24.120.000,00\n\nDie Bilanzsumme ist seit 2021 um 8,4 % gewachsen (2021: 22.950.000,00 €).\n",
    # „300 Bauwerk“ is the total of 310 and 320: the Summe adds 200, 300, 400
    "m_c02_din_hierarchie": "Kostengruppe\nBetrag in €\n200 Vorbereitende Maßnahmen\n48.500,00\n300 Bauwerk\n296.500,00\n310 Baugrube\n84.000,00\n320 Gründung\n212.500,00\n400 Technische Anlagen\n688.300,00\nSumme\n1.033.300,00\n",
    # a table of Kennzahlen: its Bilanzsumme is no total of Anlagevermögen and Eigenkapital
    "m_c07_kennzahlen": "Kennzahl\t2024\nAnlagevermögen\t16.200.000,00\nEigenkapital\t7.904.000,00\nBilanzsumme\t19.000.000,00\n",
    # two products before the colon: 4 × 980 + 4 × 210 = 4.760
    "m_d07_zwei_produkte": "Beträge in €\nLaptops 4 zu je 980,00 und Monitore 4 zu je 210,00: 4.760,00\n",
    # 3 Schulen × 24 Tablets × 429,00 = 30.888,00
    "m_d08_zahl_davor": "Beträge in €\n3 Schulen mit je 24 Tablets zu je 429,00: 30.888,00\n",
    # the Jahresergebnis „nach Entnahme aus der Rücklage“ takes the Entnahme in: −440.000 + 90.000 + 350.000 = 0
    "m_e08_nach_entnahme": "einem ordentlichen Ergebnis von\n-440.000,00 €\neinem außerordentlichen Ergebnis von\n90.000,00 €\neiner Entnahme aus der Ausgleichsrücklage von\n350.000,00 €\nund einem Jahresergebnis nach Entnahme aus der Rücklage von\n0,00 €\n",
    # 40,5 % is last year's rate on the Vorjahr line; 2025: 4.519.300 × 39,8 % = 1.798.681
    "m_f02_vorjahreszeile": "Umlagegrundlagen 2025: 4.519.300 €\nDer Hebesatz beträgt 39,8 %.\nKreisumlage Vorjahr (Hebesatz 40,5 %): 1.782.851 €\nKreisumlage 2025: 1.798.681 €\n",
    # two Umlagegrundlagen above a Kreisumlage without a year: which is meant is open
    "m_f07_grundlage_vorjahr": "Umlagegrundlagen 2025: 4.519.300 €\nUmlagegrundlagen 2024: 4.402.100 €\nDer Hebesatz für 2025 beträgt 39,8 %.\nKreisumlage: 1.798.681 €\n",
    # „auf volle 100 € gerundet“: 1.798.681,40 → 1.798.700
    "m_f08_gerundet": "Umlagegrundlagen 2025: 4.519.300 €\nDer Umlagesatz beträgt 39,8 %; die Umlage wird auf volle 100 € gerundet.\nKreisumlage 2025: 1.798.700 €\n",
    # „Im Vorjahr betrug der Hebesatz 41,2 %“ is no rate of the Umlage 2025
    "m_f14_vorjahressatz": "Umlagegrundlagen 2025: 4.519.300 €\nDer Hebesatz beträgt 39,8 %.\nIm Vorjahr betrug der Hebesatz 41,2 %.\nKreisumlage 2025: 1.798.681 €\n",
    # the rate is against the Wirtschaftsplan, not the year before
    "m_h01_plan": "Posten\n2024\n2023\nUmsatzerlöse\n4.812.500,00\n4.655.900,00\nMaterialaufwand\n2.104.300,00\n1.998.700,00\n\nDie Umsatzerlöse sind gegenüber dem Wirtschaftsplan (4.600.000,00 €) um 4,6 % gestiegen.\n",
    # „gegenüber 2022“: the table's third column, not the year before
    "m_h02_gegenueber_2022": "Posten\n2024\n2023\n2022\nVerbindlichkeiten\n3.450.000,00\n3.210.000,00\n3.050.000,00\nRückstellungen\n410.000,00\n402.000,00\n390.000,00\n\nDie Verbindlichkeiten sind gegenüber 2022 um 13,1 % gestiegen.\n",
}


@pytest.mark.parametrize("name", sorted(FAELLE))
def test_a_right_paper_has_no_slip(tmp_path, capsys, name):
    code, report, err = check(capsys, write(tmp_path, f"{name}.txt", FAELLE[name]))
    assert code == 0 and by_status(report, "Fehler") == [] and not err
