"""False alarms an adversary found in this round's new forms (216 right papers written against them; every figure
worked out with Fraction by the adversary and checked again): each paper here is right in every figure, and each was
FEHLER or Folgefehler (exit 1) before its mend – a financing sentence with a part of a part („davon“, „darin
enthalten“), a sentence product whose total is of more than the product (tax, discount, years, a second product, a
count before it), a row under „Kreisumlage“ read as base × Hebesatz, a weighted mean read as a plain one, a rule
that parts two sections, a row whose label says it is priced otherwise."""

from __future__ import annotations

import pytest

from tests.hilfen.nachrechnen import by_status, check, write

PAPIERE = [
    # a second adversary after the mends: equal amounts under a rule (a traceback: IndexError), an average row that
    # names its years or count, „Halbe Summe“
    (
        "zweiter_x04.txt",
        "Miete Dorfgemeinschaftshaus\n\n2023                            12.000 €\n2024                            12.000 €\n2025                            12.000 €\n-----------------------------------------\nDurchschnitt                    12.000 €\n",
    ),
    (
        "zweiter_v1.txt",
        "Zuschuss je Jahr\n\n2021                            50.000 €\n2022                            50.000 €\n2023                            50.000 €\n-----------------------------------------\nDurchschnitt                    50.000 €\n",
    ),
    (
        "zweiter_p09.txt",
        "Besucherzahlen Hallenbad\n\n2020                            40.000\n2021                            42.000\n2022                            44.000\n2023                            50.000\n2024                            54.000\n-----------------------------------------\nSumme                          230.000\nDurchschnitt 2022-2024          49.333\n",
    ),
    (
        "zweiter_r01.txt",
        "Besucherzahlen\n\n2020                            40.000\n2021                            42.000\n2022                            44.000\n2023                            50.000\n2024                            54.000\n-----------------------------------------\nDurchschnitt 2022 bis 2024      49.333\n",
    ),
    (
        "zweiter_r02.txt",
        "Besucherzahlen\n\n2020 (Corona)                   10.000\n2021                            42.000\n2022                            44.000\n2023                            50.000\n-----------------------------------------\nDurchschnitt ohne 2020          45.333\n",
    ),
    (
        "zweiter_r05.txt",
        "Fallzahlen\n\n2021                               112\n2022                               118\n2023                               125\n2024                               131\n-----------------------------------------\nDurchschnitt (3 Jahre)           124,7\n",
    ),
    (
        "zweiter_s02.txt",
        "Fallzahlen\n\n2022                               118\n2023                               125\n2024                               131\n2025 (Plan)                        140\n-----------------------------------------\nDurchschnitt Ist 2022-2024       124,7\n",
    ),
    (
        "zweiter_s03.txt",
        "Fallzahlen\n\n2021                               112\n2022                               118\n2023                               125\n2024                               131\n-----------------------------------------\nDurchschnitt 2023/2024             128\n",
    ),
    (
        "zweiter_t3.txt",
        "Zuschuss\n\nA                            50.000 €\nB                            50.000 €\n-----------------------------------------\nHalbe Summe                  50.000 €\n",
    ),
    # older than this round: a row per month under a yearly total, a breakdown under its row (indented, dashed)
    (
        "d07.txt",
        "Berechnung\n\nPersonalkosten jährlich        120.000 €\nSachkosten jährlich             30.000 €\nMiete monatlich                  1.250 €\nMiete jährlich                  15.000 €\n-------------------------------------------\nGesamtkosten jährlich          165.000 €\n",
    ),
    (
        "x04.txt",
        "Kostenzusammenstellung\n\nPersonalkosten jährlich\t120.000 €\nSachkosten jährlich\t30.000 €\nMiete monatlich\t1.250 €\nMiete jährlich\t15.000 €\nGesamtkosten jährlich\t165.000 €\n",
    ),
    (
        "d16.txt",
        "Kostenzusammenstellung\n\nGrunderwerb                    150.000 €\nBaukosten                      820.000 €\n  Rohbau                       500.000 €\n  Ausbau                       320.000 €\nBaunebenkosten                 164.000 €\n-------------------------------------------\nGesamtkosten                 1.134.000 €\n",
    ),
    (
        "x01.md",
        "# Kostenübersicht\n\n| Position | Betrag |\n|---|---:|\n| Grunderwerb | 150.000 € |\n| Baukosten | 820.000 € |\n| – Rohbau | 500.000 € |\n| – Ausbau | 320.000 € |\n| Baunebenkosten | 164.000 € |\n| Gesamtkosten | 1.134.000 € |\n",
    ),
    # a sixth helper's fresh set, measured before any tuning: a licence for 3 years priced „je Jahr“ in a purchase table
    (
        "lizenz.md",
        "| Pos. | Gegenstand | Menge | Einzelpreis brutto | Gesamt brutto |\n|---|---|---:|---:|---:|\n| 1 | Tablet 10,9 Zoll, 64 GB, WLAN | 180 | 429,00 € | 77.220,00 € |\n| 2 | Schutzhülle mit Tastatur | 180 | 89,90 € | 16.182,00 € |\n| 3 | MDM-Lizenz (Geräteverwaltung), 3 Jahre | 180 | 14,50 € je Jahr | 7.830,00 € |\n| 4 | Lade- und Transportwagen für 30 Geräte | 6 | 1.480,00 € | 8.880,00 € |\n| | **Gesamtkosten** | | | **110.112,00 €** |\n",
    ),
    # older than this round: a rate in a sentence that states what would be („ohne diese entspräche …“)
    (
        "r19.txt",
        "Kostendeckung\n\nDas Defizit von 658.838 € entspricht 47,7 % der Aufwendungen von 1.380.468 €. Die Aufwendungen enthalten Abschreibungen von 120.000 €; ohne diese entspräche das Defizit 42,7 % der Aufwendungen.\n",
    ),
    (
        "f02.txt",
        "Finanzierung\n\nDie Gesamtkosten von 248.640 € werden finanziert durch Fördermittel von 186.480 € und Eigenmittel von 62.160 €, davon 24.160 € aus dem laufenden Haushalt und 38.000 € aus der Rücklage.\n",
    ),
    (
        "f12.txt",
        "Finanzierung\n\nDie Gesamtkosten von 248.640 € werden finanziert durch Fördermittel von 186.480 €, darin enthalten ein Zuschuss des Kreises von 40.000 €, und Eigenmittel von 62.160 €.\n",
    ),
    (
        "f45.txt",
        "Finanzierung\n\nDie Gesamtkosten von 820.000 € werden finanziert durch Fördermittel von 615.000 €, von denen 205.000 € auf den Bund entfallen, und Eigenmittel von 205.000 €.\n",
    ),
    (
        "p02.txt",
        "Beschaffung\n\nBeschafft werden 35 Tablets zum Stückpreis von 429,00 € netto zuzüglich 19 % Umsatzsteuer; das ergibt 17.867,85 €.\n",
    ),
    (
        "p07.txt",
        "Beschaffung\n\nEs werden 12 Fahrzeuge zu je 38.500 € brutto abzüglich eines Rabatts von 3 % beschafft, insgesamt 448.140 €.\n",
    ),
    (
        "p13.txt",
        "Personalkosten\n\nBenötigt werden 4,5 Stellen zu je 58.900 €, für die dreijährige Projektlaufzeit insgesamt 795.150 €.\n",
    ),
    (
        "p18.txt",
        "Beschaffung\n\nBeschafft werden 35 Tablets zu je 429,00 € und 5 Ladewagen zu je 1.180,00 €, insgesamt 20.915,00 €.\n",
    ),
    (
        "p21.txt",
        "Schülerbeförderung\n\nEs werden 48 Schüler an 190 Schultagen zu je 4,20 € befördert, insgesamt 38.304,00 €.\n",
    ),
    ("s02.txt", "Zuschuss\n\nGefördert werden 2 Kitas mit je 4 Gruppen zu je 12.000 €, insgesamt 96.000 €.\n"),
    (
        "s09.txt",
        "Personal\n\nEs werden 4,5 Stellen zu je 58.900 € benötigt, wobei 1,5 Stellen bereits besetzt sind, insgesamt also Mehrkosten von 176.700 €.\n",
    ),
    (
        "s10.txt",
        "Personal\n\nBei 4,5 Stellen zu je 58.900 € und einer Förderquote von 80 % verbleiben insgesamt 53.010 € bei der Stadt.\n",
    ),
    (
        "u03.md",
        "# Kreisumlage\n\n| | 2025 | 2026 |\n|---|---:|---:|\n| Umlagegrundlagen | 48.250.000 € | 50.100.000 € |\n| Hebesatz | 33,5 % | 34,0 % |\n| Kreisumlage | 16.163.750 € | 17.034.000 € |\n| abzgl. Erstattung Schülerbeförderung | 400.000 € | 410.000 € |\n| Kreisumlage netto | 15.763.750 € | 16.624.000 € |\n",
    ),
    (
        "u04.md",
        "# Kreisumlage\n\n| | 2025 | 2026 |\n|---|---:|---:|\n| Umlagegrundlagen | 48.250.000 € | 50.100.000 € |\n| Hebesatz | 33,5 % | 34,0 % |\n| Kreisumlage (einschl. Sonderumlage ÖPNV 0,5 %) | 16.405.000 € | 17.284.500 € |\n",
    ),
    (
        "u06b.md",
        "# Kreisumlage\n\n| | 2025 | 2026 |\n|---|---:|---:|\n| Einwohner | 30.000 | 30.000 |\n| Umlagegrundlagen | 48.250.000 € | 50.100.000 € |\n| Hebesatz | 33,5 % | 34,0 % |\n| Kreisumlage | 16.163.750 € | 17.034.000 € |\n| Kreisumlage je Einwohner | 538,79 € | 567,80 € |\n",
    ),
    (
        "u08.md",
        "# Kreisumlage\n\n| | 2025 | 2026 |\n|---|---:|---:|\n| Umlagegrundlagen | 48.250.000 € | 50.100.000 € |\n| Hebesatz | 33,5 % | 34,0 % |\n| Kreisumlage | 16.163.750 € | 17.034.000 € |\n| Schlüsselzuweisungen | 9.800.000 € | 10.100.000 € |\n",
    ),
    (
        "t08.md",
        "# Gebühren\n\n| Gruppe | Kinder | Gebühr je Kind |\n|---|---:|---:|\n| Krippe | 20 | 300,00 € |\n| Kindergarten | 80 | 150,00 € |\n| Durchschnitt | | 180,00 € |\n",
    ),
    (
        "a02.md",
        "# Kosten je Platz\n\n| Einrichtung | Plätze | Kosten je Platz |\n|---|---:|---:|\n| Kita Nord | 50 | 12.000 € |\n| Kita Süd | 100 | 9.000 € |\n| Kita West | 50 | 11.000 € |\n| Durchschnitt je Platz | 200 | 10.250 € |\n",
    ),
    (
        "a10.md",
        "# Auslastung\n\n| Einrichtung | Plätze | Auslastung |\n|---|---:|---:|\n| Kita Nord | 50 | 90,0 % |\n| Kita Süd | 100 | 70,0 % |\n| Durchschnitt | 150 | 76,7 % |\n",
    ),
    (
        "a08.md",
        "# Kostendeckung\n\n| | 2023 | 2024 | Durchschnitt |\n|---|---:|---:|---:|\n| Aufwendungen | 200.000 € | 1.000.000 € | 600.000 € |\n| Erträge | 100.000 € | 900.000 € | 500.000 € |\n| Kostendeckungsgrad | 50,0 % | 90,0 % | 83,3 % |\n",
    ),
    (
        "t32.txt",
        "Sitzungsgeld\n\nGremium        Mitglieder  Sitzungen  Sitzungsgeld   Betrag\nGemeinderat        23         11        30,00 €     7.590,00 €\nBauausschuss        9          8        30,00 €     2.160,00 €\nOrtsbeirat          5          4        20,00 €       400,00 €\nVorsitz (doppelt)   1         11        30,00 €       660,00 €\nSumme                                              10.810,00 €\n",
    ),
    (
        "t36.txt",
        "Energiekosten\n\nMedium\tVerbrauch\tArbeitspreis\tKosten\nStrom Rathaus\t86.400 kWh\t0,2874 €/kWh\t24.831,36 €\nGas Rathaus\t210.000 kWh\t0,0912 €/kWh\t19.152,00 €\nStrom Schule\t120.000 kWh\t0,2874 €/kWh\t34.488,00 €\nStrom Bauhof, davon die Hälfte beim Eigenbetrieb\t40.000 kWh\t0,2874 €/kWh\t5.748,00 €\nSumme\t\t\t84.219,36 €\n",
    ),
    (
        "t37.txt",
        "Energiekosten\n\nMedium\tVerbrauch\tArbeitspreis\tKosten\nStrom Rathaus\t86.400 kWh\t0,2874 €/kWh\t24.831,36 €\nGas Rathaus\t210.000 kWh\t0,0912 €/kWh\t19.152,00 €\nStrom Schule\t120.000 kWh\t0,2874 €/kWh\t34.488,00 €\nStrom Schule brutto\t120.000 kWh\t0,2874 €/kWh\t41.040,72 €\n",
    ),
    (
        "m14.md",
        "# Personalkosten\n\n| Stelle | Monatsbetrag | Jahresbetrag (x 12) |\n|---|---:|---:|\n| Sachbearbeitung E 9a | 4.850,00 € | 58.200,00 € |\n| Sachbearbeitung E 8 | 4.410,00 € | 52.920,00 € |\n| Assistenz E 6 | 3.720,50 € | 44.646,00 € |\n| Hausmeister E 5 | 3.500,00 € | 42.000,00 € |\n| Jahressonderzahlung (einmal jährlich) | 12.384,40 € | 12.384,40 € |\n| Gesamt | | 210.150,40 € |\n",
    ),
    (
        "d11.txt",
        "Übersicht\n\nAufwendungen\nPersonal                       120.000 €\nSachkosten                      30.000 €\n-------------------------------------------\nErträge\nGebühren                        40.000 €\nZuschüsse                       25.000 €\n-------------------------------------------\nZuschussbedarf                  85.000 €\n",
    ),
    (
        "d17.txt",
        "Mittelverwendung\n\nBewilligt                      200.000 €\nausgezahlt 2024                 80.000 €\nausgezahlt 2025                 70.000 €\n-------------------------------------------\nnoch nicht abgerufen            50.000 €\n",
    ),
    (
        "d18.txt",
        "Kostenvergleich\n\nVariante A                     820.000 €\nVariante B                     910.000 €\n-------------------------------------------\nMehrkosten Variante B           90.000 €\n",
    ),
    (
        "d24.txt",
        "Berechnung\n\nförderfähige Kosten            250.000 €\nabzgl. Gemeindeanteil 10 % (mindestens 30.000 €)  30.000 €\n-------------------------------------------\nZuschuss des Kreises           220.000 €\n",
    ),
    (
        "d25.txt",
        "Berechnung\n\nGesamtkosten                   300.000 €\ndavon nicht förderfähig         50.000 €\n-------------------------------------------\nförderfähig                    250.000 €\n",
    ),
]


@pytest.mark.parametrize(("name", "text"), PAPIERE, ids=[name for name, _ in PAPIERE])
def test_a_right_paper_of_the_new_forms_raises_no_alarm(tmp_path, capsys, name, text):
    code, report, _ = check(capsys, write(tmp_path, name, text))
    assert code == 0 and by_status(report, "Fehler") == [] and by_status(report, "Folgefehler") == []
