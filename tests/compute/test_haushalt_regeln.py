"""The rules of issue 34 around the Haushalt: both budget systems, Deckungskreise, Verpflichtungsermächtigungen, the
bypasses (Deckungen on one source together, results of Sitzungen that have not happened), decided stays decided,
and what may stay open until publishing. Each fails on the code before issue 34.

Amounts come from the example's seed (test_haushalt.py: the Eigenanteile of seed 000 split by months) and from the
real cases' sources (tests/fixtures/lohne, fuerstenwalde), recomputed here with Fractions apart from the engine.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import DATA, FIXTURES, copy_data, edit, line_of, problems_of, run, vor_dem_beschluss
from tests.referenz.beispiel import EIGENANTEILE, je_jahr
from tests.referenz.rechnen import euro
from vorlagen.compute.project import prepare
from vorlagen.core.problems import BuildFailed
from vorlagen.meetings.beschlusskontrolle import haushalt_nach_beschluss, listen
from vorlagen.render.document import Composer
from vorlagen.render.freigabe import was_tun

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

NBSP = "\u00a0"
L2009 = Path("haushalt/2009.yaml")
LOHNE_650 = Path("vorlagen/deckungskreis-650-2009/vorlage.yaml")
VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
H2021, H2022 = Path("haushalt/2021.yaml"), Path("haushalt/2022.yaml")
KEPT = Path("vorlagen/2021-0123/beschlossen.yaml")  # the Haushalt the decision kept (`vorlagen beschluss`)
NIEDERSCHRIFT = Path("sitzungen/KA-2021-06-21/niederschrift.yaml")  # records the Kreisausschuss' decision on 2021/0123
FW_VORLAGE = Path("vorlagen/ve-domumfeld/vorlage.yaml")
FREI_2022 = 15100000 - 14420000  # 05.02.01: Ansatz − gebunden (data/haushalt/2022.yaml)


def at(data: Path, path: Path, needle: str) -> str:
    return f"data/{path.as_posix()}:{line_of(data / path, needle)}"


@pytest.fixture
def offen(tmp_path: Path) -> Path:
    """The example before the Kreisausschuss decided 2021/0123."""
    data = copy_data(DATA, tmp_path)
    vor_dem_beschluss(data)
    return data


@pytest.fixture
def beschlossen(tmp_path: Path) -> Path:
    """The example as it is: 2021/0123 decided by the Kreisausschuss on 21.06.2021."""
    return copy_data(DATA, tmp_path)


@pytest.fixture
def lohne(tmp_path: Path) -> Path:
    return copy_data(FIXTURES / "lohne", tmp_path)


@pytest.fixture
def fuerstenwalde(tmp_path: Path) -> Path:
    return copy_data(FIXTURES / "fuerstenwalde", tmp_path)


# --- both budget systems ------------------------------------------------------------------------------------------


def test_a_kameral_haushalt_refuses_a_plan_of_the_doppik(lohne):
    edit(lohne / L2009, '{konto: "880.650", bezeichnung', '{konto: "880.650", plan: Ergebnisplan, bezeichnung')
    line, kreis = at(lohne, L2009, '"880.650"'), at(lohne, L2009, 'id: "650"')
    assert problems_of(lohne) == [
        f"{kreis}: Der Deckungskreis „650“ umfasst Positionen aus Ergebnisplan und "
        "Verwaltungshaushalt – ein Deckungskreis liegt in einem Plan; teilen Sie ihn auf.",
        f"{line}: „Ergebnisplan“ ist ein Plan des doppischen Haushalts, dieser Haushalt ist kameral – schreiben Sie "
        "„plan: Verwaltungshaushalt“ oder „plan: Vermögenshaushalt“, oder „buchfuehrung: doppisch“ oben in der "
        "Datei, wenn der ganze Haushalt so geführt wird.",
    ]


def test_a_doppischer_haushalt_has_no_haushaltsstellen(offen):
    edit(offen / H2021, '  - konto: "05.06.01"\n', '  - konto: "05.06.01"\n    art: Haushaltsstelle\n')
    assert problems_of(offen) == [
        f"{at(offen, H2021, 'art: Haushaltsstelle')}: Haushaltsstellen gibt es nur im kameralen Haushalt – schreiben "
        "Sie „buchfuehrung: kameral“ oben in der Datei oder eine doppische Art (Produkt, Sachkonto, Investition …)."
    ]


def test_a_kameral_position_is_no_produkt(lohne):
    edit(lohne / L2009, '{konto: "880.650", bezeichnung', '{konto: "880.650", art: Produkt, bezeichnung')
    assert problems_of(lohne) == [
        f"{at(lohne, L2009, '880.650')}: Im kameralen Haushalt sind Positionen Haushaltsstellen, nicht „Produkt“ – "
        "lassen Sie „art“ weg oder schreiben Sie „art: Haushaltsstelle“."
    ]


def test_the_vorlage_finds_a_kameral_position_in_the_verwaltungshaushalt_by_default(lohne):
    """No `plan` at a Vorlage's amount: the system's first plan; the Vermögenshaushalt is another plan."""
    edit(lohne / LOHNE_650, '- {konto: "880.650", jahre', '- {konto: "880.650", plan: Vermögenshaushalt, jahre')
    assert (
        f"{at(lohne, LOHNE_650, '2009: ausgaben-880-650')}: „880.650“ steht nicht im Vermögenshaushalt des Haushalts "
        "2009, sondern im Verwaltungshaushalt (haushalt/2009.yaml) – die Vorlage nennt „plan: Vermögenshaushalt“: "
        "schreiben Sie „plan: Verwaltungshaushalt“ zur Position der Vorlage, wenn der Betrag dort gebucht wird."
    ) in problems_of(lohne)


# --- Deckungskreise -----------------------------------------------------------------------------------------------


def test_a_position_names_a_deckungskreis_that_is_not_there(lohne):
    edit(
        lohne / L2009,
        'konto: "880.650", bezeichnung: Geschäftsausgaben, deckungskreis: "650"',
        'konto: "880.650", bezeichnung: Geschäftsausgaben, deckungskreis: "605"',
    )
    assert problems_of(lohne) == [
        f"{at(lohne, L2009, '880.650')}: Den Deckungskreis „605“ gibt es in diesem Haushalt nicht – meinten Sie "
        "„650“? Vorhanden: „650“. Legen Sie ihn unter „deckungskreise“ mit „id“ und „bezeichnung“ an."
    ]


def test_the_overrun_of_the_circle_counts_not_the_overrun_of_a_line(lohne):
    """Lohne 2009: 020.650 (Bürobedarf) spent 38.633,58 € of 35.000 €, but the circle's lines offset each other – the
    Mehrbedarf is the circle's: the sum of its lines less the sum of its Ansätze."""
    a = prepare(lohne).rechnungen["deckungskreis-650-2009"].haushalt
    ausgaben = [
        "9480.05", "38633.58", "11948.14", "66626.83", "3392.74", "48247.58", "5469.54", "5262.71", "7037.71",
        "2772.77",
    ]  # fmt: skip
    ansaetze = [10000, 35000, 13000, 70000, 5000, 45000, 5000, 6000, 3000, 3000]
    ueberschreitung = sum(map(Fraction, ausgaben)) - sum(ansaetze)
    assert ueberschreitung == Fraction("3871.65")  # the city printed 3.871,65 €
    assert a.mehrbedarf == {2009: ueberschreitung}
    assert Fraction("38633.58") - 35000 != ueberschreitung  # one line's overrun alone is not what counts
    assert [z.mehrbedarf for z in a.zeilen if z.position.konto == "020.650"] == [Fraction("3633.58")]


