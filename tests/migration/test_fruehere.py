"""Repositories of every earlier format reach this one (issue 43): each of tests/fixtures/fruehere was written for an
earlier version and built by it; its output there (`ausgabe/`, the text renditions) is the oracle. `aktualisieren`
rewrites what that version accepted and this one refuses, and proves every printed figure against that output."""

from __future__ import annotations

import os
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from tests.hilfen import ROOT, altfassung
from tests.referenz.rechnen import gerade, zahl
from vorlagen import __version__
from vorlagen.cli import main
from vorlagen.core.problems import Paths
from vorlagen.migration.gedruckt import compare, renditions
from vorlagen.migration.umschreibregeln import umschreiben

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

FRUEHERE = ROOT / "tests" / "fixtures" / "fruehere"
FASSUNGEN = sorted(p.name for p in FRUEHERE.iterdir() if (p / "data").is_dir())
PROGRAMM = {  # the version each was written for
    "0.2.0-rhein-sieg": "567db1f",
    "fd72533-erlenbruch": "fd72533",
    # written by the adversarial tester of issue 43 from real Vorlagen, not tailored to the migration
    "0.2.0-lauterbach": "567db1f",
    "0e130cf-wiesental": "0e130cf",
    "b15efc8-nienburg": "b15efc8",
    "07ed7c0-rheine": "07ed7c0",
    "0.3.0-oberaudorf": "6a509e8",
    "0.3.1-borken": "b64f68a",
    "0.3.2-reutlingen": "a9051f3",
}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def kopie(name: str, tmp_path: Path) -> Path:
    """A writable copy of the fixture's data folder."""
    data = tmp_path / name / "data"
    shutil.copytree(FRUEHERE / name / "data", data)
    os.chdir(data.parent)  # the repository the commands run from (undone with the fixture's chdir)
    return data


def texte(out: Path) -> dict[str, str]:
    found, problems = renditions(out, Paths(out.parent))
    assert problems == []
    return found


def test_every_earlier_format_has_a_fixture_with_the_output_of_its_version():
    assert set(FASSUNGEN) == set(PROGRAMM)
    for name in FASSUNGEN:
        assert texte(FRUEHERE / name / "ausgabe"), name


# --- a text that computes becomes a named figure ----------------------------------------------------------------


def test_a_computing_text_quotes_a_named_figure_with_the_unit_and_rounding_of_its_filter(tmp_path):
    data = kopie("fd72533-erlenbruch", tmp_path)
    q = umschreiben(data)
    assert q.offen == []
    text = (data / "vorlagen" / "2024-0057" / "sachverhalt.md").read_text(encoding="utf-8")
    assert '{{ zahlen["radweg-foerderfaehig-minus-zuwendung"] }} beim Kreis' in text
    assert 'Eigenmittel sind {{ zahlen["radweg-eigenmittel-durch-1000"] }} Tausend Euro' in text
    assert '{{ zahlen["mobilstation-bund-plus-land"] }}.' in text
    assert "| eur" not in text.split("## Was der Kreis trägt")[1]
    yaml = (data / "vorlagen" / "2024-0057" / "vorlage.yaml").read_text(encoding="utf-8")
    assert (
        "\nzahlen:\n"
        "  - id: radweg-foerderfaehig-minus-zuwendung\n"
        '    formel: "finanzierung.radweg.foerderfaehig - finanzierung.radweg.zuwendung"\n'
        '    einheit: "€"\n'
        "    rundung: cent\n"
        "    runden: am_ende\n"
        # a plain number printed from an amount: the amount is divided by an amount, not by a number
        "  - id: betrag-1000\n"
        '    formel: "1000"\n'
        '    einheit: "€"\n'
        "    runden: am_ende\n"
        "  - id: radweg-eigenmittel-durch-1000\n"
        '    formel: "finanzierung.radweg.eigenmittel / betrag-1000"\n'
        '    einheit: "Anzahl"\n'
        "    runden: am_ende\n"
    ) in yaml
    # `| round` is a figure of its own, read as printed
    assert (
        "  - id: mobilstation-zuwendung-durch-2-mal-219-durch-gerundet\n"
        '    formel: "finanzierung.mobilstation.zuwendung / 2 * 219 / 10000"\n'
        '    einheit: "€"\n'
        "    rundung: euro\n"
        "    rundungsart: zur_geraden_ziffer\n"
        "    runden: am_ende\n"
        "  - id: mobilstation-zuwendung-durch-2-mal-219-durch\n"
        '    formel: "mobilstation-zuwendung-durch-2-mal-219-durch-gerundet * 2"\n'
        '    einheit: "€"\n'
        "    rundung: euro\n"
        "    runden: je_posten\n"
    ) in yaml
    # a number taken from an amount is an amount
    vergleich = (data / "vorlagen" / "2024-0063" / "vorlage.yaml").read_text(encoding="utf-8")
    assert 'formel: "finanzierung.personalaufwand.zeilen.brutto.differenz - betrag-1459814"' in vergleich


