"""After the meeting: Niederschrift, Auszug, Stellenquoten, results in the Vorlage, Beschlusskontrolle."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
import yaml
from pypdf import PdfReader

from tests.hilfen import DATA, edit, run, vor_dem_beschluss
from tests.referenz import rechnen as ref
from vorlagen.compute.stellen import quote
from vorlagen.core.fmt import prozent

# Seed 004, „Anmerkung der Verwaltung“: Stellen per Baustein and the printed Quote.
SEED_004 = {"baustein-1": (194, "79,35"), "baustein-2": (713, "77,35"), "baustein-3": (200, "82,75")}


def pdf_words(path) -> str:
    """The text on a PDF's pages (not its embedded text rendition), spaces normalised."""
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def test_quoten_of_seed_004_come_out_as_printed():
    statistik = yaml.safe_load((DATA / "stellen" / "kim-nrw-2024-01.yaml").read_text(encoding="utf-8"))
    for key, (stellen, printed) in SEED_004.items():
        baustein = statistik["bausteine"][key]
        assert baustein["stellen"] == stellen
        percent = Fraction(str(baustein["besetzt"])) / stellen * 100
        assert ref.zahl(percent, 2) == printed  # half-up, by the reference
        value = quote(Decimal(str(baustein["besetzt"])), Decimal(stellen))
        assert value == Fraction(str(baustein["besetzt"])) / stellen  # exact: rounded only when printed
        assert prozent(value) == f"{printed}\u00a0%"


def test_quote_is_rounded_once_when_printed():
    # 7 of 800 is exactly 0,875 %; rounding the ratio to four places first gave 0,0088 → „0,880 %“.
    assert quote(Decimal(7), Decimal(800)) == Fraction(7, 800)
    assert prozent(quote(Decimal(7), Decimal(800)), 3) == "0,875\u00a0%"
    assert prozent(quote(Decimal("165.5"), Decimal(200))) == "82,75\u00a0%"
    assert prozent(quote(Decimal(1), Decimal(8)), 1) == "12,5\u00a0%"
    assert prozent(quote(Decimal("1"), Decimal(80000))) == "0,00\u00a0%"  # 0,00125 % → 0,00 %
    assert prozent(quote(Decimal("1"), Decimal(20000))) == "0,01\u00a0%"  # 0,005 % → up, not to even


def test_niederschrift_pdf_quotes_the_computed_quoten(built):
    words = pdf_words(built / "sitzungen" / "ASI-2023-11-30" / "niederschrift.pdf")
    for nummer, (stellen, printed) in enumerate(SEED_004.values(), start=1):
        assert f"Baustein {nummer}: {stellen} Stellen, davon {printed} % besetzt" in words
    assert "Anmerkung der Verwaltung" in words
    assert "Herr Yilmaz" in words and "Vorsitz" in words and "Schriftführung" in words