def test_a_deckung_inside_the_circle_is_no_deckung(lohne):
    edit(
        lohne / LOHNE_650,
        "    - jahre: {2009: haushalt.mehrbedarf.2009}",
        '    - {art: Einsparung, konto: "880.650", jahre: {2009: haushalt.mehrbedarf.2009}}',
    )
    line = at(lohne, LOHNE_650, "art: Einsparung")
    assert problems_of(lohne) == [
        f"{line}: „880.650“ ist eine Position, die diese "
        "Vorlage selbst belastet – eine Einsparung muss bei einer anderen Position liegen."
    ]


# --- Deckungen on one source, together ----------------------------------------------------------------------------


def test_two_deckungen_on_one_source_are_checked_together(offen):
    """Each Einsparung at 05.02.01 fits what is free there (680.000 €), both together do not – before issue 34
    each was checked alone and the Vorlage built."""
    edit(
        offen / VORLAGE,
        "  dauer: laufend\n",
        '    - art: Einsparung\n      konto: "05.02.01"\n      jahre:\n        2022: uebersicht.jahre_max.2022\n'
        "  dauer: laufend\n",
    )
    einsparung = je_jahr(EIGENANTEILE)[2022]
    assert einsparung <= FREI_2022 < 2 * einsparung
    assert problems_of(offen) == [
        f"data/{VORLAGE.as_posix()}:{_deckung_2022(offen)}: Die Deckungen 2022 bei „05.02.01“ zusammen ({euro(einsparung)} + "
        f"{euro(einsparung)} = {euro(2 * einsparung)}) sind mehr, als dort verfügbar ist ({euro(FREI_2022)} = Ansatz "
        f"{euro(15100000)} − gebunden {euro(14420000)}) – jede für sich passt, alle zusammen nicht: verringern Sie sie "
        "oder decken Sie den Rest anders."
    ]


