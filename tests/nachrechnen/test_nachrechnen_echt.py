"""The corpus of real council papers (tests/korpus_nachrechnen_echt, issue 60): well-formed, worked by hand with
exact fractions, split before any tuning – and, in the slow tier, today's `nachrechnen` measured against it.

The measurement asserts what the second tuning reached (README „Nach der zweiten Einstellung“): no false alarm, and
recognised calculations and found slips that may only rise."""

from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction

import pytest

from tests.hilfen import korpus_echt as k

SORTEN = {"apl", "nachtrag", "haushalt", "stellenplan", "foerderung", "kosten"}
ALT = k.KORPUS.parent / "korpus_nachrechnen"


def _rechnungen(namen=None):
    for name in k.dokumente() + k.zusatz() if namen is None else namen:
        for rechnung in k.manifest(name)["rechnungen"]:
            yield name, rechnung


def _adressen_des_ersten_korpus() -> set[str]:
    return {a for p in ALT.glob("*.yaml") for a in re.findall(r"https?://[^\s\"']+", p.read_text(encoding="utf-8"))}


def test_sixty_papers_from_many_laender_each_with_its_text():
    namen = k.dokumente()
    laender = {k.manifest(n)["land"] for n in namen} - {"nicht ermittelt"}
    assert len(namen) >= 60 and len(laender) >= 12
    assert sorted(p.stem for p in k.KORPUS.glob("*.txt")) == namen


def test_every_manifest_names_its_source_body_and_part():
    for name in k.dokumente():
        daten = k.manifest(name)
        assert daten["quelle"]["adresse"].startswith("http") and daten["quelle"]["titel"], name
        assert daten["koerperschaft"] and daten["land"] and daten["dokument"], name
        assert daten["sorte"] in SORTEN and daten["teil"] in k.TEILE, name
        assert isinstance(daten["rechnungen"], list), name


def test_every_result_stands_on_its_line():
    for name, r in _rechnungen():
        zeilen = k.zeilen(name)
        assert 1 <= r["zeile"] <= len(zeilen) and r["ergebnis"] in zeilen[r["zeile"] - 1], (name, r["zeile"])
        assert all(1 <= z <= len(zeilen) for z in r.get("auch_zeilen", [])), name
        assert r["status"] in ("stimmt", "fehler") and r["art"] and "=" in r["rechnung"], name


def test_no_paper_of_the_first_corpus_comes_again():
    alt = _adressen_des_ersten_korpus()
    assert len(alt) >= 50
    neu = [k.manifest(n)["quelle"]["adresse"] for n in k.dokumente()]
    assert not alt & set(neu) and len(set(neu)) == len(neu)


def test_the_added_papers_are_real_new_and_no_held_out_paper_comes_again():
    """The papers added for development (README „Der Zusatz“): well-formed, part `zusatz`, sources found in neither
    corpus – above all none of the held-out part, which must stay unread."""
    alt = _adressen_des_ersten_korpus()
    echt = {k.manifest(n)["quelle"]["adresse"] for n in k.dokumente()}
    zusatz = [k.manifest(n) for n in k.zusatz()]
    adressen = [daten["quelle"]["adresse"] for daten in zusatz]
    assert not (alt | echt) & set(adressen) and len(set(adressen)) == len(adressen)
    assert sorted(f"{k.ZUSATZ}/{p.stem}" for p in (k.KORPUS / k.ZUSATZ).glob("*.txt")) == k.zusatz()
    for name, daten in zip(k.zusatz(), zusatz, strict=True):
        assert daten["quelle"]["adresse"].startswith("http") and daten["koerperschaft"], name
        assert daten["sorte"] in SORTEN and daten["teil"] == k.ZUSATZ, name


# A paper of a body whose paper stands in the held-out part would teach that body's page and its forms: the held-out
# part would rise for that, not for reading papers nobody has seen (README „Der Zusatz“). f08 came before this rule.
VOR_DER_REGEL = {f"{k.ZUSATZ}/f08_wermelskirchen_eigenanteil_30"}
_ART = re.compile(r"^(?:stadt|gemeinde|landkreis|kreis|amt|samtgemeinde|ortsgemeinde|verbandsgemeinde|markt)\s+")


def _koerperschaft(name: str) -> str:
    """The body's name without its kind and what stands in brackets; empty where the paper does not name it."""
    koerperschaft = _ART.sub("", k.manifest(name)["koerperschaft"].split("(")[0].strip().lower())
    return "" if koerperschaft.startswith(("nicht ermittelt", "im ", "in ")) else koerperschaft


def test_no_added_paper_comes_from_a_body_of_the_held_out_part():
    gesperrt = {_koerperschaft(n) for n, teil in k.teilung().items() if teil == "pruefung"} - {""}
    assert [n for n in k.zusatz() if _koerperschaft(n) in gesperrt and n not in VOR_DER_REGEL] == []


def test_every_calculation_worked_by_hand_gives_its_status_and_the_right_figure():
    for name, r in _rechnungen():
        assert k.einstufung(r) == r["status"], (name, r["rechnung"])
        if r["status"] == "fehler":
            wert, _, _ = k.nachrechnen(r["rechnung"])
            richtig = r["richtig"]
            assert k.nachrechnen(f"{r['rechnung'].rpartition('=')[0]} = {richtig}")[2], (name, richtig)
            assert wert != 0 and richtig, name


def test_an_ambiguous_calculation_lists_readings_that_can_be_worked():
    mehrdeutig = [(n, r) for n, r in _rechnungen() if r.get("mehrdeutig")]
    assert mehrdeutig
    for name, r in mehrdeutig:
        assert len(r["lesarten"]) >= 2 and r["rechnung"] in r["lesarten"], name
        for lesart in r["lesarten"]:
            k.nachrechnen(lesart, r.get("toleranz"))