def test_niederschrift_states_beginn_and_ende(built):
    recorded = yaml.safe_load(
        (DATA / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml").read_text(encoding="utf-8")
    )
    words = pdf_words(built / "sitzungen" / "ASI-2021-06-10" / "niederschrift.pdf")
    assert f"{recorded['beginn']} – {recorded['ende']}" in words


def test_public_niederschrift_leaves_out_the_non_public_part(built):
    public = pdf_words(built / "sitzungen" / "ASI-2021-06-10" / "niederschrift.pdf")
    internal = pdf_words(built / "intern" / "sitzungen" / "ASI-2021-06-10" / "niederschrift.pdf")
    assert "Auswahlverfahren" not in public and "2021/0130" not in public
    assert "Es folgte ein nichtöffentlicher Teil" in public
    assert "Auswahlverfahren" in internal and "Kenntnisnahme" in internal
    for text in (public, internal):
        assert "Mitglieder (17, davon 16 stimmberechtigt)" in text
        assert "mit 14 Ja-Stimmen, 0 Nein-Stimmen und 2 Enthaltungen angenommen" in text
    assert not (built / "sitzungen" / "ASI-2021-06-10" / "auszug-top-3.pdf").exists()


def test_auszug_per_top_for_the_fachamt(built):
    folder = built / "intern" / "sitzungen" / "ASI-2021-06-10"
    assert sorted(p.name for p in folder.glob("auszug-*.pdf")) == [
        "auszug-top-2.pdf",
        "auszug-top-3.pdf",
        "auszug-top-5.pdf",
    ]
    words = pdf_words(folder / "auszug-top-3.pdf")
    assert "Auszug aus der Niederschrift" in words and "Kommunales Integrationszentrum" in words
    # The Beschluss is the Vorlage's Beschlussvorschlag, with its figures (seed 000: 510.330 € to 578.466 €).
    assert "Die Verwaltung wird beauftragt" in words and "zwischen 510.330 € und 578.466 €" in words
    assert "Frist: 30.09.2021" in words


def test_results_flow_back_into_the_vorlage(built):
    text = (built / "vorlagen" / "2021-0123" / "2021-0123.txt").read_text(encoding="utf-8")
    assert "Vorberatung    ungeändert beschlossen (14 Ja, 0 Nein, 2 Enthaltungen)" in text
    assert "Entscheidung   ungeändert beschlossen (8 Ja, 0 Nein, 1 Enthaltung)" in text
    assert "ungeändert beschlossen (14 Ja, 0 Nein, 2 Enthaltungen)" in pdf_words(
        built / "vorlagen" / "2021-0123" / "2021-0123.pdf"
    )
    internal = (built / "intern" / "vorlagen" / "2021-0130" / "2021-0130.txt").read_text(encoding="utf-8")
    assert internal.count("Kenntnisnahme  zur Kenntnis genommen") == 2


@pytest.mark.langsam  # builds whole repositories (twice)
def test_beschlusskontrolle_flags_overdue_against_stichtag(capsys, data, tmp_path, schnellsatz):
    out = tmp_path / "out"
    liste = out / "intern" / "beschlusskontrolle" / "beschlusskontrolle.txt"
    assert run(capsys, "--data", str(data), "--out", str(out), "--stichtag", "2021-09-30")[0] == 0
    text = liste.read_text(encoding="utf-8")
    assert "Offene Aufträge: 1" in text and "überfällig" not in text.replace("davon überfällig", "")
    assert (out / "intern" / "beschlusskontrolle" / "amt-ki.pdf").is_file()
    assert not (out / "beschlusskontrolle").exists()
    assert run(capsys, "--data", str(data), "--out", str(out), "--stichtag", "2021-10-01")[0] == 0
    text = liste.read_text(encoding="utf-8")
    assert "davon überfällig: 1" in text and "30.09.2021 überfällig" in text


def test_closed_auftrag_and_changed_beschluss(capsys, data, tmp_path, schnellsatz):
    niederschrift = data / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml"
    edit(
        niederschrift,
        "        frist: 2021-09-30\n",
        "        frist: 2021-09-30\n        erledigt: {datum: 2021-09-20, vermerk: Stellen ausgeschrieben}\n",
    )
    edit(niederschrift, "    abstimmung: {ja: 14", "    beschluss: top-3-geaendert.md\n    abstimmung: {ja: 14")
    (niederschrift.parent / "top-3-geaendert.md").write_text("Die Stellen werden bis 2023 besetzt.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out), "--stichtag", "2022-01-01")[0] == 0
    liste = (out / "intern" / "beschlusskontrolle" / "beschlusskontrolle.txt").read_text(encoding="utf-8")
    assert "Offene Aufträge: 0" in liste and "Keine offenen Aufträge." in liste
    assert "20.09.2021: Stellen ausgeschrieben" in liste
    protokoll = (out / "sitzungen" / "ASI-2021-06-10" / "niederschrift.txt").read_text(encoding="utf-8")
    assert "Geänderter Beschluss (abweichend vom Beschlussvorschlag der Vorlage):" in protokoll
    assert "Die Stellen werden bis 2023 besetzt." in protokoll
    vorlage = (out / "vorlagen" / "2021-0123" / "2021-0123.txt").read_text(encoding="utf-8")
    assert "Vorberatung    geändert beschlossen (14 Ja, 0 Nein, 2 Enthaltungen)" in vorlage


def test_check_flags_past_beratung_without_result(capsys, data):
    vor_dem_beschluss(data)
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-22")
    assert code == 0
    assert out.endswith(
        "\nBeratungsergebnisse fehlen (Sitzungen vor dem 22.06.2021):\n"
        "  KA-2021-06-21 – Kreisausschuss am 21.06.2021: Vorlage 2021/0123 (Entscheidung) – tragen Sie das Ergebnis "
        "in sitzungen/KA-2021-06-21/niederschrift.yaml ein.\n"
        "  KA-2021-06-21 – Kreisausschuss am 21.06.2021: Vorlage 2021/0130 (Kenntnisnahme) – tragen Sie das Ergebnis "
        "in sitzungen/KA-2021-06-21/niederschrift.yaml ein.\n"
    )
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-21")
    assert "Beratungsergebnisse fehlen" not in out  # the Sitzung is today, not past


def test_a_result_stated_in_the_beratungsfolge_is_not_asked_for_again(capsys, data):
    (data / "sitzungen" / "KA-2021-06-21" / "niederschrift.yaml").unlink()  # the same decision, stated below
    edit(
        data / "vorlagen/2021-0123/vorlage.yaml",
        "{sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "{sitzung: KA-2021-06-21, rolle: Entscheidung, ergebnis: ungeändert beschlossen}",
    )
    edit(
        data / "vorlagen/2021-0130/vorlage.yaml",
        "{sitzung: KA-2021-06-21, rolle: Kenntnisnahme}",
        "{sitzung: KA-2021-06-21}",
    )  # and one without a Zuständigkeit: listed without brackets
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data), "--stichtag", "2021-06-22")
    assert code == 0
    assert out.endswith(
        "\nBeratungsergebnisse fehlen (Sitzungen vor dem 22.06.2021):\n"
        "  KA-2021-06-21 – Kreisausschuss am 21.06.2021: Vorlage 2021/0130 – tragen Sie das Ergebnis "
        "in sitzungen/KA-2021-06-21/niederschrift.yaml ein.\n"
    )