def test_two_deckungen_of_a_verpflichtungsermaechtigung_on_one_source(fuerstenwalde):
    edit(
        fuerstenwalde / FW_VORLAGE,
        "{konto: Theodor-Fontane-Grundschule, betrag: ve-grundschule}",
        "{konto: Ausbau Straße Am Berghang, betrag: ve-grundschule}",
    )
    assert problems_of(fuerstenwalde) == [
        f"{at(fuerstenwalde, FW_VORLAGE, 'betrag: ve-berghang')}: Die Deckung bei „Ausbau Straße Am Berghang“ "
        f"zusammen ({euro(250000)} + {euro(276000)} = {euro(526000)}) ist mehr, als dort an Verpflichtungsermächtigung "
        f"frei ist ({euro(250000)} = veranschlagt {euro(250000)} − in Anspruch genommen 0{NBSP}€) – verringern Sie sie."
    ]


# --- Verpflichtungsermächtigungen -------------------------------------------------------------------------------


def test_the_years_of_a_verpflichtungsermaechtigung_add_up_to_it(fuerstenwalde):
    edit(fuerstenwalde / FW_VORLAGE, "lasten: {2018: ve-domumfeld}", "lasten: {2018: ve-berghang, 2019: ve-berghang}")
    assert problems_of(fuerstenwalde) == [
        f"{at(fuerstenwalde, FW_VORLAGE, 'lasten:')}: Die Jahre der Verpflichtungsermächtigung „domumfeld“ ergeben "
        f"{euro(250000)} (2018) + {euro(250000)} (2019) = {euro(500000)}, sie beträgt aber {euro(526000)} – es fehlen "
        f"{euro(26000)}; was die Pläne der Jahre tragen, ergibt zusammen die ganze Verpflichtungsermächtigung."
    ]


def test_a_verpflichtungsermaechtigung_burdens_later_years_only(fuerstenwalde):
    edit(fuerstenwalde / FW_VORLAGE, "lasten: {2018: ve-domumfeld}", "lasten: {2017: ve-domumfeld}")
    assert problems_of(fuerstenwalde) == [
        f"{at(fuerstenwalde, FW_VORLAGE, 'lasten:')}: Eine Verpflichtungsermächtigung des Haushalts 2017 belastet "
        "spätere Jahre, nicht 2017 – Beträge des Jahres 2017 selbst stehen unter „positionen“."
    ]