def test_the_hand_calculation_is_exact_and_rounds_to_the_typed_decimals():
    assert k.nachrechnen("1.000.000,00 / 3 = 333.333,33") == (Fraction(1_000_000, 3), Fraction("333333.33"), True)
    assert k.nachrechnen("8.579,96 / 3 = 2.859,98")[2] is False  # 2.859,9866… rounds to ,99
    assert k.nachrechnen("8.579,96 / 3 = 2.859,98", "0,01")[2] is True
    assert k.nachrechnen("24,41 − 24,36 = 0,05")[2] and k.nachrechnen("40,00 / 50,00 = 80 %")[2]
    assert k.nachrechnen("−1.861.500 € − 540.000 € = - 2.401.500 €")[2]
    assert not k.nachrechnen("146.000 EUR + 246.300 EUR = 391.300 EUR")[2]


def test_the_split_is_the_seeded_draw_half_each_within_every_kind():
    teilung = k.teilung()
    assert {n: k.manifest(n)["teil"] for n in k.dokumente()} == teilung
    je_sorte = Counter((k.manifest(n)["sorte"], t) for n, t in teilung.items())
    for sorte in SORTEN:
        assert abs(je_sorte[(sorte, "entwicklung")] - je_sorte[(sorte, "pruefung")]) <= 1, sorte
    assert abs(Counter(teilung.values())["entwicklung"] - len(teilung) / 2) <= 1
    assert str(k.SEED) in (k.KORPUS / "README.md").read_text(encoding="utf-8")


def test_the_measurement_counts_found_slips_recognised_calculations_and_false_alarms():
    """Fürstenwalde (Z. 4: 146.000 + 246.300 typed as 391.300) with made-up reports."""
    name = "21_fuerstenwalde_upl"
    teil = k.manifest(name)["teil"]

    def befund(zeile, status, getippt):
        return {"zeile": zeile, "status": status, "werte": {"getippt": getippt}}

    gefunden = k.messen({name: {"befunde": [befund(4, "Fehler", "391300"), befund(3, "Fehler", "40000")]}})[teil]
    assert (gefunden["fehler"], gefunden["gefunden"], gefunden["erkannt"], gefunden["fehlalarme"]) == (1, 1, 1, 1)
    verfehlt = k.messen({name: {"befunde": [befund(5, "Fehler", "391300")]}})[teil]
    assert (verfehlt["gefunden"], verfehlt["erkannt"], verfehlt["fehlalarme"]) == (0, 0, 1)
    zweifel = k.messen({name: {"befunde": [befund(4, "nicht eindeutig", "391300")]}})[teil]
    assert (zweifel["gefunden"], zweifel["zweifel"], zweifel["fehlalarme"]) == (0, 1, 0)


def test_a_result_typed_with_spaces_between_the_thousands_is_matched_by_its_value():
    """The press writes „84 000 Euro“ (l04): a finding that reports 160000 is the manifest's „160 000 Euro“ – read as
    160 it was counted as missed."""
    name = "zusatz/l04_schopfheim_kitagebuehren_erlass"
    (rechnung,) = [r for r in k.manifest(name)["rechnungen"] if r["art"] == "summe"]
    assert rechnung["ergebnis"] == "160 000 Euro" and k.zahl("84.000") + k.zahl("76.000") == 160_000
    teil = k.manifest(name)["teil"]
    befund = {"zeile": rechnung["zeile"], "status": "stimmt", "werte": {"getippt": "160000"}}
    assert k.messen({name: {"befunde": [befund]}})[teil]["erkannt"] == 1
    assert k.messen({name: {"befunde": [befund | {"werte": {"getippt": "160"}}]}})[teil]["erkannt"] == 0


# Measured after the search over the amounts around a figure (issue 60; README „Die Suche in der Umgebung“): per
# part the calculations recognised and the slips found (FEHLER) may only rise; false alarms stay at none. (Once
# lowered, 1325 -> 1324 in the Zusatz: n08's „1.297.900 = 11.860.300 − 10.562.400“ had been found by the search at
# its Fehlbetrag row only because a Saldo reading by the order of the figures, wrong and lost to another, held
# 11.860.300; read from the right the Saldo is right, and the search checks the same equation with its result
# named in the row of the Aufwendungen – the measure counts it by the line of its result.)
MINDESTENS = {
    "entwicklung": {"erkannt": 61, "gefunden": 5},
    "pruefung": {"erkannt": 66, "gefunden": 2},
    k.ZUSATZ: {"erkannt": 1324, "gefunden": 27},
}


@pytest.mark.langsam  # runs the command once on the 300 papers (about fifteen seconds)
def test_todays_nachrechnen_measured_on_every_paper(capsys):
    """Runs `nachrechnen --json` on every paper and reports per part: no false alarm in either part, and no fewer
    calculations recognised and slips found than measured after the search over the surroundings (the added
    papers too)."""
    zahlen = k.messen(k.berichte(k.dokumente() + k.zusatz()))
    rechnungen = Counter(k.manifest(n)["teil"] for n, _ in _rechnungen())
    for teil in k.TEILE:
        z = zahlen[teil]
        assert z["rechnungen"] == rechnungen[teil] and z["dokumente"] == 30
        assert z["erkannt"] <= z["rechnungen"] and z["gefunden"] + z["zweifel"] <= z["fehler"] + z["zweifel"]
    with capsys.disabled():
        print("\n" + k.tabelle(zahlen))
    for teil in (*k.TEILE, k.ZUSATZ):
        z = zahlen[teil]
        assert z["fehlalarme"] == 0, teil
        assert z["erkannt"] >= MINDESTENS[teil]["erkannt"] and z["gefunden"] >= MINDESTENS[teil]["gefunden"], teil