def test_example_records_every_past_result(capsys):
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(DATA))
    assert code == 0 and "Beratungsergebnisse fehlen" not in out


# --- Votes without a member list (issue 22) --------------------------------------------------


def _counted(
    data, votes: str = "{ja: 9, nein: 3, ergebnis: angenommen}", anwesend: str = "{anzahl: 12, mitgliederzahl: 15}"
):
    """The ASI Niederschrift as a body writes it that names nobody: members present as a count, votes as counts."""
    path = data / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("anwesend:\n"), text.index("  verwaltung:")
    text = (
        text[:start]
        + f"anwesend:\n  anzahl: {anwesend[len('{anzahl: ') :].split(',')[0]}\n"
        + (
            f"  mitgliederzahl: {anwesend.split('mitgliederzahl: ')[1].rstrip('}')}\n"
            if "mitgliederzahl" in anwesend
            else ""
        )
        + text[end:]
    )
    path.write_text(text.replace("{ja: 14, nein: 0, enthaltung: 2, ergebnis: angenommen}", votes), encoding="utf-8")
    return path


def test_a_niederschrift_with_counts_only_names_nobody_and_invents_no_abstentions(capsys, data, tmp_path, schnellsatz):
    _counted(data)
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    html = (out / "sitzungen/ASI-2021-06-10/niederschrift.html").read_text(encoding="utf-8")
    assert '<p class="anzahl">Stimmberechtigte Mitglieder: 12 von 15</p>' in html
    assert "Frau Anke Hoffmann, Fraktion" not in html and '<th scope="col">Fraktion</th>' not in html
    vorlage = (out / "vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    assert "Vorberatung    ungeändert beschlossen (9 Ja, 3 Nein)\n" in vorlage  # no „0 Enthaltungen“ invented


@pytest.mark.parametrize("zeile", ["", "schriftfuehrung: ~\n"])
def test_a_niederschrift_without_schriftfuehrung_prints_no_empty_signature_line(
    capsys, data, tmp_path, schnellsatz, zeile
):
    edit(data / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml", "schriftfuehrung: Herr Lukas Brandt\n", zeile)
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    html = (out / "sitzungen/ASI-2021-06-10/niederschrift.html").read_text(encoding="utf-8")
    unterschriften = html.split('<div class="unterschriften">')[1].split("</div>\n</div>")[0]
    assert unterschriften.count('class="unterschrift-linie"') == 1 and "Schriftführung" not in unterschriften
    assert "Lukas Brandt" not in html


@pytest.mark.langsam  # builds whole repositories (twice)
def test_a_result_prints_the_bodys_sentence_or_none(capsys, data, tmp_path, schnellsatz):
    """Sentences under a result come from the Hausstil only (hausstil: niederschrift_saetze): a word result such as
    „abgesetzt“ prints the body's sentence; vertagt and a Kenntnisnahme without one print the result alone."""
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    html = (out / "sitzungen/ASI-2023-11-30/niederschrift.html").read_text(encoding="utf-8")
    assert (
        '<p class="ergebnis-titel">Kenntnisnahme:</p>\n    <p>Der Bericht wird zur Kenntnis genommen.</p>' in html
    )  # the example's Hausstil states its sentence
    edit(
        data / "koerperschaft.yaml",
        "  niederschrift_saetze: {Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.}",
        "  niederschrift_saetze:\n    abgesetzt: Der Punkt wird von der Tagesordnung abgesetzt.",
    )
    niederschrift = data / "sitzungen/ASI-2021-06-10/niederschrift.yaml"
    edit(niederschrift, '{top: "4", text: top-4.md}', '{top: "4", text: top-4.md, ergebnis: abgesetzt}')
    edit(niederschrift, '{top: "6", text: top-6.md}', '{top: "6", text: top-6.md, ergebnis: vertagt}')
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    html = (out / "sitzungen/ASI-2023-11-30/niederschrift.html").read_text(encoding="utf-8")
    assert '<p class="ergebnis-titel">Kenntnisnahme</p>' in html and "zur Kenntnis genommen." not in html
    html = (out / "sitzungen/ASI-2021-06-10/niederschrift.html").read_text(encoding="utf-8")
    assert '<p class="ergebnis-titel">Abgesetzt:</p>\n    <p>Der Punkt wird von der Tagesordnung abgesetzt.</p>' in html
    intern = (out / "intern/sitzungen/ASI-2021-06-10/niederschrift.html").read_text(encoding="utf-8")  # TOP 6
    assert '<p class="ergebnis-titel">Vertagt</p>' in intern and "Die Beratung wird vertagt." not in intern


@pytest.mark.parametrize(
    "zeile, message",
    [
        (
            "niederschrift_kenntnisnahme: Der Bericht wird zur Kenntnis genommen.",
            "„niederschrift_kenntnisnahme“ heißt jetzt „niederschrift_saetze“ und nimmt einen Satz je Ergebnis – schreiben "
            "Sie: niederschrift_saetze: {Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.}",
        ),
        (
            "niederschrift_kenntnisnahme: 'Kenntnis genommen, ohne Aussprache.'",
            "„niederschrift_kenntnisnahme“ heißt jetzt „niederschrift_saetze“ und nimmt einen Satz je Ergebnis – schreiben "
            'Sie: niederschrift_saetze: {Kenntnisnahme: "Kenntnis genommen, ohne Aussprache."}',
        ),
        (
            "niederschrift_saetze: {Beschluss: Es wird beschlossen.}",
            "„niederschrift_saetze“: Unter einem Beschluss steht sein Text mit der Abstimmung, kein fester Satz – entfernen "
            "Sie „Beschluss“ hier.",
        ),
        (
            "niederschrift_saetze: {abgesezt: Abgesetzt.}",
            "„niederschrift_saetze“: „abgesezt“ steht nicht in der Liste „hausstil: beratungsergebnisse“ der Körperschaft – "
            "meinten Sie „abgesetzt“? Möglich sind: Kenntnisnahme, ungeändert beschlossen, geändert beschlossen, abgelehnt, "
            "zur Kenntnis genommen, zurückgestellt, vertagt, zurückgezogen, abgesetzt, erledigt. Für ein eigenes Wort legen "
            "Sie die Liste „beratungsergebnisse:“ unter „hausstil:“ in koerperschaft.yaml an – sie ersetzt die "
            "Standardwörter; übernehmen Sie die, die Sie weiter brauchen.",
        ),
    ],
)
def test_the_sentences_of_the_niederschrift_name_a_result_and_the_old_key_says_what_to_write(data, zeile, message):
    from tests.hilfen import line_of, problems_of

    path = data / "koerperschaft.yaml"
    edit(path, "  niederschrift_saetze: {Kenntnisnahme: Der Bericht wird zur Kenntnis genommen.}", f"  {zeile}")
    assert problems_of(data) == [f"data/koerperschaft.yaml:{line_of(path, zeile.split(':')[0] + ':')}: {message}"]


def test_a_niederschrift_records_the_bodys_own_result_words(data):
    """„abgesetzt“ and „erledigt“ are results of the standard list; a word outside it names the list, Beschluss and
    Kenntnisnahme; vertagt and zurückgestellt stay possible where a body's list lacks them (older repositories)."""
    from tests.hilfen import line_of, problems_of
    from vorlagen.compute.project import prepare

    path = data / "sitzungen/ASI-2021-06-10/niederschrift.yaml"
    edit(path, '{top: "4", text: top-4.md}', '{top: "4", text: top-4.md, ergebnis: abgesetzt}')
    edit(path, '{top: "6", text: top-6.md}', '{top: "6", text: top-6.md, ergebnis: erledigt}')
    prepare(data)  # no problem
    edit(path, "ergebnis: erledigt}", "ergebnis: erlegt}")
    assert problems_of(data) == [
        f"data/sitzungen/ASI-2021-06-10/niederschrift.yaml:{line_of(path, 'erlegt')}: „ergebnis“: „erlegt“ steht "
        "nicht in der Liste „hausstil: beratungsergebnisse“ der Körperschaft – meinten Sie „erledigt“? Möglich sind: "
        "Beschluss, Kenntnisnahme, ungeändert beschlossen, geändert beschlossen, abgelehnt, zur Kenntnis genommen, "
        "zurückgestellt, vertagt, zurückgezogen, abgesetzt, erledigt. Für ein eigenes Wort legen Sie die Liste "
        "„beratungsergebnisse:“ unter „hausstil:“ in koerperschaft.yaml an – sie ersetzt die Standardwörter; "
        "übernehmen Sie die, die Sie weiter brauchen."
    ]
    edit(
        data / "koerperschaft.yaml",
        'hausstil:\n  akzentfarbe: "#00599c"\n',
        'hausstil:\n  akzentfarbe: "#00599c"\n  beratungsergebnisse: [ungeändert beschlossen, zur Kenntnis genommen]\n',
    )
    edit(path, "ergebnis: erlegt}", "ergebnis: zurückgestellt}")
    edit(path, "ergebnis: abgesetzt}", "ergebnis: vertagt}")
    prepare(data)  # no problem; a TOP without Vorlage is asked for no word of the Beratungsfolge


def test_counted_votes_are_checked_against_the_count_present(data):
    from tests.hilfen import line_of, problems_of

    path = _counted(data, votes="{ja: 10, nein: 3, ergebnis: angenommen}")
    assert problems_of(data) == [
        f"data/sitzungen/ASI-2021-06-10/niederschrift.yaml:{line_of(path, 'ja: 10')}: TOP 3: 10 Ja + 3 Nein = 13 "
        "Stimmen, aber nur 12 stimmberechtigte Mitglieder sind anwesend – prüfen Sie die Stimmen und die Anwesenheit."
    ]
    path = _counted(data, anwesend="{anzahl: 16, mitgliederzahl: 15}")
    assert problems_of(data) == [
        f"data/sitzungen/ASI-2021-06-10/niederschrift.yaml:{line_of(path, 'mitgliederzahl:')}: 16 Mitglieder sind "
        "anwesend, das Gremium hat aber nur 15 – prüfen Sie beide Zahlen."
    ]


def test_the_hausstil_may_ask_for_abstentions_where_none_were_recorded(capsys, data, tmp_path, schnellsatz):
    _counted(data)
    edit(
        data / "koerperschaft.yaml",
        'hausstil:\n  akzentfarbe: "#00599c"\n',
        'hausstil:\n  akzentfarbe: "#00599c"\n  enthaltungen: true\n',
    )
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    assert "ungeändert beschlossen (9 Ja, 3 Nein, 0 Enthaltungen)" in (
        out / "vorlagen/2021-0123/2021-0123.txt"
    ).read_text(encoding="utf-8")


def test_members_by_name_need_no_fraktion(capsys, data, tmp_path, schnellsatz):
    path = data / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml"
    text = re.sub(r", fraktion: [^,}]+", "", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    html = (out / "sitzungen/ASI-2021-06-10/niederschrift.html").read_text(encoding="utf-8")
    assert "<td>Herr Peter Krämer</td><td></td>" in html and "Fraktion</th>" not in html


@pytest.mark.parametrize(
    "anwesend, expected",
    [
        (
            "{anzahl: 12, mitglieder: [{name: Frau A}]}",
            "„anzahl“ gilt nur ohne Namen – bei „mitglieder“ zählt vorlagen die "
            "Namen selbst; entfernen Sie einen der beiden Einträge.",
        ),
        (
            "{verwaltung: []}",
            "Tragen Sie die anwesenden Mitglieder ein – mit Namen unter „mitglieder“ oder, wo die "
            "Niederschrift keine Namen nennt, als Zahl unter „anzahl“.",
        ),
        ("{anzahl: -3}", "„anzahl“ kann nicht negativ sein (-3)."),
    ],
    ids=["namen-und-zahl", "weder-noch", "negativ"],
)
def test_careless_counts_of_those_present_give_exact_messages(data, anwesend, expected):
    from tests.hilfen import problems_of

    path = data / "sitzungen" / "ASI-2021-06-10" / "niederschrift.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("anwesend:\n"), text.index("punkte:")
    path.write_text(text[:start] + f"anwesend: {anwesend}\n" + text[end:], encoding="utf-8")
    problems = problems_of(data)
    assert [p.split(": ", 1)[1] for p in problems] == [expected], problems