def test_the_deckung_of_a_verpflichtungsermaechtigung_must_cover_its_ausserplanmaessigen_part(fuerstenwalde):
    edit(fuerstenwalde / FW_VORLAGE, "        - {konto: Theodor-Fontane-Grundschule, betrag: ve-grundschule}\n", "")
    assert problems_of(fuerstenwalde) == [
        f"{at(fuerstenwalde, FW_VORLAGE, 'betrag: ve-domumfeld')}: Die Deckung der Verpflichtungsermächtigung "
        f"„domumfeld“ ({euro(250000)}) reicht nicht für ihren außerplanmäßigen Teil ({euro(526000)}) – es fehlen "
        f"{euro(276000)}."
    ]


def test_open_years_of_a_verpflichtungsermaechtigung_are_listed(fuerstenwalde):
    edit(fuerstenwalde / FW_VORLAGE, "      lasten: {2018: ve-domumfeld}\n", "")
    a = prepare(fuerstenwalde).rechnungen["ve-domumfeld"].haushalt
    assert a.ve["domumfeld"].lasten is None
    assert a.offen[0][0] == "die Jahre der Verpflichtungsermächtigung „domumfeld“"


# --- a result is a fact of the past ---------------------------------------------------------------------------------


def test_a_niederschrift_of_a_sitzung_that_has_not_happened_is_an_error(beschlossen):
    with pytest.raises(BuildFailed) as failed:
        prepare(beschlossen, heute=dt.date(2021, 6, 15))
    found = [str(p) for p in failed.value.problems]
    assert (
        "data/sitzungen/KA-2021-06-21/niederschrift.yaml:3: Die Niederschrift gehört zur Sitzung KA-2021-06-21 am "
        "21.06.2021, die noch nicht stattgefunden hat (heute ist der 15.06.2021) – prüfen Sie das Datum der Sitzung; "
        "eine Niederschrift entsteht nach der Sitzung."
    ) in found
    assert not [p for p in found if "ASI-2021-06-10" in p]  # 10.06.2021 has happened


def test_a_result_for_a_sitzung_that_has_not_happened_is_an_error_never_a_decision(offen):
    """Stated as decided, 2021/0123 would skip its budget checks – before issue 34 it did."""
    (offen / "sitzungen/ASI-2023-11-30/niederschrift.yaml").unlink()  # a Sitzung of 2023
    edit(
        offen / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung, ergebnis: ungeändert beschlossen}",
    )
    prepare(offen, heute=dt.date(2021, 6, 21))  # on the day: a result may be recorded
    with pytest.raises(BuildFailed) as failed:
        prepare(offen, heute=dt.date(2021, 6, 20))
    assert [str(p) for p in failed.value.problems] == [
        f"{at(offen, VORLAGE, 'ergebnis: ungeändert beschlossen')}: Hier steht das Ergebnis „ungeändert beschlossen“, "
        "aber die Sitzung KA-2021-06-21 ist erst am 21.06.2021 (heute ist der 20.06.2021) – ein Ergebnis gibt es erst "
        "nach der Sitzung: entfernen Sie „ergebnis“, bis es gefasst ist."
    ]


def test_a_result_dated_in_the_future_without_a_sitzung_file_is_an_error(offen, capsys):
    """Today's date decides in the commands: a result dated next year is refused by `pruefen`."""
    morgen = dt.date.today() + dt.timedelta(days=400)
    edit(
        offen / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        f"  - {{sitzung: KA-2021-06-21, rolle: Entscheidung}}\n  - {{gremium: KT, rolle: Entscheidung, "
        f"datum: {morgen.isoformat()}, ergebnis: ungeändert beschlossen}}",
    )
    code, _, err = run(capsys, "--data", str(offen), "pruefen")
    assert code == 1
    assert (
        f"{at(offen, VORLAGE, 'gremium: KT')}: Hier steht das Ergebnis „ungeändert beschlossen“, aber die Beratung ist "
        f"erst am {morgen:%d.%m.%Y} (heute ist der {dt.date.today():%d.%m.%Y}) – ein Ergebnis gibt es erst nach der "
        "Sitzung: entfernen Sie „ergebnis“, bis es gefasst ist."
    ) in err


# --- decided stays decided --------------------------------------------------------------------------------------------


