"""The Land is a fact of the Körperschaft: it picks the legal basis and the Land's rules; no default, no NRW law
elsewhere. The Land table (vorlagen/load/laender.yaml) is data the program uses, and the handbook shows it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hilfen import ROOT, composed, copy_data, edit, line_of, problems_of, vor_dem_beschluss
from vorlagen.cli import main
from vorlagen.compute.project import prepare
from vorlagen.load.land import laender, land_von
from vorlagen.render.document import Composer

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
NIEDERSCHRIFT = Path("sitzungen/KA-2021-06-21/niederschrift.yaml")
FLAECHENLAENDER = {
    "Baden-Württemberg",
    "Bayern",
    "Brandenburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
}


def setze_land(data: Path, land: str | None) -> None:
    """The example's `land:` line replaced (None: removed)."""
    text = (data / "koerperschaft.yaml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("land:"))
    edit(data / "koerperschaft.yaml", line + "\n", f"land: {land}\n" if land else "")


def ohne_deckung(data: Path) -> None:
    """2021/0123 before its decision and without its Deckung: the budget law has something to say."""
    vor_dem_beschluss(data)
    text = (data / VORLAGE).read_text(encoding="utf-8")
    block = text[text.index("  deckung:\n") : text.index("  dauer:")]
    edit(data / VORLAGE, block, "")


def test_the_table_holds_the_thirteen_flaechenlaender_with_every_rule():
    assert set(laender()) == FLAECHENLAENDER
    for land in laender().values():
        for feld in ("gesetz", "ueberplanmaessig", "verpflichtungsermaechtigung", "vertretung", "entscheidung"):
            assert getattr(land, feld).strip(), (land.name, feld)
        assert re.search(r"(§|Art\.) \d+", land.ueberplanmaessig), land.name
        assert land.belege.strip()


def test_only_nrw_cites_the_go_nrw():
    for land in laender().values():
        texte = [land.ueberplanmaessig, land.verpflichtungsermaechtigung, land.kreise or ""]
        assert any("NRW" in t for t in texte) == (land.name == "Nordrhein-Westfalen"), land.name


@pytest.mark.parametrize(
    "text, name",
    [("NRW", "Nordrhein-Westfalen"), ("nrw", "Nordrhein-Westfalen"), ("BW", "Baden-Württemberg"), ("Bayern", "Bayern")],
)
def test_a_land_is_named_by_its_name_or_abbreviation(text, name):
    found = land_von(text)
    assert found is not None and found.name == name


def test_the_example_names_nrw_and_keeps_the_legal_basis_it_printed():
    text = (ROOT / "data/koerperschaft.yaml").read_text(encoding="utf-8")
    assert re.search(r"^land: NRW\b", text, re.M)
    assert land_von("NRW").ueberplanmaessig == "§ 83 GO NRW"


def test_an_unknown_land_is_refused_with_the_names_that_exist(data):
    setze_land(data, "Bayer")
    where = f"data/koerperschaft.yaml:{line_of(data / 'koerperschaft.yaml', 'land:')}"
    (found,) = problems_of(data)
    assert found.startswith(
        f"{where}: „land“: „Bayer“ ist keines der 13 Flächenländer – meinten Sie „Bayern“? Möglich sind die Namen ("
    )
    assert "Stadtstaaten haben keine Gemeindeordnung" in found


def test_a_body_without_land_gets_a_message_not_a_default(data):
    setze_land(data, None)
    ohne_deckung(data)
    found = problems_of(data)
    assert found[0] == (
        "data/koerperschaft.yaml:2: Die Körperschaft nennt kein Land, aber Vorlage 2021/0123 rechnet ihre "
        "finanziellen Auswirkungen aus dem Haushalt – welche Vorschrift gilt und wer erheblichen Beträgen zustimmt, "
        "hängt vom Land ab: tragen Sie in koerperschaft.yaml z. B. „land: NRW“ ein (oder Ihr Land) oder nennen Sie "
        "Ihre Vorschrift unter „hausstil: finanzen: rechtsgrundlage“."
    )
    assert not any("GO NRW" in p for p in found)


def test_a_body_outside_nrw_never_sees_nrw_law(data, tmp_path):
    setze_land(data, "Baden-Württemberg")
    ohne_deckung(data)
    found = problems_of(data)
    assert len(found) == 2 and all("nach § 84 GemO muss sie gewährleistet sein" in p for p in found)
    assert not any("NRW" in p for p in found)


@pytest.mark.langsam  # builds whole repositories
def test_the_printed_block_and_the_sign_off_reason_use_the_lands_law(data, tmp_path, capsys):
    setze_land(data, "Niedersachsen")
    out = tmp_path / "out"
    assert main(["--data", str(data), "--out", str(out)]) == 0
    text = " ".join((out / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").split())
    assert "Überplanmäßige Bereitstellung 2021 nach § 117 NKomVG" in text and "NRW" not in text
    capsys.readouterr()
    assert main(["--data", str(data), "pruefen", "--ohne-satz", "--stichtag", "2021-01-01"]) in (0, 1)
    out_text = capsys.readouterr().out
    assert "GO NRW" not in out_text and "des Kämmerers" not in out_text


def test_the_hausstils_legal_basis_still_overrides_the_lands(data):
    setze_land(data, "Baden-Württemberg")
    ohne_deckung(data)
    edit(data / "koerperschaft.yaml", "hausstil:\n", "hausstil:\n  finanzen:\n    rechtsgrundlage: § 84 Abs. 1 GemO\n")
    found = problems_of(data)
    assert len(found) == 2 and all("nach § 84 Abs. 1 GemO muss sie gewährleistet sein" in p for p in found)


def test_the_handbook_shows_the_table_the_program_uses():
    page = (ROOT / "docs/anleitungen/haushalt.md").read_text(encoding="utf-8")
    for land in laender().values():
        zeile = next((z for z in page.splitlines() if z.startswith(f"| {land.name} |")), None)
        assert zeile is not None, land.name
        zellen = [z.strip() for z in zeile.strip("|").split("|")]
        erwartet = [
            ("ueberplanmaessig", land.ueberplanmaessig),
            ("verpflichtungsermaechtigung", land.verpflichtungsermaechtigung),
            ("vertretung", land.vertretung),
            ("entscheidung", land.entscheidung),
            ("ergebnisplan", f"{land.ergebnisplan} / {land.finanzplan}"),
        ]
        for zelle, (feld, wert) in zip(zellen[1:], erwartet):
            assert zelle == wert + (" *" if feld in land.unsicher else ""), (land.name, feld)


def test_a_verpflichtungsermaechtigung_in_baden_wuerttemberg_cites_86_abs_5_gemo(tmp_path):
    """Über- and außerplanmäßige Verpflichtungsermächtigungen in Baden-Württemberg: „gemäß § 86 Abs. 5 GemO“ (the
    Hauptsatzung of the Landkreis Reutlingen, KT-Drucksache VIII-0280). The Fürstenwalde VE, given to a BW body."""
    import shutil

    from vorlagen.compute.project import prepare
    from vorlagen.render.document import Composer

    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "fuerstenwalde", data)
    edit(data / "koerperschaft.yaml", "land: Brandenburg\n", "land: BW\n")
    doc = next(d for d in Composer(prepare(data)).compose_all() if d.source.slug == "ve-domumfeld")
    text = " ".join(doc.text.split())
    assert "Außerplanmäßige Verpflichtungsermächtigung im Haushaltsjahr 2017 nach § 86 Abs. 5 GemO" in text
    assert "BbgKVerf" not in text and "NRW" not in text
    assert "verpflichtungsermaechtigung" not in laender()["Baden-Württemberg"].unsicher


FUERSTENWALDE = ROOT / "tests" / "fixtures" / "fuerstenwalde"
VE_OHNE_LAND = (
    "data/koerperschaft.yaml:5: Die Körperschaft nennt kein Land, aber Vorlage ohne Nummer (Ordner ve-domumfeld) "
    "beantragt eine Verpflichtungsermächtigung – nach welcher Vorschrift, hängt vom Land ab: tragen Sie in koerperschaft.yaml z. B. "
    "„land: NRW“ ein (oder Ihr Land) oder nennen Sie die Vorschrift unter „hausstil: finanzen: "
    "verpflichtungsermaechtigung“."
)


def ohne_land_mit(tmp_path: Path, finanzen: str) -> Path:
    """Fürstenwalde (an außerplanmäßige VE) without `land:`, with the Hausstil's own `finanzen`."""
    data = copy_data(FUERSTENWALDE, tmp_path)
    edit(data / "koerperschaft.yaml", "land: Brandenburg\nhausstil:\n", f"hausstil:\n  finanzen: {finanzen}\n")
    return data


def test_a_ve_without_land_needs_its_own_legal_basis(tmp_path):
    """Issue 34, probe F3: with `rechtsgrundlage` alone (what the „kein Land“ message proposes) the VE printed
    „nach dem Haushaltsrecht Ihres Landes“ – a sentence addressed to the reader, in the document."""
    data = ohne_land_mit(tmp_path, '{rechtsgrundlage: "§ 999 TestO"}')
    assert problems_of(data) == [VE_OHNE_LAND]


def test_without_land_and_any_legal_basis_both_are_named_at_once(tmp_path):
    data = ohne_land_mit(tmp_path, "{cent: false}")
    found = problems_of(data)
    assert VE_OHNE_LAND in found
    assert any(p.endswith("nennen Sie Ihre Vorschrift unter „hausstil: finanzen: rechtsgrundlage“.") for p in found)


def test_the_ves_own_legal_basis_is_printed(tmp_path):
    data = ohne_land_mit(tmp_path, '{rechtsgrundlage: "§ 999 TestO", verpflichtungsermaechtigung: "§ 998 TestO"}')
    project = prepare(data)
    doc = next(iter(Composer(project).compose_all()))
    text = " ".join(doc.text.split())
    assert "Verpflichtungsermächtigung im Haushaltsjahr 2017 nach § 998 TestO" in text
    assert "Ihres Landes" not in text


def hinweise_zum_landesrecht(data: Path, capsys) -> list[str]:
    capsys.readouterr()
    main(["--data", str(data), "pruefen", "--ohne-satz"])
    out = capsys.readouterr().out
    if "Hinweise zum Landesrecht:" not in out:
        return []
    block = out.split("Hinweise zum Landesrecht:\n", 1)[1].split("\n\n", 1)[0]
    return [zeile.strip() for zeile in block.splitlines()]


def test_pruefen_names_an_uncertain_entry_a_vorlage_prints_brandenburg(tmp_path, capsys):
    """Issue 34, probe F4: the handbook promised the hint, but `Land.sicher()` was never called."""
    data = copy_data(FUERSTENWALDE, tmp_path)
    assert hinweise_zum_landesrecht(data, capsys) == [
        "„§ 72 BbgKVerf“ (Vorschrift über Verpflichtungsermächtigungen, Brandenburg) ist in der Ländertabelle nicht "
        "sicher belegt, und Vorlage ohne Nummer (Ordner ve-domumfeld) nennt es – prüfen Sie es an der geltenden "
        "Fassung: Kommunalverfassung des Landes Brandenburg (BbgKVerf); steht dort anderes, nennen Sie Ihre Vorschrift "
        "unter „hausstil: finanzen: verpflichtungsermaechtigung“."
    ]
    edit(
        data / "koerperschaft.yaml",
        "hausstil:\n",
        "hausstil:\n  finanzen: {verpflichtungsermaechtigung: § 72 BbgKVerf}\n",
    )
    assert hinweise_zum_landesrecht(data, capsys) == []  # the body stated its own: nothing uncertain is printed


def test_pruefen_names_an_uncertain_entry_a_vorlage_prints_bayern(data, capsys):
    setze_land(data, "Bayern")
    assert hinweise_zum_landesrecht(data, capsys) == [
        "„die Entscheidung des ersten Bürgermeisters“ (wer über Beträge unter der Erheblichkeitsgrenze entscheidet, "
        "Bayern) ist in der Ländertabelle nicht sicher belegt, und Vorlage 2021/0123 nennt es – prüfen Sie es an der "
        "geltenden Fassung: Gemeindeordnung für den Freistaat Bayern (GO); steht dort anderes, nennen Sie Ihre Angabe "
        "unter „hausstil: finanzen: entscheidung“."
    ]
    # the body states its own: the hint goes, and the sign-off reason says what the body wrote
    edit(
        data / "koerperschaft.yaml",
        "hausstil:\n",
        "hausstil:\n  finanzen: {entscheidung: die Entscheidung des Oberbürgermeisters}\n",
    )
    assert hinweise_zum_landesrecht(data, capsys) == []
    setze_land(data, "NRW")  # every entry of NRW is certain
    assert hinweise_zum_landesrecht(data, capsys) == []


def test_pruefen_names_the_uncertain_word_for_the_finanzplan(tmp_path, capsys):
    """Mainz (a Finanzplan position, an außerplanmäßige VE) as if it were in Schleswig-Holstein, whose VE law and
    word for the Finanzplan are marked unsicher; who decides stays unnamed while the Erheblichkeitsgrenze is open."""
    data = copy_data(ROOT / "tests" / "fixtures" / "mainz", tmp_path)
    edit(data / "koerperschaft.yaml", "land: RP\n", "land: Schleswig-Holstein\n")
    hinweise = hinweise_zum_landesrecht(data, capsys)
    assert [h.split(" ist in der Ländertabelle")[0] for h in hinweise] == [
        "„§ 84 GO“ (Vorschrift über Verpflichtungsermächtigungen, Schleswig-Holstein)",
        "„Finanzplan“ (das Wort des Landes für den Finanzplan, Schleswig-Holstein)",
    ]
    assert hinweise[1].endswith(
        "Vorlage ohne Nummer (Ordner praeparation) nennt es – prüfen Sie es an der geltenden Fassung: Gemeindeordnung "
        "für Schleswig-Holstein (GO); steht dort anderes, nennen Sie Ihre Angabe unter „hausstil: finanzen: "
        "finanzplan“."
    )
    # the body's own word: printed, and no hint left for it
    edit(data / "koerperschaft.yaml", "hausstil:\n", "hausstil:\n  finanzen: {finanzplan: Finanzhaushalt}\n")
    assert [h.split(" ist in der Ländertabelle")[0] for h in hinweise_zum_landesrecht(data, capsys)] == [
        "„§ 84 GO“ (Vorschrift über Verpflichtungsermächtigungen, Schleswig-Holstein)"
    ]
    project = prepare(data)
    [source] = project.facts.vorlagen
    assert "Finanzhaushalt" in Composer(project).compose(source).text


@pytest.mark.parametrize(
    "text, stadtstaat", [("Berlin", "Berlin"), ("HH", "Hamburg"), ("freie  hansestadt Bremen", "Bremen")]
)
def test_a_stadtstaat_is_told_to_name_its_law_not_offered_a_flaechenland(data, text, stadtstaat):
    """Probe F9: „Berlin“ was answered with „meinten Sie „Bayern“?“."""
    setze_land(data, text)
    where = f"data/koerperschaft.yaml:{line_of(data / 'koerperschaft.yaml', 'land:')}"
    assert problems_of(data) == [
        f"{where}: „land“: {stadtstaat} ist ein Stadtstaat – für ihn hat die Ländertabelle keine Gemeindeordnung, aus "
        "der sich die Vorschriften ergeben: entfernen Sie die Zeile „land“ und nennen Sie die Vorschriften selbst "
        "unter „hausstil: finanzen: rechtsgrundlage“ (über- und außerplanmäßige Ausgaben) und, wenn eine Vorlage eine "
        "Verpflichtungsermächtigung nennt, „hausstil: finanzen: verpflichtungsermaechtigung“."
    ]


def test_a_stadtstaat_that_follows_the_message_builds_with_its_own_law(data):
    setze_land(data, None)
    edit(data / "koerperschaft.yaml", "hausstil:\n", 'hausstil:\n  finanzen: {rechtsgrundlage: "§ 37 LHO"}\n')
    text = " ".join(composed(data, "2021/0123").text.split())
    assert "nach § 37 LHO" in text and "NRW" not in text