def test_a_computation_wrapped_over_two_lines_becomes_one_quoting_line(tmp_path):
    data = kopie("fd72533-erlenbruch", tmp_path)
    path = data / "vorlagen" / "2024-0057" / "sachverhalt.md"
    before = path.read_text(encoding="utf-8").splitlines()
    umschreiben(data)
    after = path.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before) - 1
    assert after[-1] == (
        'Für die Bauausführung allein bleiben dem Kreis {{ zahlen["radweg-bauausfuehrung-minus-land"] }} über der '
        "Förderung."
    )


def test_stellen_printed_as_a_plain_number_are_divided_by_one_stelle(tmp_path):
    data = kopie("fd72533-erlenbruch", tmp_path)
    umschreiben(data)
    yaml = (data / "vorlagen" / "2024-0063" / "vorlage.yaml").read_text(encoding="utf-8")
    assert (
        "  - id: stellen-2\n"
        '    formel: "2"\n'
        '    einheit: "VZÄ"\n'
        "    runden: am_ende\n"
        "  - id: stellen-1\n"
        '    formel: "1"\n'
        '    einheit: "VZÄ"\n'
        "    runden: am_ende\n"
        "  - id: stellen-gesamt-differenz-plus-2\n"
        '    formel: "(finanzierung.stellen.zeilen.gesamt.differenz + stellen-2) / stellen-1"\n'
        '    einheit: "Anzahl"\n'
    ) in yaml