def buchen(data: Path, datum: str, betrag: int) -> None:
    """The Kämmerei books the Einsparung 2022 at 05.02.01 under „buchungen“, with the day it did."""
    edit(
        data / H2022,
        "    gebunden: 14420000\n",
        f'    gebunden: 14420000\n    buchungen:\n      - {{datum: {datum}, betrag: {betrag}, vorlage: "2021/0123"}}\n',
    )


def signed(data: Path) -> tuple[str, list[tuple[str, str]]]:
    """The text 2021/0123 prints now and the state of its sign-offs."""
    doc = next(d for d in Composer(prepare(data)).compose_all() if d.source.vorlage.nummer == "2021/0123")
    assert doc.freigabe is not None
    return doc.freigabe.text, [(s.rolle, s.zustand) for s in doc.freigabe.staende]


def test_a_booking_after_the_decision_changes_neither_the_decided_vorlage_nor_its_sign_off(beschlossen, tmp_path):
    vorher = signed(beschlossen)
    assert vorher[1] == [("Kämmerei", "gültig")]
    einsparung = je_jahr(EIGENANTEILE)[2022]
    buchen(beschlossen, "2021-07-01", einsparung)
    assert signed(beschlossen) == vorher
    # the state after the decision is the Beschlusskontrolle's
    rows = haushalt_nach_beschluss(Composer(prepare(beschlossen)))
    assert [(r.vorlage, r.entschieden, r.jahr, r.position, r.betrag, r.gebucht, r.verfuegbar) for r in rows] == [
        (
            "2021/0123",
            dt.date(2021, 6, 21),
            2022,
            "Produkt 05.02.01, Einsparung",
            euro(einsparung),
            euro(einsparung),
            euro(FREI_2022 - einsparung),
        )
    ]


def test_the_beschlusskontrolle_prints_the_state_after_the_decision_in_its_body(beschlossen):
    """The table stands in the page, not in the document's title (where the template had put it)."""
    einsparung = je_jahr(EIGENANTEILE)[2022]
    buchen(beschlossen, "2021-07-01", einsparung)
    liste = listen(Composer(prepare(beschlossen)), dt.date(2021, 9, 30))[0]
    titel, body = liste.print.split("</title>", 1)
    assert "Haushalt nach den Beschlüssen" not in titel
    assert body.count("Haushalt nach den Beschlüssen") == 1
    zeile = (
        f'<td>Produkt 05.02.01, Einsparung</td><td>2022</td><td class="betrag">{euro(einsparung)}</td>'
        f'<td class="betrag">{euro(einsparung)}</td><td class="betrag">{euro(FREI_2022 - einsparung)}</td>'
    )
    assert zeile in body


def test_a_decided_vorlage_whose_amount_is_booked_under_gebunden_says_how_to_book_it(beschlossen, capsys):
    """Without the kept Haushalt of the decision, raising „gebunden“ by the decided amount changes what 2021/0123
    prints (the Haushalt as of today): the
    sign-off given before the decision is stale – and the way out is a dated booking, not a backdated signature."""
    (beschlossen / KEPT).unlink()  # nobody kept the Haushalt of the decision
    einsparung = je_jahr(EIGENANTEILE)[2022]
    edit(beschlossen / H2022, "    gebunden: 14420000\n", f"    gebunden: {14420000 + einsparung}\n")
    doc = next(d for d in Composer(prepare(beschlossen)).compose_all() if d.source.vorlage.nummer == "2021/0123")
    assert doc.freigabe is not None
    [stand] = doc.freigabe.staende
    assert (stand.zustand, stand.beschlossen) == ("veraltet", dt.date(2021, 6, 21))
    meldung = (
        "Die Mitzeichnung „Kämmerei“ (Erika Mustermann, 26.05.2021) gilt nicht mehr, aber die Vorlage ist am "
        "21.06.2021 beschlossen: was sie druckt, hat sich seit dem Beschluss geändert (was, zeigt „vorlagen freigabe "
        "2021/0123“). Ein beschlossenes Dokument wird nicht nachträglich neu gezeichnet – hat die Kämmerei nach dem "
        "Beschluss Mittel gebunden, setzen Sie „gebunden“ in haushalt/<jahr>.yaml auf den Stand des Beschlusses "
        "zurück, halten Sie ihn fest (vorlagen beschluss 2021/0123) und erhöhen Sie „gebunden“ erst dann – oder tragen "
        "Sie die Mittel unter „buchungen“ mit ihrem Tag ein; dann druckt die Vorlage wieder den Haushalt ihres "
        "Beschlusses und die Mitzeichnung gilt."
    )
    assert was_tun("2021/0123", stand) == meldung
    code, out, _ = run(capsys, "--data", str(beschlossen), "freigabe", "2021/0123")
    assert meldung in " ".join(out.split())
    # the fix the message proposes: the same amount as a dated booking – the sign-off holds again
    edit(beschlossen / H2022, f"    gebunden: {14420000 + einsparung}\n", "    gebunden: 14420000\n")
    buchen(beschlossen, "2021-07-01", einsparung)
    assert signed(beschlossen)[1] == [("Kämmerei", "gültig")]


