"""Real cases through the Haushalt route (issue 34): Lohne (Niedersachsen) 2009 kameral with a Deckungskreis and 2010
doppisch with a Budget, Fürstenwalde/Spree (Brandenburg) 2017 with an außerplanmäßige Verpflichtungsermächtigung
covered by two others, Hockenheim (Baden-Württemberg) 2018 kameral in Verwaltungs- and Vermögenshaushalt,
Schwäbisch Hall (Baden-Württemberg) 2008: an überplanmäßige Bereitstellung together with an überplanmäßige
Verpflichtungsermächtigung.

The figures are the sources' own (tests/fixtures/*/ name the pages); every sum here is computed apart from the
engine, with Fractions, from the lines the sources print. Nothing the sources do not state is in the fixtures:
it stays open, prints „noch offen“ and keeps the Vorlage out of publishing.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.hilfen import ROOT, copy_data, edit, line_of, problems_of
from tests.referenz.rechnen import euro
from vorlagen.cli import main
from vorlagen.compute.offen import check_veroeffentlichung
from vorlagen.compute.project import prepare
from vorlagen.core.pfade import gezeigt

FIXTURES = ROOT / "tests" / "fixtures"
NBSP = "\u00a0"

# Lohne 2009, Deckungskreis Nr. 650: Haushaltsstelle → (Haushaltsansatz / Haushaltsreste, Ausgaben) as printed
LOHNE_2009 = {
    "000.650": ("10000", "9480.05"),
    "020.650": ("35000", "38633.58"),
    "020.655": ("13000", "11948.14"),
    "030.650": ("70000", "66626.83"),
    "050.650": ("5000", "3392.74"),
    "110.650": ("45000", "48247.58"),
    "111.650": ("5000", "5469.54"),
    "130.650": ("6000", "5262.71"),
    "570.650": ("3000", "7037.71"),
    "880.650": ("3000", "2772.77"),
}
# Lohne 2010, Budget B6 / 01: Sachkonto → (Ansatz, Aufwand) as printed
LOHNE_2010 = {
    "4271000": ("107000", "113501.05"),
    "4291010": ("230000", "265538.01"),
    "4271020": ("23000", "20872.25"),
    "4271060": ("10000", "5421.88"),
    "4212000": ("30000", "18956.70"),
    "4221000": ("4000", "159.07"),
    "4222000": ("3000", "48.79"),
}


def summen(zeilen: dict[str, tuple[str, str]]) -> tuple[Fraction, Fraction]:
    return sum((Fraction(a) for a, _ in zeilen.values()), Fraction(0)), sum(
        (Fraction(b) for _, b in zeilen.values()), Fraction(0)
    )


@pytest.fixture(scope="module")
def lohne():
    return prepare(FIXTURES / "lohne")


def test_lohne_2009_the_circles_overrun_is_computed_from_its_lines(lohne):
    ansatz, ausgaben = summen(LOHNE_2009)
    assert (ansatz, ausgaben) == (195000, Fraction("198871.65"))  # the source's „Summe“
    a = lohne.rechnungen["deckungskreis-650-2009"].haushalt
    kj = a.kreise["650"].jahre[2009]
    assert (kj.ansatz, kj.betrag, kj.ueberschreitung) == (ansatz, ausgaben, ausgaben - ansatz)
    assert a.mehrbedarf == {2009: Fraction("3871.65")}  # „Überplanmäßige Ausgabe 3.871,65 €“
    # four lines overrun their own Ansatz by 11.388,41 €; the circle offsets them against the others
    einzeln = sum((max(Fraction(0), Fraction(b) - Fraction(a)) for a, b in LOHNE_2009.values()), Fraction(0))
    assert einzeln == Fraction("11388.41") != a.mehrbedarf[2009]
    assert a.kreise["650"].spalte == "Ausgaben" and a.kreise["650"].wort == "Ausgabe"  # kameral words


def test_lohne_2010_the_budgets_overrun_and_the_slip_of_the_original(lohne, tmp_path):
    ansatz, aufwand = summen(LOHNE_2010)
    assert ansatz == 407000 and aufwand == Fraction("424497.75")  # the source printed 424.497,71 €
    a = lohne.rechnungen["budget-b6-01-2010"].haushalt
    assert a.mehrbedarf == {2010: aufwand - ansatz} == {2010: Fraction("17497.75")}  # printed: 17.497,71 €
    assert a.kreise["B6-01"].spalte == "Aufwand" and a.kreise["B6-01"].wort == "Aufwendungen"
    data = copy_data(FIXTURES / "lohne", tmp_path)
    vorlage = data / "vorlagen/budget-b6-01-2010/vorlage.yaml"
    edit(vorlage, 'erwartet: "424497,75"', 'erwartet: "424497,71"')
    assert problems_of(data) == [
        f"data/vorlagen/budget-b6-01-2010/vorlage.yaml:{line_of(vorlage, '424497,71')}: Zahl "
        f"„aufwand-2010“: berechnet {euro(aufwand, cent=True)}, erwartet 424.497,71{NBSP}€ – prüfen Sie den erwarteten Wert "
        "und die Formel."
    ]


def test_lohne_prints_the_circle_as_the_city_does_and_leaves_open_what_it_does_not_say(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / "lohne"), "--out", str(out)]) == 0
    text = (out / "intern/vorlagen/deckungskreis-650-2009/deckungskreis-650-2009.txt").read_text(encoding="utf-8")
    zeilen = [" ".join(z.split()) for z in text.splitlines()]
    assert "Haushaltsstelle Bezeichnung Ansatz Ausgaben" in zeilen
    assert f"110.650 Kosten der Pässe u. Ausweise 45.000,00{NBSP}€ 48.247,58{NBSP}€".replace(NBSP, " ") in [
        z.replace(NBSP, " ") for z in zeilen
    ]
    assert f"Summe 195.000,00{NBSP}€ 198.871,65{NBSP}€".replace(NBSP, " ") in [z.replace(NBSP, " ") for z in zeilen]
    flat = " ".join(text.split()).replace(NBSP, " ")
    assert "Überplanmäßige Ausgabe: 3.871,65 €" in flat
    assert "Überplanmäßige Bereitstellung 2009 nach § 40 Abs. 1 Nr. 8 in Verbindung mit § 89 NGO: 3.871,65 €" in flat
    assert "Beschlussempfehlung" in flat and "Beschlussvorschlag" not in flat  # the Hausstil's heading
    assert "Noch offen: Quelle der Deckung 2009; Erheblichkeitsgrenze 2009." in flat
    assert "Vorlage (Art noch offen)" in flat and "NRW" not in flat
    capsys.readouterr()


def test_lohne_the_open_facts_are_listed_and_keep_it_from_publishing(lohne, capsys):
    assert main(["--data", str(FIXTURES / "lohne"), "pruefen", "--ohne-satz"]) == 0
    out = capsys.readouterr().out
    assert (
        "  deckungskreis-650-2009: Überplanmäßige Ausgabe im Deckungskreis Nr. 650 im… – Nummer, "  # cut after a word
        "Vorlagenart, Quelle der Deckung 2009, Erheblichkeitsgrenze 2009, Sitzungstermin Rat der Stadt Lohne "
        "(Entscheidung)\n"
    ) in out
    source = next(s for s in lohne.facts.vorlagen if s.slug == "deckungskreis-650-2009")
    (problem,) = check_veroeffentlichung(
        lohne.facts, source, "die Sitzungsmappe X", haushalt=lohne.rechnung(source).haushalt
    )
    datei = gezeigt(FIXTURES / "lohne/vorlagen/deckungskreis-650-2009/vorlage.yaml")  # from where the test runs
    assert f"Quelle der Deckung 2009 ({datei}:" in problem.message
    assert "Erheblichkeitsgrenze 2009 (haushalt/2009.yaml: „erheblich“)" in problem.message


def test_the_circle_and_the_shortfall_are_figures_with_a_herleitung(capsys):
    assert main(["--data", str(FIXTURES / "lohne"), "zahlen", "deckungskreis-650-2009"]) == 0
    listing = capsys.readouterr().out
    assert '{{ haushalt.kreise["650"].ueberschreitung[2009] | eur_cent }}' in listing
    assert "{{ haushalt.mehrbedarf[2009] | eur_cent }}" in listing
    assert (
        main(
            [
                "--data",
                str(FIXTURES / "lohne"),
                "zahlen",
                "deckungskreis-650-2009",
                "haushalt.kreise.650.ueberschreitung.2009",
            ]
        )
        == 0
    )
    herleitung = capsys.readouterr().out.replace(NBSP, " ")
    assert "„020.650“: Ansatz 35.000 €, gebunden 0 €, Betrag 38.633,58 € (ausgaben-020-650)" in herleitung
    assert (
        "Summe: Ansätze 195.000 €, gebunden 0 €, Beträge 198.871,65 €, verfügbar 195.000 €, Überschreitung 3.871,65 €"
        in herleitung
    )


def test_fuerstenwalde_a_verpflichtungsermaechtigung_as_its_own_point(tmp_path, capsys):
    project = prepare(FIXTURES / "fuerstenwalde")
    a = project.rechnungen["ve-domumfeld"].haushalt
    ve = a.ve["domumfeld"]
    assert ve.betrag == 526000 and ve.lasten == {2018: 526000} and ve.art == "außerplanmäßig"
    assert ve.deckung == 250000 + 276000 == ve.mehrbedarf  # „250 T€“ entfällt, „276 T€“ weniger
    assert a.ve_recht == "§ 72 BbgKVerf" and not a.mehrbedarf  # no über-/außerplanmäßige amount of the year
    assert a.offen == [
        (
            "die im Plan 2017 veranschlagte Verpflichtungsermächtigung bei „Theodor-Fontane-Grundschule“",
            "haushalt/2017.yaml: „ve“",
        )
    ]
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / "fuerstenwalde"), "--out", str(out)]) == 0
    flat = " ".join((out / "vorlagen/ve-domumfeld/ve-domumfeld.txt").read_text(encoding="utf-8").split())
    flat = flat.replace(NBSP, " ")
    assert "Außerplanmäßige Verpflichtungsermächtigung im Haushaltsjahr 2017 nach § 72 BbgKVerf" in flat
    assert "zu Lasten 2018: 526.000 €" in flat and "sinkt um 276.000 €" in flat
    assert "zu Lasten des Haushaltsjahres 2018 von 526.000 €" in flat  # the Beschlussvorschlag quotes the figure
    capsys.readouterr()


def test_hockenheim_kameral_in_both_plans_with_the_lands_law():
    project = prepare(FIXTURES / "hockenheim")
    a = project.rechnungen["erbbaurecht-kindergarten"].haushalt
    assert a.mehrbedarf == {2018: 80000 + 16012} and a.arten(2018) == {"außerplanmäßig"}
    assert {z.position.plan for z in a.zeilen} == {"Vermögenshaushalt", "Verwaltungshaushalt"}
    assert a.rechtsgrundlage == "§ 84 GemO" and a.entscheidung == "die Entscheidung des Bürgermeisters"
    assert [label for label, _ in a.offen] == [
        "Ansatz von „2.8830.932000-001“ 2018",
        "Ansatz von „1.1250.602000“ 2018",
        "Erheblichkeitsgrenze 2018",
    ]


# Schwäbisch Hall 2008, Kinderhaus Kreuzäcker, as the Gemeinderat's minutes print them
SHA_AUSZAHLUNG, SHA_PLAN, SHA_UEBERPLANMAESSIG = Fraction(770000), Fraction(600000), Fraction(170000)
SHA_AUFTRAEGE, SHA_VE, SHA_PLAN_2009 = Fraction(1800000), Fraction(1030000), Fraction(450000)


def test_schwaebisch_hall_an_ueberplanmaessige_bereitstellung_with_a_verpflichtungsermaechtigung():
    assert SHA_AUSZAHLUNG - SHA_PLAN == SHA_UEBERPLANMAESSIG  # „Der Differenzbetrag von 170.000 €“
    assert SHA_AUFTRAEGE - SHA_AUSZAHLUNG == SHA_VE  # 1,8 Mio. € vergeben, 770.000 € ausgezahlt: „1,030 Mio. €“
    project = prepare(FIXTURES / "schwaebisch-hall")
    rechnung = project.rechnungen["kinderhaus-kreuzaecker"]
    a = rechnung.haushalt
    assert a.mehrbedarf == {2008: SHA_UEBERPLANMAESSIG} and a.arten(2008) == {"überplanmäßig"}
    ve = a.ve["kinderhaus"]
    assert (ve.betrag, ve.lasten, ve.mehrbedarf) == (SHA_VE, {2009: SHA_VE}, SHA_VE)
    assert ve.art == "überplanmäßig"  # the plan holds an Ansatz for the Kinderhaus, only no VE
    assert (a.rechtsgrundlage, a.ve_recht) == ("§ 84 GemO", "§ 86 Abs. 5 GemO")
    # the Restbetrag for the Nachtragsplan 2009 is computed, not typed
    assert rechnung.zahlen["nachtrag-2009"] == SHA_VE - SHA_PLAN_2009
    assert [label for label, _ in a.offen] == ["Quelle der Deckung 2008", "Erheblichkeitsgrenze 2008"]


def test_schwaebisch_hall_prints_both_points_as_the_city_does(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / "schwaebisch-hall"), "--out", str(out)]) == 0
    text = (out / "intern/vorlagen/kinderhaus-kreuzaecker/kinderhaus-kreuzaecker.txt").read_text(encoding="utf-8")
    flat = " ".join(text.split()).replace(NBSP, " ")
    # the Beschluss, word for word as the minutes print it, its figures computed
    assert "Für das Kinderhaus Kreuzäcker werden 2008 überplanmäßig 170.000 € zur Verfügung gestellt." in flat
    assert (
        "Für die in diesem Jahr noch notwendigen Auftragsvergaben wird eine überplanmäßige Verpflichtungsermächtigung "
        "in Höhe von 1.030.000 € erteilt." in flat
    )
    # the Sachvortrag in the city's notation
    assert "kommen dieses Jahr insgesamt 770.000 € zur Auszahlung. Im Haushaltsplan stehen jedoch nur 600.000 €" in flat
    assert "Der Differenzbetrag von 170.000 € muss überplanmäßig bereitgestellt werden." in flat
    assert "Auftragsvergaben in Höhe von 1,8 Mio. € schon in diesem Jahr" in flat
    assert "Verpflichtungsermächtigung über 1,030 Mio. € muss formal beschlossen werden" in flat
    assert "mit 450.000 € bereits im Haushaltsplan 2009 eingeplant" in flat
    # the Haushalt block: both points with the Land's law
    assert "Überplanmäßige Bereitstellung 2008 nach § 84 GemO: 170.000 €" in flat
    assert (
        "Überplanmäßige Verpflichtungsermächtigung im Haushaltsjahr 2008 nach § 86 Abs. 5 GemO für Haushaltsstelle "
        "Kinderhaus Kreuzäcker: 1.030.000 € - zu Lasten 2009: 1.030.000 €" in flat
    )
    assert "Außerplanmäßig" not in flat and "NRW" not in flat
    capsys.readouterr()


def test_schwaebisch_hall_the_printed_figures_are_checked(tmp_path):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    vorlage = data / "vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    edit(vorlage, "erwartet: 1030000", "erwartet: 1300000")
    assert problems_of(data) == [
        f"data/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml:{line_of(vorlage, '1300000')}: Zahl „ve-kinderhaus“: "
        f"berechnet {euro(SHA_VE)}, erwartet 1.300.000{NBSP}€ – prüfen Sie den erwarteten Wert und die Formel."
    ]


def test_a_verpflichtungsermaechtigung_where_the_plan_holds_nothing_is_ausserplanmaessig(tmp_path):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    vorlage = data / "vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    edit(data / "haushalt/2008.yaml", "ansatz: 600000", "ansatz: 0")
    # the city's printed figures catch a changed Ansatz
    assert problems_of(data) == [
        f"data/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml:{line_of(vorlage, 'erwartet: 170000')}: Zahl "
        f"„ueberplanmaessig-2008“: berechnet {euro(SHA_AUSZAHLUNG)}, erwartet {euro(SHA_UEBERPLANMAESSIG)} – prüfen "
        "Sie den erwarteten Wert und die Formel.",
        f"data/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml:{line_of(vorlage, 'erwartet: 600000')}: Zahl "
        f"„ansatz-2008“: berechnet 0{NBSP}€, erwartet {euro(SHA_PLAN)} – prüfen Sie den erwarteten Wert und die Formel.",
    ]
    edit(vorlage, ", erwartet: 170000}", "}")
    edit(vorlage, ", erwartet: 600000}", "}")
    a = prepare(data).rechnungen["kinderhaus-kreuzaecker"].haushalt
    assert a.ve["kinderhaus"].art == "außerplanmäßig" and a.arten(2008) == {"außerplanmäßig"}


# Mainz 2023, Naturhistorisches Museum, as the Stadt printed it („1.383.750 EUR - 647.800 EUR … 735.950 EUR“)
MZ_GESAMT, MZ_2023, MZ_VE = Fraction(1383750), Fraction(647800), Fraction(735950)


def test_mainz_ausserplanmaessige_mittel_and_a_verpflichtungsermaechtigung_covered_by_another():
    assert MZ_2023 + MZ_VE == MZ_GESAMT
    project = prepare(FIXTURES / "mainz")
    rechnung = project.rechnungen["praeparation"]
    a = rechnung.haushalt
    assert a.mehrbedarf == {2023: MZ_2023} and a.arten(2023) == {"außerplanmäßig"}
    ve = a.ve["praeparation"]
    assert (ve.betrag, ve.lasten, ve.art) == (MZ_VE, {2024: MZ_VE}, "außerplanmäßig")  # a new project: no Ansatz
    assert ve.deckung == ve.mehrbedarf == MZ_VE
    assert rechnung.zahlen["ausserplanmaessig"] == MZ_GESAMT
    assert (a.rechtsgrundlage, a.ve_recht) == ("§ 100 GemO", "§ 102 GemO")
    assert [label for label, _ in a.offen] == [
        "Quelle der Deckung 2023",
        "die im Plan 2023 veranschlagte Verpflichtungsermächtigung bei „7.000618“",
        "Erheblichkeitsgrenze 2023",
    ]


def test_mainz_prints_the_beschluss_as_the_city_does(tmp_path, capsys):
    """With its sign: the city prints „1.383.750 EUR“ (hausstil: waehrung: EUR)."""
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / "mainz"), "--out", str(out)]) == 0
    text = (out / "intern/vorlagen/praeparation/praeparation.txt").read_text(encoding="utf-8")
    flat = " ".join(text.split()).replace(NBSP, " ")
    assert (
        "der Stadtrat beschließt die Bereitstellung der außerplanmäßigen Mittel in Höhe von 1.383.750 EUR (647.800 EUR in "
        "2023) und einer Verpflichtungsermächtigung in Höhe von 735.950 EUR für 2023 mit der entsprechenden "
        "Mittelbereitstellung in 2024" in flat
    )
    assert "Außerplanmäßige Bereitstellung 2023 nach § 100 GemO: 647.800 EUR" in flat
    assert "Außerplanmäßige Verpflichtungsermächtigung im Haushaltsjahr 2023 nach § 102 GemO" in flat
    assert "zu Lasten 2024: 735.950 EUR" in flat
    assert (
        "die Verpflichtungsermächtigung bei Projekt 7.000618 GS Laubenheim, Ersatzneubau sinkt um 735.950 EUR" in flat
    )
    assert "NRW" not in flat
    capsys.readouterr()


def test_mainz_the_sum_the_city_printed_is_checked(tmp_path):
    data = copy_data(FIXTURES / "mainz", tmp_path)
    vorlage = data / "vorlagen/praeparation/vorlage.yaml"
    edit(vorlage, 'formel: "647800"', 'formel: "647000"')
    assert problems_of(data) == [
        f"data/vorlagen/praeparation/vorlage.yaml:{line_of(vorlage, 'erwartet: 1383750')}: Zahl „ausserplanmaessig“: "
        f"berechnet {euro(Fraction(647000) + MZ_VE, zeichen='EUR')}, erwartet {euro(MZ_GESAMT, zeichen='EUR')} – prüfen Sie den erwarteten Wert und "
        "die Formel."
    ]


@pytest.mark.parametrize(
    "fall", ["lohne", "fuerstenwalde", "hockenheim", "schwaebisch-hall", "mainz", "braunschweig", "wernigerode"]
)
def test_no_real_case_outside_nrw_sees_nrw_law(fall):
    project = prepare(FIXTURES / fall)
    for rechnung in project.rechnungen.values():
        a = rechnung.haushalt
        assert "NRW" not in a.rechtsgrundlage + a.ve_recht + a.entscheidung
        assert "Kämmerer" not in a.entscheidung


def test_the_fixtures_state_nothing_the_sources_do_not():
    for fall in ("lohne", "fuerstenwalde", "hockenheim", "schwaebisch-hall", "mainz", "braunschweig", "wernigerode"):
        k = prepare(FIXTURES / fall).facts.koerperschaft
        assert k.anschrift is None and k.verwaltungschef is None, fall
        for source in prepare(FIXTURES / fall).facts.vorlagen:
            assert source.vorlage.nummer is None and source.vorlage.datum is None, (fall, source.slug)


def test_schwaebisch_hall_an_open_threshold_claims_nobody_who_decides(tmp_path, capsys):
    """The source does not state the threshold; the Gemeinderat decided – no message may name the Bürgermeister."""
    assert main(["--data", str(FIXTURES / "schwaebisch-hall"), "pruefen", "--ohne-satz"]) == 0
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert (
        "Die Mitzeichnung „Kämmerei“ fehlt – der überplanmäßige Betrag 2008 (170.000 €) braucht nach § 84 GemO eine "
        "Entscheidung, aber wer entscheidet, ist noch offen (die Erheblichkeitsgrenze 2008 fehlt); zeichnen: "
        "vorlagen zeichnen kinderhaus-kreuzaecker" in out
    )
    assert "Bürgermeister" not in out
    # with a threshold above the amount, the Land's rule for the others names who decides
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    edit(data / "haushalt/2008.yaml", "buchfuehrung: kameral", "buchfuehrung: kameral\nerheblich: 250000")
    assert main(["--data", str(data), "pruefen", "--ohne-satz"]) == 0
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert (
        "der überplanmäßige Betrag 2008 (170.000 €) braucht nach § 84 GemO die Entscheidung des Bürgermeisters;" in out
    )


# „Die Mittelbereitstellung hierfür ist mit 450.000 € bereits im Haushaltsplan 2009 eingeplant, der Restbetrag muss
# im notwendig werdenden Nachtragsplan 2009 vorgesehen werden.“ – the rest, computed apart from the engine
SHA_NACHTRAG_2009 = Fraction(1030000) - Fraction(450000)


def test_schwaebisch_hall_a_year_of_the_ve_split_into_plan_and_nachtrag(tmp_path, capsys):
    assert SHA_NACHTRAG_2009 == 580000
    a = prepare(FIXTURES / "schwaebisch-hall").rechnungen["kinderhaus-kreuzaecker"].haushalt
    ve = a.ve["kinderhaus"]
    assert (ve.lasten, ve.im_plan, ve.nachtrag) == (
        {2009: SHA_VE},
        {2009: SHA_PLAN_2009},
        {2009: SHA_NACHTRAG_2009},
    )
    out = tmp_path / "out"
    assert main(["--data", str(FIXTURES / "schwaebisch-hall"), "--out", str(out)]) == 0
    text = (out / "intern/vorlagen/kinderhaus-kreuzaecker/kinderhaus-kreuzaecker.txt").read_text(encoding="utf-8")
    flat = " ".join(text.split()).replace(NBSP, " ")
    assert (
        "zu Lasten 2009: 1.030.000 € – davon im Haushaltsplan 2009 eingeplant: 450.000 €, im Nachtragsplan 2009 "
        "vorzusehen: 580.000 €" in flat
    )
    # each part is a figure: listed, with a Herleitung
    assert main(["--data", str(FIXTURES / "schwaebisch-hall"), "zahlen", "kinderhaus-kreuzaecker"]) == 0
    listing = [" ".join(z.replace(NBSP, " ").split()) for z in capsys.readouterr().out.splitlines()]  # any column
    assert '{{ haushalt.ve["kinderhaus"].im_plan[2009] | eur }} 450.000 €' in listing
    assert '{{ haushalt.ve["kinderhaus"].nachtrag[2009] | eur }} 580.000 €' in listing
    args = ["--data", str(FIXTURES / "schwaebisch-hall"), "zahlen", "kinderhaus-kreuzaecker"]
    assert main([*args, "haushalt.ve.kinderhaus.nachtrag.2009"]) == 0
    herleitung = capsys.readouterr().out.replace(NBSP, " ")
    vorlage = FIXTURES / "schwaebisch-hall/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    assert (
        f"  2009: im Haushaltsplan 450.000 €   [{gezeigt(vorlage)}:"
        f"{line_of(vorlage, 'im_plan: plan-2009')}], im Nachtrag 1.030.000 € − 450.000 € = 580.000 €" in herleitung
    )


def test_the_nachtrag_part_is_checked_with_erwartet(tmp_path):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    vorlage = data / "vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    edit(vorlage, 'nachtrag.2009, einheit: "€"}', 'nachtrag.2009, einheit: "€", erwartet: 580000}')
    assert prepare(data).rechnungen["kinderhaus-kreuzaecker"].zahlen["nachtrag-2009"] == SHA_NACHTRAG_2009
    edit(vorlage, "erwartet: 580000", "erwartet: 850000")
    assert problems_of(data) == [
        f"data/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml:{line_of(vorlage, '850000')}: Zahl „nachtrag-2009“: "
        f"berechnet {euro(SHA_NACHTRAG_2009)}, erwartet 850.000{NBSP}€ – prüfen Sie den erwarteten Wert und die Formel."
    ]


def test_the_plan_part_is_no_more_than_the_year(tmp_path):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    vorlage = data / "vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    edit(vorlage, 'formel: "450000"', 'formel: "1100000"')
    assert problems_of(data) == [
        f"data/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml:{line_of(vorlage, 'im_plan: plan-2009')}: Der Teil im "
        f"Haushaltsplan 2009 (1.100.000{NBSP}€) ist mehr, als die Verpflichtungsermächtigung „kinderhaus“ 2009 belastet "
        f"({euro(SHA_VE)}) – der Nachtrag 2009 wäre negativ (−70.000{NBSP}€); die Teile im Plan und im Nachtrag ergeben "
        "zusammen das Jahr: prüfen Sie „im_plan“ und „betrag“."
    ]


@pytest.mark.parametrize(
    ("eintrag", "meldung"),
    [
        (
            '{betrag: ve-kinderhaus, im_plan: "450000"}',
            "Verpflichtungsermächtigung „kinderhaus“, 2009, im Plan: „450000“ ist eine getippte Zahl – Beträge sind "
            "Zahlen des Hauptbuchs: legen Sie unter „zahlen“ eine Zahl mit Formel an und nennen Sie hier ihren Namen.",
        ),
        ("{betrag: ve-kinderhaus}", "In „2009“ fehlt der Eintrag „im_plan“ – ergänzen Sie ihn."),
        (
            "{betrag: ve-kinderhaus, im_plan: plan-2009, nachtrag: plan-2009}",
            "Unbekannter Schlüssel „nachtrag“ in „2009“. Erlaubt sind: betrag, im_plan.",
        ),
        (
            "{betrag: ve-kinderhaus, im_plan: auftraege-2008 / 4000000}",
            "Verpflichtungsermächtigung „kinderhaus“, 2009, im Plan: „auftraege-2008 / 4000000“ ist eine Rechnung – "
            "legen Sie sie unter „zahlen“ als Formel an und nennen Sie hier ihren Namen.",
        ),
    ],
)
def test_a_split_year_refuses_what_it_cannot_read(tmp_path, eintrag, meldung):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    vorlage = data / "vorlagen/kinderhaus-kreuzaecker/vorlage.yaml"
    edit(vorlage, "{betrag: ve-kinderhaus, im_plan: plan-2009}", eintrag)
    zeile = line_of(vorlage, "2009: {betrag")
    assert f"data/vorlagen/kinderhaus-kreuzaecker/vorlage.yaml:{zeile}: {meldung}" in problems_of(data)


def test_schwaebisch_hall_above_the_threshold_the_gemeinderat_consents_not_the_buergermeister(tmp_path, capsys):
    data = copy_data(FIXTURES / "schwaebisch-hall", tmp_path)
    edit(data / "haushalt/2008.yaml", "buchfuehrung: kameral", "buchfuehrung: kameral\nerheblich: 100000")
    assert main(["--data", str(data), "pruefen", "--ohne-satz"]) == 0
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert (
        "der überplanmäßige Betrag 2008 (170.000 €) braucht nach § 84 GemO über der Erheblichkeitsgrenze die vorherige "
        "Zustimmung eines Gremiums, das noch offen ist;" in out
    )
    edit(data / "haushalt/2008.yaml", "erheblich: 100000", "erheblich: 100000\nentscheidet: GR")
    assert main(["--data", str(data), "pruefen", "--ohne-satz"]) == 0
    out = capsys.readouterr().out.replace(NBSP, " ")
    assert (
        "der überplanmäßige Betrag 2008 (170.000 €) braucht nach § 84 GemO über der Erheblichkeitsgrenze die vorherige "
        "Zustimmung des Gremiums „Gemeinderat“;" in out
    )
    assert "Bürgermeister" not in out


# Issue 61, points 5 and 8: a kameral Deckung „aus allgemeinen Deckungsmitteln“, a Mehreinnahme whose Haushaltsstelle
# is still open in the Haushalt's own words, and the message for a missing Deckung in a kameral Haushalt.
HOCKENHEIM_DECKUNG = '    - {art: Einsparung, konto: "1.1250.602000", jahre: {2018: erbbauzins}}'


def test_a_kameral_deckung_from_the_allgemeine_deckungsmittel(tmp_path):
    data = copy_data(FIXTURES / "hockenheim", tmp_path)
    vorlage = data / "vorlagen/erbbaurecht-kindergarten/vorlage.yaml"
    edit(vorlage, HOCKENHEIM_DECKUNG, "    - {art: allgemeine Deckungsmittel, jahre: {2018: erbbauzins}}")
    a = prepare(data).rechnungen["erbbaurecht-kindergarten"].haushalt
    (allgemein,) = [d for d in a.deckungen if d.konto is None]
    assert allgemein.allgemein and allgemein.wort == "allgemeine Deckungsmittel" and allgemein.betrag == 16012
    assert a.deckung == {2018: 80000 + 16012}
    assert [label for label, _ in a.offen] == ["Ansatz von „2.8830.932000-001“ 2018", "Erheblichkeitsgrenze 2018"]
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    # an ENTWURF (the außerplanmäßige amount waits for the Kämmerei's sign-off): in intern/
    text = (out / "intern/vorlagen/erbbaurecht-kindergarten/erbbaurecht-kindergarten.txt").read_text(encoding="utf-8")
    zeilen = [" ".join(z.replace(NBSP, " ").split()) for z in text.splitlines()]
    assert (
        f"2018 allgemeine Deckungsmittel Gesamtdeckung des Haushalts {euro(Fraction(16012))} –".replace(NBSP, " ")
        in zeilen
    ), zeilen


def test_allgemeine_deckungsmittel_come_from_no_haushaltsstelle(tmp_path):
    data = copy_data(FIXTURES / "hockenheim", tmp_path)
    vorlage = data / "vorlagen/erbbaurecht-kindergarten/vorlage.yaml"
    edit(vorlage, '{art: Einsparung, konto: "1.1250.602000"', '{art: allgemeine Deckungsmittel, konto: "1.1250.602000"')
    assert problems_of(data) == [
        f"data/vorlagen/erbbaurecht-kindergarten/vorlage.yaml:{line_of(vorlage, 'allgemeine Deckungsmittel')}: "
        "Allgemeine Deckungsmittel kommen aus dem ganzen Haushalt, nicht von „1.1250.602000“ – streichen Sie "
        "„konto“, oder schreiben Sie „art: Einsparung“ oder „art: Mehrertrag“, wenn die Deckung von dieser Position "
        "kommt."
    ]


def test_a_kameral_mehreinnahme_at_an_open_haushaltsstelle_and_a_missing_deckung_in_kameral_words(tmp_path):
    data = copy_data(FIXTURES / "hockenheim", tmp_path)
    vorlage = data / "vorlagen/erbbaurecht-kindergarten/vorlage.yaml"
    edit(vorlage, HOCKENHEIM_DECKUNG, "    - {art: Mehrertrag, jahre: {2018: erbbauzins}}")
    a = prepare(data).rechnungen["erbbaurecht-kindergarten"].haushalt
    assert [d.wort for d in a.deckungen] == ["Minderausgabe", "Mehreinnahme"]  # kameral: no „plan“ needed
    edit(vorlage, "    - {art: Mehrertrag, jahre: {2018: erbbauzins}}\n", "")
    edit(
        vorlage,
        "    - {art: Einsparung, konto: 2.8830.932000-001, plan: Vermögenshaushalt, jahre: {2018: erbbaurecht}}\n",
        "",
    )
    edit(vorlage, "  deckung:\n", "  deckung: []\n")
    (problem,) = problems_of(data)
    assert problem.endswith(
        "nennen Sie unter „deckung“ eine Minderausgabe bei einer anderen Haushaltsstelle, Mehreinnahmen oder "
        "allgemeine Deckungsmittel (die Quelle darf noch offen sein)."
    )


# Issue 61, point 7: where the Gremium's competence comes from its Geschäftsordnung and not from a threshold in the
# Haushaltssatzung, the Haushalt states that legal basis instead of an Erheblichkeitsgrenze.
def test_a_competence_by_the_geschaeftsordnung_instead_of_an_erheblichkeitsgrenze(tmp_path):
    data = copy_data(FIXTURES / "hockenheim", tmp_path)
    haushalt = data / "haushalt/2018.yaml"
    edit(haushalt, "entscheidet: GR", 'entscheidet: GR\nzustaendig: "§ 9 GeschO"')
    a = prepare(data).rechnungen["erbbaurecht-kindergarten"].haushalt
    assert "Erheblichkeitsgrenze 2018" not in [label for label, _ in a.offen]
    assert a.zustaendig == {2018: "§ 9 GeschO"} and a.ueber_grenze == {2018: "Gemeinderat"}
    vorlage = data / "vorlagen/erbbaurecht-kindergarten/vorlage.yaml"
    edit(vorlage, "{gremium: GR, rolle: Entscheidung}", "{gremium: GR, rolle: Vorberatung}")
    (problem,) = problems_of(data)
    assert (
        f": Der außerplanmäßige Betrag 2018 ({euro(Fraction(80000 + 16012))}): über ihn muss nach § 9 GeschO "
        in problem
    )
    assert (
        "(haushalt/2018.yaml: „zustaendig“) vorher das Gremium „Gemeinderat“ entscheiden; die Beratungsfolge" in problem
    )
    edit(haushalt, "entscheidet: GR", "erheblich: 50000\nentscheidet: GR")
    assert problems_of(data) == [
        f"data/haushalt/2018.yaml:{line_of(haushalt, 'zustaendig')}: „erheblich“ und „zustaendig“ widersprechen sich "
        "– nennen Sie entweder die Erheblichkeitsgrenze der Haushaltssatzung oder die Vorschrift, nach der das Gremium "
        "„entscheidet“ über jeden Betrag entscheidet."
    ]