def test_the_report_lists_each_rewritten_expression_and_each_new_figure_with_file_and_line(tmp_path):
    data = kopie("fd72533-erlenbruch", tmp_path)
    berichtet = [str(u) for u in umschreiben(data).umschreibungen]
    assert (
        'data/vorlagen/2024-0063/sachverhalt.md:16: „{{ (finanzierung["personalaufwand"].zeilen["brutto"].differenz '
        '- 1459814) | eur }}“ → „{{ zahlen["personalaufwand-brutto-differenz-minus-1459814"] }}“ – in Texten wird '
        "nicht mehr gerechnet: die Rechnung ist jetzt eine benannte Zahl unter „zahlen“ in vorlage.yaml, der Text "
        "zitiert sie"
    ) in berichtet
    zeile = next(u for u in berichtet if "id: personalaufwand-brutto-differenz-minus-1459814," in u)
    assert zeile.startswith("data/vorlagen/2024-0063/vorlage.yaml:37: neue Zeile „zahlen: - id: ")
    lines = (data / "vorlagen" / "2024-0063" / "vorlage.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[36] == "  - id: personalaufwand-brutto-differenz-minus-1459814"


@pytest.mark.parametrize(
    ("ausdruck", "warum"),
    [
        (
            '(finanzierung["radweg"].gesamtkosten - 1) | int',
            "ohne einen Filter, der eine Einheit zeigt (| eur, | eur_cent, | zahl, | prozent)",
        ),
        (
            'finanzierung["radweg"].gesamtkosten - 1',
            "ohne einen Filter, der eine Einheit zeigt (| eur, | eur_cent, | zahl, | prozent)",
        ),
        (
            '(finanzierung["radweg"].gesamtkosten / 3) | round(1) | eur',
            "mit „round(1)“ auf einem Betrag (Beträge runden auf Euro oder Cent)",
        ),
        (
            '(finanzierung["radweg"].gesamtkosten | round(method="floor")) | eur',
            "mit „round“, das nur auf- oder nur abrundet (method „ceil“ oder „floor“)",
        ),
        ('(finanzierung["radweg"].foerderquote + 1) | eur', "mit einem Ergebnis in Zahl, gedruckt als €"),
    ],
)
def test_a_computing_text_no_figure_can_express_is_named_with_what_to_do(ausdruck, warum, tmp_path):
    data = kopie("fd72533-erlenbruch", tmp_path)
    text = data / "vorlagen" / "2024-0057" / "beschlussvorschlag.md"
    text.write_text(f"Wert: {{{{ {ausdruck} }}}}\n", encoding="utf-8")
    q = umschreiben(data)
    assert [str(o) for o in q.offen] == [
        f"data/vorlagen/2024-0057/beschlussvorschlag.md:1: „{{{{ {ausdruck} }}}}“ rechnet im Text {warum} – legen Sie die Zahl "
        "unter „zahlen“ in vorlage.yaml an und zitieren Sie sie."
    ]
    assert text.read_text(encoding="utf-8") == f"Wert: {{{{ {ausdruck} }}}}\n"


# --- a Bescheid's Stellen, a renamed key ----------------------------------------------------------------------


def test_the_rates_of_a_bescheid_whose_stellen_a_text_reads_say_vzae_as_0_2_0_counted(tmp_path):
    data = kopie("0.2.0-rhein-sieg", tmp_path)
    umschreiben(data)
    programm = (data / "foerderprogramme" / "kim.yaml").read_text(encoding="utf-8")
    assert (
        "      koordination: {betrag: 55000, kurz: PK, name: Personalkosten je Koordinationsstelle (VZÄ), vzae: 1}\n"
        in programm
    )
    assert (
        "      veranstaltungen: {betrag: 10000, kurz: VA, name: Sachausgaben für Veranstaltungen, vzae: 1}\n"
        in programm
    )
    # modul-2's Bescheid is not read for its Stellen: its rate stays as it was
    assert (
        "case-management: {betrag: 55000, kurz: PK, name: Fachbezogene Pauschale Case Management je VZÄ}\n" in programm
    )


def test_a_repository_already_updated_has_nothing_to_rewrite(tmp_path):
    """Finding V2: aktualisieren marks the data as this version's format in vorlagen.toml; read so, nothing is
    rewritten again (the numbers of a formula in Mio. € are not divided twice)."""
    data = kopie("b15efc8-nienburg", tmp_path)
    assert umschreiben(data).umschreibungen  # the first run rewrites (proven by the slow test below)
    minor = ".".join(__version__.split(".")[:2])
    assert [str(u) for u in umschreiben(data, fuer=minor).umschreibungen] == []


def test_niederschrift_kenntnisnahme_is_written_as_niederschrift_saetze(tmp_path):
    data = kopie("0.2.0-rhein-sieg", tmp_path)
    path = data / "koerperschaft.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "hausstil:\n", "hausstil:\n  niederschrift_kenntnisnahme: Der Bericht wird zur Kenntnis genommen.  # Satz\n"
        )
        if "hausstil:\n" in text
        else text + "hausstil:\n  niederschrift_kenntnisnahme: Der Bericht wird zur Kenntnis genommen.  # Satz\n",
        encoding="utf-8",
    )
    q = umschreiben(data)
    assert (
        '  niederschrift_saetze: {Kenntnisnahme: "Der Bericht wird zur Kenntnis genommen."}  # Satz\n'
        in path.read_text(encoding="utf-8")
    )
    assert any("„niederschrift_kenntnisnahme“ heißt jetzt „niederschrift_saetze“" in str(u) for u in q.umschreibungen)


# --- proven against the output of the version it was written for ---------------------------------------------