def test_an_open_vorlage_is_signed_again_as_usual(offen):
    """Before the decision a changed Haushalt asks for a new signature, as any change does."""
    edit(offen / H2022, "    gebunden: 14420000\n", "    gebunden: 14420001\n")
    doc = next(d for d in Composer(prepare(offen)).compose_all() if d.source.vorlage.nummer == "2021/0123")
    assert doc.freigabe is not None
    [stand] = doc.freigabe.staende
    assert (stand.zustand, stand.beschlossen) == ("veraltet", None)
    assert was_tun("2021/0123", stand).endswith(
        'neu zeichnen: vorlagen zeichnen 2021/0123 --rolle "Kämmerei" --name "…"'
    )


def test_a_booking_before_the_decision_is_in_the_decided_vorlage(beschlossen):
    """Without a kept Haushalt, the decided Vorlage prints the Haushalt of its decision day: what was booked before it
    counts."""
    (beschlossen / KEPT).unlink()  # nobody kept the Haushalt of the decision
    vorher = signed(beschlossen)
    buchen(beschlossen, "2021-06-01", 1000)
    text, staende = signed(beschlossen)
    assert staende == [("Kämmerei", "veraltet")]
    einsparung = je_jahr(EIGENANTEILE)[2022]
    zeile = f"2022 Einsparung Produkt 05.02.01 Leistungen nach dem Asylbewerberleistungsgesetz {euro(einsparung)}"
    for frei, signiert in ((FREI_2022, vorher[0]), (FREI_2022 - 1000, text)):
        assert f"{zeile} {euro(frei)}".replace(NBSP, " ") in signiert.replace(NBSP, " ")


def test_an_open_vorlage_is_checked_against_every_booking(offen):
    einsparung = je_jahr(EIGENANTEILE)[2022]
    buchen(offen, "2021-07-01", einsparung)
    frei = FREI_2022 - einsparung
    assert problems_of(offen) == [
        f"data/{VORLAGE.as_posix()}:{_deckung_2022(offen)}: Die Einsparung 2022 bei „05.02.01“ ({euro(einsparung)}) "
        f"ist mehr, als dort verfügbar ist ({euro(frei)} = Ansatz {euro(15100000)} − gebunden "
        f"{euro(14420000 + einsparung)}) – verringern Sie sie oder decken Sie den Rest anders."
    ]


def _deckung_2022(data: Path) -> int:
    lines = (data / VORLAGE).read_text(encoding="utf-8").splitlines()
    start = line_of(data / VORLAGE, "  deckung:")
    return next(n for n, text in enumerate(lines, start=1) if n > start and "2022: uebersicht" in text)


def test_a_booking_is_not_negative(offen):
    buchen(offen, "2021-07-01", -5)
    assert problems_of(offen) == [f"{at(offen, H2022, 'betrag: -5')}: Eine Buchung ist nicht negativ (−5{NBSP}€)."]