@pytest.mark.langsam  # builds whole repositories with their PDFs
@pytest.mark.parametrize("name", FASSUNGEN)
def test_a_repository_of_an_earlier_format_migrates_with_every_figure_proven(name, tmp_path, capsys):
    data = kopie(name, tmp_path)
    vorher = FRUEHERE / name / "ausgabe"
    code, out, err = run(capsys, "--data", str(data), "aktualisieren", "--vorher", str(vorher))
    assert code == 0, out + err
    assert "ohne dass diese Version es erklärt" not in out, out
    assert "vorlagen-aktualisieren-" not in out, out  # a file is named as the user's, never as the proof's copy
    minor = ".".join(__version__.split(".")[:2])
    assert (data.parent / "vorlagen.toml").read_text(encoding="utf-8").startswith(f'version = "{minor}"')
    code, _, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "neu"))
    assert code == 0, err
    # every figure printed before is printed again – but for those the report names with the reason of the change
    anders = [a.beschreibung() for a in compare(texte(vorher), texte(tmp_path / "neu")) if a.vorher is not None]
    erklaert = out.split("Mit Absicht anders gedruckt", 1)[1] if "Mit Absicht anders gedruckt" in out else ""
    assert [a for a in anders if f"  {a} – " not in erklaert] == [], out
    assert ("Jede Zahl wird wie vorher gedruckt." in out) == (anders == []), out


@pytest.mark.langsam  # builds with the program of an earlier commit
@pytest.mark.parametrize("name", FASSUNGEN)
def test_the_stored_output_is_what_that_version_printed(name, tmp_path):
    altfassung.bauen(FRUEHERE / name / "data", tmp_path / "alt", rev=PROGRAMM[name])
    assert texte(tmp_path / "alt") == texte(FRUEHERE / name / "ausgabe")


@pytest.mark.langsam  # builds with the program of 0.2.0
def test_a_round_that_rounded_a_half_to_the_even_digit_migrates_to_a_figure_that_rounds_so(tmp_path, capsys):
    data = kopie("0.2.0-rhein-sieg", tmp_path)
    text = data / "vorlagen" / "2021-0123" / "erlaeuterungen.md"
    text.write_text(text.read_text(encoding="utf-8").replace("* 219 /", "* 218 /"), encoding="utf-8")
    altfassung.bauen(data, tmp_path / "alt", rev="567db1f")  # 605.000 / 2 × 218 / 10.000 = 6.594,5: round gave 6.594
    gedruckt = (tmp_path / "alt" / "vorlagen" / "2021-0123" / "2021-0123.txt").read_text(encoding="utf-8")
    halbe = gerade(Fraction(605000, 2) * 218 / 10000)  # round took the even 6.594 (kaufmännisch: 6.595)
    assert f"{zahl(2 * halbe)} €" in gedruckt.replace("\u00a0", " ")
    code, out, _ = run(capsys, "--data", str(data), "aktualisieren", "--vorher", str(tmp_path / "alt"))
    assert code == 0, out
    assert "Jede Zahl wird wie vorher gedruckt." in out
    assert "rundungsart: zur_geraden_ziffer" in (data / "vorlagen" / "2021-0123" / "vorlage.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.langsam  # builds the repository to prove the update
def test_the_earlier_print_of_a_unanimous_vote_comes_back_as_the_report_says(tmp_path, capsys):
    """0.3.1 printed „(einstimmig (8 Ja))“, this version „(einstimmig, 8 Ja)“: the report names the change with the
    Hausstil's line that keeps the earlier form – and with that line the vote prints as before."""
    data = kopie("0.3.1-borken", tmp_path)
    vorher = str(FRUEHERE / "0.3.1-borken" / "ausgabe")
    code, out, _ = run(capsys, "--data", str(data), "aktualisieren", "--vorher", vorher, "--trocken")
    assert code == 0, out
    zeile = next(z for z in out.splitlines() if "„(einstimmig (8 Ja))“ wird jetzt „(einstimmig, 8 Ja)“" in z)
    vorschlag = zeile.split("unter hausstil: abstimmung: einstimmig_mit_zahl: ", 1)[1]
    koerperschaft = data / "koerperschaft.yaml"
    text = koerperschaft.read_text(encoding="utf-8")
    koerperschaft.write_text(
        text.replace("hausstil:\n", f"hausstil:\n  abstimmung:\n    einstimmig_mit_zahl: {vorschlag}\n", 1),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--data", str(data), "aktualisieren", "--vorher", vorher)
    assert code == 0, out
    assert "einstimmig" not in out, out


MITGEZEICHNET = [n for n in FASSUNGEN if any((FRUEHERE / n / "data").rglob("mitzeichnungen.yaml"))]


@pytest.mark.langsam  # builds the repository to prove the update, then checks its sign-offs
@pytest.mark.parametrize("name", MITGEZEICHNET)
def test_a_signed_vorlage_stays_released_after_the_update(name, tmp_path, capsys):
    """A sign-off of a text that the update prints unchanged stays valid: a decided Vorlage cannot be signed again
    (issue 43, tester's finding R3: a sign-off of 07ed7c0 became „veraltet“ after a proven update). Where the update
    changes the print on purpose (07ed7c0-rheine printed 380 € as „0 T€“), the report says the sign-off goes."""
    data = kopie(name, tmp_path)
    code, out, err = run(capsys, "--data", str(data), "aktualisieren", "--vorher", str(FRUEHERE / name / "ausgabe"))
    assert code == 0, out + err
    geht = "Danach nicht mehr freigegeben (1) – eine Mitzeichnung gilt für den gedruckten Text, und der ändert sich "
    code, freigabe, err = run(capsys, "--data", str(data), "freigabe")
    if name == "07ed7c0-rheine":
        assert f"{geht}oben mit Absicht;" in out and "\n  vorlagen/2024-112/2024-112.txt\n" in out, out
        assert code == 1 and "Kämmerei: veraltet" in freigabe and "0 → 380 € Prüfgebühren" in freigabe, freigabe
    elif name == "0.3.0-oberaudorf":  # kameral: the Deckung's „Einsparung“ is printed „Minderausgabe“ since 0.3.3
        assert "\n  vorlagen/FA-014-2021/FA-014-2021.txt: „Einsparung“ → „Minderausgabe“\n" in out, out
        assert f"{geht}oben mit Absicht;" in out and "\n  vorlagen/FA-014-2021/FA-014-2021.txt\n" in out, out
        assert code == 1 and "Kämmerei: veraltet" in freigabe and "[-Einsparung-]{+Minderausgabe+}" in freigabe, (
            freigabe
        )
    else:
        assert "Danach nicht mehr freigegeben" not in out, out
        vorher = {d.split("/")[-2] for d, t in texte(FRUEHERE / name / "ausgabe").items() if "ENTWURF –" in t}
        jetzt = {
            z.split(":")[0].removeprefix("Vorlage ").replace("/", "-")
            for z in freigabe.splitlines()
            if z.endswith("– ENTWURF")
        }
        assert jetzt == vorher, freigabe  # an ENTWURF before stays one (oberaudorf's GR/088/2021 lacked its sign-off)
        assert code == (1 if vorher else 0), err


def test_a_revision_whose_vorlagen_toml_names_this_version_is_compared_as_it_is(tmp_path, monkeypatch):
    """Issue 58, point 6: `vergleichen` reads a revision in this version's format by its format marker alone – the
    rules of `aktualisieren` are not run on it (they read every file of the revision twice over); one without the
    marker, or with an earlier version's, is brought to this format as before. 0.2.0-rhein-sieg's Sätze lack `vzae`,
    which the rules would add."""
    from vorlagen.migration import fruehere

    minor = ".".join(__version__.split(".")[:2])
    data = kopie("0.2.0-rhein-sieg", tmp_path)
    assert fruehere.umstellen(data, "HEAD", "0.2") is not None
    assert fruehere.umstellen(kopie("0.2.0-rhein-sieg", tmp_path / "ohne"), "HEAD", None) is not None

    def nicht_gelesen(*args, **kwargs):
        raise AssertionError("die Regeln liefen auf einer Revision im heutigen Format")

    monkeypatch.setattr(fruehere, "umschreiben", nicht_gelesen)
    heute = kopie("0.2.0-rhein-sieg", tmp_path / "heute")
    assert fruehere.umstellen(heute, "HEAD", minor) is None
    assert fruehere.umstellen(heute, "HEAD", __version__) is None