# --- open until publishing --------------------------------------------------------------------------------------------


@pytest.mark.langsam  # builds whole repositories
def test_an_open_threshold_and_gremium_print_noch_offen_and_keep_the_mappe_back(offen, tmp_path, capsys):
    for h in (H2021, H2022):
        edit(offen / h, "erheblich: 600000\nentscheidet: KT\n", "")
    a = prepare(offen).rechnungen["2021-0123"].haushalt
    assert ("Erheblichkeitsgrenze 2021", "haushalt/2021.yaml: „erheblich“") in a.offen
    code, out, _ = run(capsys, "--data", str(offen), "pruefen", "--ohne-satz")
    assert code == 0
    assert "Erheblichkeitsgrenze 2021" in out and "Erheblichkeitsgrenze 2022" in out
    code, _, err = run(capsys, "--data", str(offen), "--out", str(tmp_path / "out"), "sitzung", "KA-2021-06-21")
    assert code == 1
    assert "aber noch offen sind" in err and "Erheblichkeitsgrenze 2021" in err


def test_the_shortfall_is_a_figure_with_erwartet_and_a_herleitung(offen, capsys):
    mehrbedarf = je_jahr(EIGENANTEILE)[2022] - (1310000 - 1310000)
    edit(
        offen / VORLAGE,
        "finanzielle_auswirkungen:\n",
        f'zahlen:\n  - {{id: fehlbetrag, formel: haushalt.mehrbedarf.2022, einheit: "€", erwartet: {mehrbedarf + 1}}}\n'
        "finanzielle_auswirkungen:\n",
    )
    assert problems_of(offen)[0].endswith(
        f"Zahl „fehlbetrag“: berechnet {euro(mehrbedarf)}, erwartet {euro(mehrbedarf + 1)} – prüfen Sie den erwarteten "
        "Wert und die Formel."
    )


# --- a Deckung from a line of a circle another Vorlage draws on -------------------------------------------------------


ZWEITE = Path("vorlagen/zweite-2009/vorlage.yaml")


def test_a_deckung_from_a_line_of_a_circle_counts_against_the_circle(lohne):
    """The circle 650 is overrun by the first Vorlage: its free Ansätze (195.000 €) are all drawn on. A second
    Vorlage's Einsparung at one of its lines (880.650: 3.000 € free as a line) takes money the circle no longer
    has – together they are more than the circle holds."""
    edit(
        lohne / L2009,
        '  - {konto: "880.650"',
        '  - {konto: "999.000", bezeichnung: Sonstiges, ansatz: 0}\n  - {konto: "880.650"',
    )
    (lohne / ZWEITE).parent.mkdir()
    (lohne / ZWEITE).write_text(
        "oeffentlich: true\nbetreff: Außerplanmäßige Ausgabe\nberatungsfolge:\n  - {gremium: Rat, rolle: Entscheidung}\n"
        'zahlen:\n  - {id: ausgabe, formel: "3000", einheit: "€"}\n'
        'finanzielle_auswirkungen:\n  positionen:\n    - {konto: "999.000", jahre: {2009: ausgabe}}\n'
        '  deckung:\n    - {art: Einsparung, konto: "880.650", jahre: {2009: ausgabe}}\n',
        encoding="utf-8",
    )
    ansaetze = 10000 + 35000 + 13000 + 70000 + 5000 + 45000 + 5000 + 6000 + 3000 + 3000  # the circle's lines
    einsparung = 3000

    def meldung(diese: int, andere: str, dort: int) -> str:
        return (
            f"Deckungskreis Nr. 650 (2009) reicht nicht für alle Vorlagen, die dort Mittel beanspruchen: diese Vorlage "
            f"{euro(diese)}, Vorlage ohne Nummer (Ordner {andere}) {euro(dort)} – zusammen {euro(ansaetze + einsparung)}, "
            f"verfügbar {euro(ansaetze)} (Ansätze {euro(ansaetze)} − gebunden 0{NBSP}€). Offene Vorlagen zählen "
            "zusammen, bis eine entscheidende Beratung sie erledigt hat und die Kämmerei den Betrag unter „buchungen“ "
            "bindet: stimmen Sie die Beträge mit der Kämmerei ab."
        )

    assert problems_of(lohne) == [
        f"{at(lohne, LOHNE_650, 'ausgaben-000-650}')}: {meldung(ansaetze, 'zweite-2009', einsparung)}",
        f"{at(lohne, ZWEITE, 'art: Einsparung')}: {meldung(einsparung, 'deckungskreis-650-2009', ansaetze)}",
    ]
    # with room in the circle (the first Vorlage spends within its Ansätze) the Einsparung is a Deckung like any
    edit(lohne / LOHNE_650, 'formel: "38633,58"', 'formel: "30000"')
    edit(lohne / LOHNE_650, 'erwartet: "198871,65"', 'erwartet: "190238,07"')
    edit(lohne / LOHNE_650, 'erwartet: "3871,65"', "erwartet: 0")
    assert not [p for p in problems_of(lohne) if "reicht nicht für alle Vorlagen" in p]


def test_a_result_dated_before_the_vorlage_is_an_error_never_a_decision(offen):
    """A Beratung without a Sitzung file, dated years back, would settle 2021/0123 (dated 27.05.2021) and skip its
    budget checks."""
    edit(
        offen / VORLAGE,
        "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {gremium: KT, rolle: Entscheidung, datum: 2019-01-10, "
        "ergebnis: ungeändert beschlossen}",
    )
    assert problems_of(offen) == [
        f"{at(offen, VORLAGE, 'datum: 2019-01-10')}: Hier steht das Ergebnis „ungeändert beschlossen“ vom 10.01.2019, "
        "aber die Vorlage ist vom 27.05.2021 – beraten wird eine Vorlage erst, wenn es sie gibt: prüfen Sie den Tag der "
        "Beratung und das Datum der Vorlage."
    ]


def test_the_deckung_is_a_figure_with_erwartet(offen):
    einsparung = je_jahr(EIGENANTEILE)[2022]  # the Einsparung 2022 at 05.02.01 covers the Mehrbedarf
    edit(
        offen / VORLAGE,
        "finanzielle_auswirkungen:\n",
        f'zahlen:\n  - {{id: gedeckt, formel: haushalt.deckung.2022, einheit: "€", erwartet: {einsparung + 1}}}\n'
        "finanzielle_auswirkungen:\n",
    )
    assert problems_of(offen) == [
        f"{at(offen, VORLAGE, 'id: gedeckt')}: Zahl „gedeckt“: berechnet {euro(einsparung)}, erwartet "
        f"{euro(einsparung + 1)} – prüfen Sie den erwarteten Wert und die Formel."
    ]


def test_an_open_threshold_keeps_the_vorlage_out_of_oparl(offen, tmp_path, capsys):
    """Open facts print and build; the OParl endpoint, like the Mappe, waits for them."""
    for h in (H2021, H2022):
        edit(offen / h, "erheblich: 600000\n", "")
    zeichnen = ["zeichnen", "2021/0123", "--rolle", "Kämmerei", "--name", "Erika Mustermann", "--datum", "2021-05-28"]
    assert run(capsys, "--data", str(offen), *zeichnen)[0] == 0  # what it prints now, „noch offen“ included
    out = tmp_path / "out"
    code, gesagt, err = run(capsys, "--data", str(offen), "--out", str(out))
    assert code == 0, err
    assert (out / "vorlagen/2021-0123/2021-0123.pdf").is_file()
    assert not (out / "oparl/paper/2021-0123.json").exists()
    assert (out / "oparl/meeting").is_dir()  # the endpoint is built, without this Vorlage
    assert (
        f"{at(offen, VORLAGE, 'nummer:').rsplit(':', 1)[0]}: Die Vorlage 2021/0123 nennt noch nicht alles, was die "
        "Veröffentlichung braucht (Erheblichkeitsgrenze 2021, Erheblichkeitsgrenze 2022) – die OParl-Schnittstelle "
        "veröffentlicht sie erst dann."
    ) in " ".join(gesagt.split())
