"""Mitzeichnung (issue 23 item 4): a sign-off holds for exactly what the Vorlage prints when it was signed.

Figures here come from the seed (Eigenanteil 158.644 €, Bescheid Modul 1 293.800 €) and from the rates in
data/, recomputed by hand below – never from running the engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.hilfen import ROOT, edit, line_of, matterhorn, nichts_gebunden, ohne_mitzeichnung, problems_of, run
from tests.referenz.beispiel import EIGENANTEILE, je_jahr
from tests.referenz.rechnen import euro, ganz, zahl
from vorlagen.compute.project import prepare
from vorlagen.render.document import Composer
from vorlagen.render.freigabe import siegel as freigabe_siegel

NR = "2021/0123"
FOLDER = Path("vorlagen/2021-0123")
SENTENCE = ("fördert das Land Nordrhein-Westfalen seit 2020", "fördert das Land NRW seit 2020")
ZEICHNEN = 'vorlagen zeichnen 2021/0123 --rolle "Kämmerei" --name "…"'
STALE = (
    "Die Mitzeichnung „Kämmerei“ (Erika Mustermann, 26.05.2021) gilt nicht mehr: die Vorlage hat sich seitdem "
    f"geändert – was, zeigt „vorlagen freigabe 2021/0123“; neu zeichnen: {ZEICHNEN}"
)
MARK = "ENTWURF – noch nicht freigegeben; Mitzeichnung ausstehend: Kämmerei (veraltet)"


def _states(data: Path) -> dict[str, list[tuple[str, str]]]:
    """Nummer → [(Rolle, Zustand)] as composed now."""
    project = prepare(data)
    return {
        d.source.vorlage.nummer: [(s.rolle, s.zustand) for s in d.freigabe.staende] if d.freigabe else []
        for d in Composer(project).compose_all()
    }


def test_the_example_is_signed_and_final(data):
    assert _states(data) == {NR: [("Kämmerei", "gültig")], "2021/0130": []}


@pytest.mark.langsam  # builds whole repositories
def test_done_when_a_changed_sentence_makes_an_entwurf_and_publishing_waits_for_the_kaemmerei(capsys, data, tmp_path):
    """The issue's 'Done when': one sentence changed → ENTWURF everywhere; the Mappe refuses until signed again."""
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out), "sitzung", "ASI-2021-06-10")
    assert code == 1
    assert err.splitlines()[0] == (
        "data/vorlagen/2021-0123/mitzeichnungen.yaml: Die Vorlage 2021/0123 ist noch ein "
        "ENTWURF – die Sitzungsmappe und das Veröffentlichungspaket der Sitzung "
        f"ASI-2021-06-10 entstehen erst, wenn sie freigegeben ist. {STALE}"
    )
    assert not (out / "publish").exists()

    code, said, err = run(capsys, "--data", str(data), "--out", str(out))  # a plain build shows the draft internally
    assert code == 0
    assert "„ENTWURF“ läuft" not in said + err  # the watermark is decoration, turned on the page: no layout warning
    folder = out / "intern" / "vorlagen" / "2021-0123"
    text = (folder / "2021-0123.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == MARK
    html = (folder / "2021-0123.html").read_text(encoding="utf-8")
    assert (
        f'<p class="entwurf">{MARK}</p>' in html
        and '<div class="wasserzeichen" aria-hidden="true">ENTWURF</div>' in html
    )
    pages = PdfReader(io.BytesIO((folder / "2021-0123.pdf").read_bytes())).pages
    assert MARK.replace(" ", "") in pages[0].extract_text().replace(" ", "").replace("\n", "")
    assert all("ENTWURF" in page.extract_text() for page in pages)  # the watermark is on every page
    assert next(folder.glob("anlage-1-*.txt")).read_text(encoding="utf-8").splitlines()[0] == MARK
    assert matterhorn.problems(folder / "2021-0123.pdf") == []  # the marks keep it accessible (veraPDF: PDF/UA-1 too)
    assert "ENTWURF" not in (out / "intern" / "vorlagen" / "2021-0130" / "2021-0130.txt").read_text(encoding="utf-8")

    code, _, err = run(capsys, "--data", str(data), "--out", str(out), "sitzung", "ASI-2021-06-10")
    assert code == 1 and STALE in err.splitlines()[0]  # also when the draft is reused from the previous build
    assert not (out / "publish").exists()

    code, said, _ = run(
        capsys,
        "--data",
        str(data),
        "zeichnen",
        NR,
        "--rolle",
        "Kämmerei",
        "--name",
        "Erika Mustermann",
        "--datum",
        "2021-06-01",
    )
    assert code == 0 and said.splitlines()[-1] == "Die Vorlage ist freigegeben."
    code, said, err = run(capsys, "--data", str(data), "--out", str(out), "sitzung", "ASI-2021-06-10")
    assert code == 0, err
    assert (out / "publish" / "ASI-2021-06-10" / "sitzungsmappe.pdf").is_file()
    assert not (folder / "2021-0123.txt").exists()  # released: public, the draft gone
    folder = out / "vorlagen" / "2021-0123"
    assert "ENTWURF" not in (folder / "2021-0123.txt").read_text(encoding="utf-8")
    assert "ENTWURF" not in (folder / "2021-0123.html").read_text(encoding="utf-8")


def test_a_reformatted_yaml_that_prints_the_same_keeps_the_sign_off(data):
    vorlage = data / FOLDER / "vorlage.yaml"
    edit(
        vorlage,
        'nummer: "2021/0123"\nart: Beschlussvorlage\noeffentlich: true\n',
        "# neu formatiert\noeffentlich: ja\nnummer: '2021/0123'\nart:   \"Beschlussvorlage\"\n",
    )
    edit(
        vorlage,
        "      - {anzahl: 3.5, saetze: [kgst-2020/E11]}",
        "      - anzahl: 3.50\n        saetze:\n          - kgst-2020/E11",
    )
    edit(vorlage, "datum: 2021-05-27", "datum: 27.05.2021")
    text = data / FOLDER / "vorbemerkungen.md"
    edit(
        text,
        "Mit dem Kommunalen Integrationsmanagement (KIM) fördert",
        "Mit dem Kommunalen   Integrationsmanagement (KIM)\nfördert",
    )  # another line break, same paragraph
    assert _states(data)[NR] == [("Kämmerei", "gültig")]


def _als_0_2(data: Path) -> None:
    """The example's sign-off as 0.2 gave it: the text alone, no Druckbild and no Seitenbild kept."""
    gezeichnet = data / FOLDER / "gezeichnet" / "kaemmerei.txt"
    text = gezeichnet.read_text(encoding="utf-8").split("\nDruckbild (SHA-256")[0]
    gezeichnet.write_text(text, encoding="utf-8")
    siegel = freigabe_siegel("Kämmerei", "Erika Mustermann", dt.date(2021, 5, 26), text)
    edit(
        data / FOLDER / "mitzeichnungen.yaml",
        re.search(r'"sha256:[0-9a-f]+"', (data / FOLDER / "mitzeichnungen.yaml").read_text(encoding="utf-8"))[0],
        f'"{siegel}"',
    )


def test_a_sign_off_of_0_2_holds_while_its_text_is_the_same(data):
    """0.2 kept no Druckbild: such a sign-off binds the text it kept, and an upgrade that prints that text unchanged
    must not unsign a decided Vorlage (issue 43, finding R3); a changed sentence still makes it stale."""
    _als_0_2(data)
    assert _states(data)[NR] == [("Kämmerei", "gültig")]
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    assert _states(data)[NR] == [("Kämmerei", "veraltet")]


def test_a_changed_figure_makes_it_stale_and_freigabe_shows_old_and_new(capsys, data):
    vorlage = data / FOLDER / "vorlage.yaml"
    edit(vorlage, "      - {anzahl: 3.5, saetze: [kgst-2020/E11]}", "      - {anzahl: 4, saetze: [kgst-2020/E11]}")
    edit(vorlage, "    erwartet: {eigenanteil: 158644}\n", "")
    assert _states(data)[NR] == [("Kämmerei", "veraltet")]
    # E11: 106.540 € a year, for 13 months; KIM-Förderung for 3,5 VZÄ unchanged (seed: 403.963 − 158.644)
    unit = ganz(Fraction(106540 * 13, 12))
    foerderung = 403963 - 158644
    eigenanteil = 4 * unit - foerderung
    assert (unit, eigenanteil) == (115418, 216353)
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1
    lines = out.splitlines()
    assert lines[:4] == [
        f"Vorlage {NR}: Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung "
        "bis Ende 2022 – ENTWURF",
        "  Kämmerei: veraltet (Erika Mustermann, 26.05.2021)",
        "    Seit der Mitzeichnung geändert:",
        "      Zahlen:",
    ]
    assert f"        Für die strategische Steuerung beträgt der Eigenanteil 158.644 → {zahl(eigenanteil)} €." in lines
    assert lines[-1] == "Freigegeben: 0, Entwurf: 1."


def test_a_changed_sentence_makes_it_stale_and_freigabe_shows_the_words(capsys, data):
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    code, out, _ = run(capsys, "--data", str(data), "freigabe")
    assert code == 1
    assert (
        "      Text:\n        ~ Mit dem Kommunalen Integrationsmanagement (KIM) fördert das Land "
        "[-Nordrhein-Westfalen-]{+NRW+} seit 2020 in allen Kreisen" in out
    )
    assert "Zahlen:" not in out


def test_a_changed_fact_the_vorlage_prints_makes_it_stale(capsys, data):
    """A Bescheid's amount, printed in the Erläuterungen: one more Veranstaltung (10.000 €, kim.yaml)."""
    edit(
        data / "bescheide" / "2021-02-22-kim-modul-1.yaml",
        "{satz: kim/modul-1/veranstaltungen, anzahl: 1}",
        "{satz: kim/modul-1/veranstaltungen, anzahl: 2}",
    )
    before = 3.5 * 55000 + 3.5 * 9700 + 22500 + 4850 + 10000 + 30000
    assert before == 293800
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1 and "  Kämmerei: veraltet (Erika Mustermann, 26.05.2021)" in out
    assert "Modul 1 jährlich 293.800 → 303.800 €." in out


def test_results_of_a_beratung_are_not_signed(data):
    """The Niederschrift of the ASI adds a result to the Beratungsfolge: printed, but not part of what was signed."""
    signed = (data / FOLDER / "gezeichnet" / "kaemmerei.txt").read_text(encoding="utf-8")
    assert "Vorberatung" in signed and "ungeändert beschlossen" not in signed
    doc = next(d for d in Composer(prepare(data)).compose_all() if d.source.vorlage.nummer == NR)
    assert "ungeändert beschlossen" in doc.text and not doc.entwurf


def test_check_lists_a_stale_sign_off(capsys, data):
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    code, out, _ = run(capsys, "--data", str(data), "check", "--ohne-satz")
    line = line_of(data / FOLDER / "mitzeichnungen.yaml", "rolle: ")
    assert code == 0
    assert out.endswith(
        "\nNoch nicht freigegeben (ENTWURF – keine Sitzungsmappe nimmt sie auf):\n"
        f"  data/vorlagen/2021-0123/mitzeichnungen.yaml:{line}: Vorlage {NR}: {STALE}\n"
    )


def test_a_missing_sign_off_is_listed_and_makes_an_entwurf(capsys, data):
    (data / FOLDER / "mitzeichnungen.yaml").unlink()
    assert _states(data)[NR] == [("Kämmerei", "fehlt")]
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1 and "  Kämmerei: fehlt\n" in out
    code, out, _ = run(capsys, "--data", str(data), "check", "--ohne-satz")
    assert f"  {POSITIONEN(data)}: Vorlage {NR}: {FEHLT_83}\n" in out


# the überplanmäßige amounts of 2021/0123 (tests/compute/test_haushalt.py: Eigenanteile of seed 000 by months, nothing free)
UEBER = je_jahr(EIGENANTEILE)
FEHLT_83 = (
    f"Die Mitzeichnung „Kämmerei“ fehlt – der überplanmäßige Betrag 2021 ({euro(UEBER[2021])}) und der "
    f"überplanmäßige Betrag 2022 ({euro(UEBER[2022])}) brauchen nach § 83 GO NRW die Zustimmung des Kämmerers; "
    f"zeichnen: {ZEICHNEN}"
)


def POSITIONEN(data: Path) -> str:  # noqa: N802 – a constant of the data folder
    return f"data/vorlagen/2021-0123/vorlage.yaml:{line_of(data / FOLDER / 'vorlage.yaml', '  positionen:')}"


def test_an_ueberplanmaessige_amount_needs_the_kaemmerei_whatever_the_hausstil_says(
    capsys, data, tmp_path, schnellsatz
):
    """§ 83 GO NRW: without the Hausstil's rule the Kämmerei still signs; a draft builds, publishing refuses."""
    assert UEBER == {2021: 44497, 2022: 533969}
    edit(data / "koerperschaft.yaml", "    finanzielle_auswirkungen: [Kämmerei]\n", "")
    assert _states(data)[NR] == [("Kämmerei", "gültig")]  # the example's sign-off still holds
    (data / FOLDER / "mitzeichnungen.yaml").unlink()
    assert _states(data)[NR] == [("Kämmerei", "fehlt")]
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1 and f"  Kämmerei: fehlt\n    {POSITIONEN(data)}: {FEHLT_83}\n" in out
    code, out, _ = run(capsys, "--data", str(data), "check", "--ohne-satz")
    assert code == 0  # like every open sign-off: listed, the Vorlage stays an ENTWURF
    assert out.endswith(
        "\nNoch nicht freigegeben (ENTWURF – keine Sitzungsmappe nimmt sie auf):\n"
        f"  {POSITIONEN(data)}: Vorlage {NR}: {FEHLT_83}\n"
    )
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out_dir), "sitzung", "ASI-2021-06-10")
    assert code == 1 and err.splitlines()[0].endswith(
        "ENTWURF – die Sitzungsmappe und das Veröffentlichungspaket der Sitzung ASI-2021-06-10 entstehen erst, wenn "
        f"sie freigegeben ist. {FEHLT_83}"
    )
    code, _, err = run(capsys, "--data", str(data), "--out", str(out_dir))
    assert code == 0, err
    assert (out_dir / "intern/vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8").startswith("ENTWURF")
    assert not (out_dir / "vorlagen/2021-0123").exists()  # never released: nothing of it in the public part


def test_without_an_ueberplanmaessige_amount_the_law_asks_nobody(data):
    edit(data / "koerperschaft.yaml", "    finanzielle_auswirkungen: [Kämmerei]\n", "")
    (data / FOLDER / "mitzeichnungen.yaml").unlink()
    nichts_gebunden(data)  # the Ansätze hold the amounts
    assert _states(data)[NR] == []


def test_the_hausstil_names_the_role_of_its_kaemmerei(data):
    edit(
        data / "koerperschaft.yaml",
        "    rollen: [Kämmerei, Rechtsamt]\n",
        "    rollen: [Kämmerei, Rechtsamt, Finanzdezernat]\n    kaemmerei: Finanzdezernat\n",
    )
    assert _states(data)[NR] == [("Kämmerei", "gültig"), ("Finanzdezernat", "fehlt")]


def test_an_unknown_kaemmerei_role_in_the_hausstil(data):
    path = data / "koerperschaft.yaml"
    edit(path, "    rollen: [Kämmerei, Rechtsamt]\n", "    rollen: [Kämmerei, Rechtsamt]\n    kaemmerei: Kammerei\n")
    assert problems_of(data) == [
        f"data/koerperschaft.yaml:{line_of(path, 'kaemmerei:')}: „mitzeichnung“: „Kammerei“ steht nicht in der Liste "
        "„hausstil: mitzeichnung: rollen“ der Körperschaft – meinten Sie „Kämmerei“? Möglich sind: Kämmerei, "
        f"Rechtsamt. Ein eigenes Wort ergänzen Sie in der Liste (data/koerperschaft.yaml, Zeile "
        f"{line_of(path, 'rollen: [Kämmerei')})."
    ]


def test_roles_without_the_kaemmerei_cannot_sign_an_ueberplanmaessige_amount(data):
    path = data / "koerperschaft.yaml"
    edit(
        path,
        "    rollen: [Kämmerei, Rechtsamt]\n    finanzielle_auswirkungen: [Kämmerei]\n",
        "    rollen: [Rechtsamt]\n",
    )
    (data / FOLDER / "mitzeichnungen.yaml").unlink()
    assert problems_of(data) == [
        f"{POSITIONEN(data)}: Über- und außerplanmäßige Beträge brauchen nach § 83 GO NRW die Zustimmung des "
        "Kämmerers; dafür zeichnet jede solche Vorlage die Rolle „Kämmerei“ mit, aber sie steht nicht in „hausstil: "
        "mitzeichnung: rollen“ – ergänzen Sie die Rolle dort oder nennen Sie unter „mitzeichnung: kaemmerei“ die "
        "Rolle Ihrer Kämmerei aus dieser Liste."
    ]


def test_no_financial_effect_no_kaemmerei(data):
    """Without financing tables and with „Keine.“ as its Finanzielle Auswirkungen, the Kämmerei need not sign."""
    vorlage = data / "vorlagen" / "2021-0130" / "vorlage.yaml"
    (vorlage.parent / "finanzen.md").write_text("Keine.\n", encoding="utf-8")
    edit(vorlage, "abschnitte: [sachstand.md]", "abschnitte: [sachstand.md]\nfinanzielle_auswirkungen: finanzen.md")
    assert _states(data)["2021/0130"] == []
    (vorlage.parent / "finanzen.md").write_text("Es entstehen Reisekosten.\n", encoding="utf-8")
    assert _states(data)["2021/0130"] == [("Kämmerei", "fehlt")]


def test_a_koerperschaft_without_sign_offs_builds_as_before(aachen):
    """No Hausstil rule, no mitzeichnungen.yaml: no sign-off state, no ENTWURF."""
    docs = Composer(prepare(aachen)).compose_all()
    assert docs and all(
        d.freigabe is None and "ENTWURF" not in d.web_html and "ENTWURF" not in d.print_html for d in docs
    )


def test_the_example_without_its_sign_off_rule_asks_nobody(data):
    """conftest.ohne_mitzeichnung, for tests that change the example before every build (the full-disk sweep)."""
    edit(ohne_mitzeichnung(data) / FOLDER / "vorbemerkungen.md", *SENTENCE)
    assert _states(data) == {NR: [], "2021/0130": []}


def test_the_fingerprint_depends_neither_on_the_folder_nor_on_the_hash_seed(tmp_path):
    """The example's sign-off was made in the project folder; a copy elsewhere, in another process with another
    hash seed, finds it valid."""
    import shutil

    copy = tmp_path / "anderswo" / "data"
    shutil.copytree(ROOT / "data", copy)
    env = dict(os.environ, PYTHONHASHSEED="4711", TZ="Pacific/Kiritimati", LANG="C")
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "freigabe", "--data", str(copy)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "  Kämmerei: gültig (Erika Mustermann, 26.05.2021)" in done.stdout


def test_signing_writes_yaml_that_reads_back_exactly(capsys, data):
    name = 'Dr. Anna "Anni" O\'Brien: Kämmerin # 1'
    code, out, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Rechtsamt", "--name", name, "--datum", "2021-05-31"
    )
    assert code == 0, err
    assert out.splitlines()[-2:] == [
        "Hinweis: Für diese Vorlage verlangt der Hausstil keine Mitzeichnung „Rechtsamt“; sie gilt zusätzlich.",
        "Die Vorlage ist freigegeben.",
    ]
    source = next(s for s in prepare(data).facts.vorlagen if s.vorlage.nummer == NR)
    assert [(m.rolle, m.name, m.datum.isoformat()) for m in source.mitzeichnungen] == [
        ("Kämmerei", "Erika Mustermann", "2021-05-26"),
        ("Rechtsamt", name, "2021-05-31"),
    ]
    assert (data / FOLDER / "gezeichnet" / "rechtsamt.txt").read_text(encoding="utf-8") == (
        data / FOLDER / "gezeichnet" / "kaemmerei.txt"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--rolle", "Kämerei", "--name", "E. M."],
            "vorlagen zeichnen: „--rolle“: „Kämerei“ steht nicht in der Liste „hausstil: mitzeichnung: rollen“ der "
            "Körperschaft – meinten Sie „Kämmerei“? Möglich sind: Kämmerei, Rechtsamt. Ein eigenes Wort ergänzen Sie in der "
            "Liste (data/koerperschaft.yaml, Zeile {rollen}).",
        ),
        (
            ["--rolle", "Kämmerei", "--name", ""],
            '--name: Der Name ist leer – geben Sie an, wer zeichnet, z. B. --name "Erika Mustermann".',
        ),
        (
            ["--rolle", "Kämmerei", "--name", "   "],
            '--name: Der Name ist leer – geben Sie an, wer zeichnet, z. B. --name "Erika Mustermann".',
        ),
        (
            ["--rolle", "Kämmerei", "--name", "Erika\nMustermann"],
            "--name: „--name“ muss eine Zeile Text sein, ohne Zeilenumbruch oder Steuerzeichen – geben Sie den Text in "
            "Anführungszeichen in einer Zeile an.",
        ),
        (
            ["--rolle", "Kämmerei", "--name", "{{ koerperschaft.name }}"],
            "--name: „{{ koerperschaft.name }}“ enthält Zeichen, die in keinem Namen vorkommen ({ } < >) – geben Sie nur "
            'den Namen an, z. B. --name "Erika Mustermann".',
        ),
        (
            ["--rolle", "Kämmerei", "--name", "<b>E</b>"],
            "--name: „<b>E</b>“ enthält Zeichen, die in keinem Namen vorkommen ({ } < >) – geben Sie nur den Namen an, "
            'z. B. --name "Erika Mustermann".',
        ),
        (
            ["--rolle", "Kämmerei", "--name", "E" * 121],
            "--name: „--name“ hat 121 Zeichen – höchstens 120 sind vorgesehen; kürzen Sie den Text.",
        ),
        (
            ["--rolle", "Kämmerei", "--name", "E. M.", "--datum", "2021-13-01"],
            "--datum: „2021-13-01“ ist kein Datum – schreiben Sie es als JJJJ-MM-TT, z. B. --datum 2021-06-01.",
        ),
        (
            ["--rolle", "Kämmerei", "--name", "E. M.", "--datum", "26.05.2021"],
            "--datum: „26.05.2021“ ist kein Datum – schreiben Sie es als JJJJ-MM-TT, z. B. --datum 2021-06-01.",
        ),
        (
            ["--rolle", "Kämmerei", "--name", "E. M.", "--datum", "20210526"],
            "--datum: „20210526“ ist kein Datum – schreiben Sie es als JJJJ-MM-TT, z. B. --datum 2021-06-01.",
        ),
    ],
    ids=[
        "unbekannte-rolle",
        "leerer-name",
        "name-nur-leerzeichen",
        "zeilenumbruch",
        "vorlagenausdruck",
        "html",
        "zu-lang",
        "monat-13",
        "deutsches-datum",
        "ohne-striche",
    ],
)
def test_zeichnen_refuses_bad_input(capsys, data, args, message):
    before = (data / FOLDER / "mitzeichnungen.yaml").read_bytes()
    code, out, err = run(capsys, "--data", str(data), "zeichnen", NR, *args)
    rollen = line_of(data / "koerperschaft.yaml", "rollen: [Kämmerei")
    assert code == 1 and out == ""
    assert err.splitlines()[0] == message.replace("{rollen}", str(rollen))
    assert (data / FOLDER / "mitzeichnungen.yaml").read_bytes() == before
    assert sorted(p.name for p in (data / FOLDER / "gezeichnet").iterdir()) == ["kaemmerei.txt"]


def test_zeichnen_an_unknown_nummer(capsys, data):
    code, _, err = run(capsys, "--data", str(data), "zeichnen", "2021/0124", "--rolle", "Kämmerei", "--name", "E. M.")
    assert code == 1
    assert err.splitlines()[0] == (
        "data/vorlagen: Unbekannte Vorlage „2021/0124“ – meinten Sie „2021/0123“? Nennen "
        "Sie die Nummer, wie sie in vorlage.yaml steht, z. B. 2021/0123."
    )


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ("    finanzielle_auswirkungen: [Kämmerei]", "    finanzielle_auswirkungen: [Kammerei]"),
            "data/koerperschaft.yaml:{zeile}: „mitzeichnung“: „Kammerei“ steht nicht in der Liste „hausstil: mitzeichnung: "
            "rollen“ der Körperschaft – meinten Sie „Kämmerei“? Möglich sind: Kämmerei, Rechtsamt. Ein eigenes Wort ergänzen "
            "Sie in der Liste (data/koerperschaft.yaml, Zeile {rollen}).",
        ),
        (
            ("    rollen: [Kämmerei, Rechtsamt]", "    rollen: [Kämmerei, Rechtsamt, Kämmerei]"),
            "data/koerperschaft.yaml:{rollen}: „Kämmerei“ steht in „mitzeichnung: rollen“ doppelt – nennen Sie jede Rolle "
            "einmal.",
        ),
        (
            ("    rollen: [Kämmerei, Rechtsamt]", '    rollen: [Kämmerei, Rechtsamt, " "]'),
            "data/koerperschaft.yaml:{rollen}: Die Liste „mitzeichnung: rollen“ enthält ein leeres Wort – entfernen Sie es.",
        ),
    ],
)
def test_bad_mitzeichnung_in_the_hausstil(data, change, message):
    path = data / "koerperschaft.yaml"
    zeile, rollen = line_of(path, "finanzielle_auswirkungen:"), line_of(path, "rollen: [Kämmerei")
    edit(path, *change)
    assert problems_of(data) == [message.format(zeile=zeile, rollen=rollen)]


def test_an_art_naming_an_unknown_role(data):
    path = data / "koerperschaft.yaml"
    edit(
        path,
        "  mitzeichnung:\n",
        "  arten:\n    Beschlussvorlage: {beschlussvorschlag: pflicht, mitzeichnung: "
        "[Rechtsamt, Dezernat II]}\n  mitzeichnung:\n",
    )
    assert problems_of(data) == [
        f"data/koerperschaft.yaml:{line_of(path, 'Beschlussvorlage:')}: „mitzeichnung“: „Dezernat II“ steht nicht in "
        "der Liste „hausstil: mitzeichnung: rollen“ der Körperschaft – möglich sind: Kämmerei, Rechtsamt. Ein eigenes "
        f"Wort ergänzen Sie in der Liste (data/koerperschaft.yaml, Zeile {line_of(path, 'rollen: [Kämmerei')})."
    ]


def test_an_art_asks_its_roles(data):
    edit(
        data / "koerperschaft.yaml",
        "  mitzeichnung:\n",
        "  arten:\n    Beschlussvorlage: {beschlussvorschlag: "
        "pflicht, mitzeichnung: [Rechtsamt]}\n    Mitteilungsvorlage: "
        "{beschlussvorschlag: verboten}\n  mitzeichnung:\n",
    )
    assert _states(data) == {NR: [("Rechtsamt", "fehlt"), ("Kämmerei", "gültig")], "2021/0130": []}


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '  - rolle: Kämmerei\n    name: Erika Mustermann\n    datum: 2021-05-26\n    fingerabdruck: "sha256:abc"\n',
            "data/vorlagen/2021-0123/mitzeichnungen.yaml:5: „sha256:abc“ ist kein Fingerabdruck von „vorlagen zeichnen“ – "
            "tragen Sie Mitzeichnungen nur mit „vorlagen zeichnen“ ein.",
        ),
        (
            '  - rolle: Personalrat\n    name: Erika Mustermann\n    datum: 2021-05-26\n    fingerabdruck: "sha256:'
            + "0" * 64
            + '"\n',
            "data/vorlagen/2021-0123/mitzeichnungen.yaml:2: „rolle“: „Personalrat“ steht nicht in der Liste „hausstil: "
            "mitzeichnung: rollen“ der Körperschaft – möglich sind: Kämmerei, Rechtsamt. Ein eigenes Wort ergänzen Sie in "
            "der Liste (data/koerperschaft.yaml, Zeile {rollen}).",
        ),
        (
            '  - rolle: Kämmerei\n    name: Erika Mustermann\n    datum: 2021-05-26\n    fingerabdruck: "sha256:'
            + "0" * 64
            + '"\n'
            '  - rolle: Kämmerei\n    name: Erika Muster\n    datum: 2021-05-27\n    fingerabdruck: "sha256:'
            + "1" * 64
            + '"\n',
            "data/vorlagen/2021-0123/mitzeichnungen.yaml:6: Die Rolle „Kämmerei“ hat zweimal gezeichnet – es gilt eine "
            "Mitzeichnung je Rolle; entfernen Sie die ältere (git bewahrt sie auf).",
        ),
        (
            '  - {rolle: Kämmerei, name: Erika Mustermann, datum: 2021-02-30, fingerabdruck: "sha256:'
            + "0" * 64
            + '"}\n',
            "data/vorlagen/2021-0123/mitzeichnungen.yaml:2: „datum“: Den 2021-02-30 gibt es nicht im Kalender – prüfen Sie "
            "Tag und Monat.",
        ),
    ],
    ids=["fingerabdruck", "unbekannte-rolle", "doppelt", "datum"],
)
def test_a_hand_edited_mitzeichnungen_yaml(data, text, message):
    path = data / FOLDER / "mitzeichnungen.yaml"
    path.write_text("mitzeichnungen:\n" + text, encoding="utf-8")
    assert problems_of(data) == [message.format(rollen=line_of(data / "koerperschaft.yaml", "rollen: [Kämmerei"))]


# --- hardening (findings 8, 10, 19): who, when and every link target are signed; a forged entry is ungültig ---

YAML = FOLDER / "mitzeichnungen.yaml"
NEU = 'vorlagen zeichnen 2021/0123 --rolle "Kämmerei" --name "…"'


def _forge(data: Path, name: str, datum: str) -> None:
    """mitzeichnungen.yaml rewritten by hand: another name and date, the fingerprint copied."""
    edit(data / YAML, 'name: "Erika Mustermann"\n    datum: 2021-05-26', f'name: "{name}"\n    datum: {datum}')


def test_a_forged_name_and_date_with_a_copied_fingerprint_is_ungueltig(capsys, data):
    _forge(data, "Max Muster", "2021-05-28")
    assert _states(data)[NR] == [("Kämmerei", "ungültig")]
    line = line_of(data / YAML, "rolle: ")
    message = (
        "Die Mitzeichnung „Kämmerei“ (Max Muster, 28.05.2021) ist ungültig: ihr Fingerabdruck passt nicht zu "
        "Rolle, Name, Datum und gezeichnet/kaemmerei.txt – einer davon wurde nach dem Zeichnen von Hand "
        f"geändert; zeichnen Sie neu: {NEU}"
    )
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1
    assert out.splitlines()[1:3] == [
        "  Kämmerei: ungültig (Max Muster, 28.05.2021)",
        f"    data/vorlagen/2021-0123/mitzeichnungen.yaml:{line}: {message}",
    ]
    code, out, _ = run(capsys, "--data", str(data), "check", "--ohne-satz")
    assert f"  data/vorlagen/2021-0123/mitzeichnungen.yaml:{line}: Vorlage {NR}: {message}\n" in out


def test_the_findings_forgery_without_gezeichnet_is_ungueltig(capsys, data):
    """Finding 8: another name, a date in 2030, the fingerprint copied, gezeichnet/ deleted."""
    import shutil

    _forge(data, "Hans Fälscher", "2030-02-21")
    shutil.rmtree(data / FOLDER / "gezeichnet")
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1
    assert out.splitlines()[1:3] == [
        "  Kämmerei: ungültig (Hans Fälscher, 21.02.2030)",
        f"    data/vorlagen/2021-0123/mitzeichnungen.yaml:{line_of(data / YAML, 'rolle: ')}: Die Mitzeichnung "
        "„Kämmerei“ (Hans Fälscher, 21.02.2030) ist ungültig: gezeichnet/kaemmerei.txt, der gezeichnete Text, fehlt; "
        f"zeichnen Sie neu: {NEU}",
    ]


def test_a_missing_or_altered_gezeichnet_file_makes_a_valid_sign_off_ungueltig(data):
    signed = data / FOLDER / "gezeichnet" / "kaemmerei.txt"
    text = signed.read_text(encoding="utf-8")
    signed.write_text(text.replace("Nordrhein-Westfalen", "NRW", 1), encoding="utf-8")
    assert _states(data)[NR] == [("Kämmerei", "ungültig")]
    signed.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # git's Windows line ends: the same text
    assert _states(data)[NR] == [("Kämmerei", "gültig")]
    signed.unlink()
    assert _states(data)[NR] == [("Kämmerei", "ungültig")]


def test_a_changed_link_target_makes_the_sign_off_stale(capsys, data):
    text = data / FOLDER / "vorbemerkungen.md"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nMehr bei der [Stadtbibliothek](https://bibliothek.example/kim).\n",
        encoding="utf-8",
    )
    code, _, err = run(
        capsys,
        "--data",
        str(data),
        "zeichnen",
        NR,
        "--rolle",
        "Kämmerei",
        "--name",
        "Erika Mustermann",
        "--datum",
        "2021-05-26",
    )
    assert code == 0, err
    assert "- https://bibliothek.example/kim\n" in (data / FOLDER / "gezeichnet" / "kaemmerei.txt").read_text(
        encoding="utf-8"
    )
    edit(text, "https://bibliothek.example/kim", "https://evil.example/kim")  # the same words printed
    assert _states(data)[NR] == [("Kämmerei", "veraltet")]
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1 and "        ~ - [-https://bibliothek.example/kim-]{+https://evil.example/kim+}\n" in out


def test_a_name_zeichnen_refuses_is_refused_in_mitzeichnungen_yaml(data):
    edit(data / YAML, 'name: "Erika Mustermann"', 'name: "<script>{{ 7*7 }}</script>"')
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/mitzeichnungen.yaml:{line_of(data / YAML, 'name: ')}: „<script>{{{{ 7*7 }}}}</script>“ "
        "enthält Zeichen, die in keinem Namen vorkommen ({ } < >) – tragen Sie Mitzeichnungen nur mit „vorlagen "
        "zeichnen“ ein.".replace("{{{{", "{{").replace("}}}}", "}}")
    ]


def test_an_empty_name_in_mitzeichnungen_yaml(data):
    edit(data / YAML, 'name: "Erika Mustermann"', 'name: "  "')
    assert problems_of(data) == [
        f"data/vorlagen/2021-0123/mitzeichnungen.yaml:{line_of(data / YAML, 'name: ')}: Der Name ist leer – tragen "
        "Sie Mitzeichnungen nur mit „vorlagen zeichnen“ ein."
    ]


@pytest.mark.parametrize(
    "datum, message",
    [
        (
            "1900-01-01",
            "--datum: Der 01.01.1900 liegt mehr als ein Jahr vor dem Datum der Vorlage (27.05.2021) – prüfen "
            "Sie das Jahr.",
        ),
        (
            "2020-05-26",
            "--datum: Der 26.05.2020 liegt mehr als ein Jahr vor dem Datum der Vorlage (27.05.2021) – prüfen "
            "Sie das Jahr.",
        ),
        (
            "2021-06-22",
            "--datum: Der 22.06.2021 liegt nach der letzten Sitzung der Beratungsfolge (21.06.2021) – "
            "gezeichnet wird, bevor beraten wird; geben Sie den Tag der Mitzeichnung mit --datum an.",
        ),
        (
            "2099-12-31",
            "--datum: Der 31.12.2099 liegt in der Zukunft – eine Mitzeichnung trägt den Tag, an dem gezeichnet "
            "wurde (ohne --datum: heute).",
        ),
    ],
    ids=["1900", "ein-jahr-und-einen-tag-vorher", "nach-der-letzten-sitzung", "zukunft"],
)
def test_zeichnen_refuses_a_date_that_cannot_be(capsys, data, datum, message):
    before = (data / YAML).read_bytes()
    code, out, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Kämmerei", "--name", "E. M.", "--datum", datum
    )
    assert code == 1 and out == "" and err.splitlines()[0] == message
    assert (data / YAML).read_bytes() == before


@pytest.mark.parametrize("datum", ["2020-05-27", "2021-06-21"])  # 365 days before 27.05.2021; the KA's day
def test_zeichnen_takes_the_bounds_themselves(capsys, data, datum):
    code, _, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Kämmerei", "--name", "E. M.", "--datum", datum
    )
    assert code == 0, err


def test_a_stale_sign_off_nobody_asks_for_does_not_block(capsys, data, tmp_path, schnellsatz):
    code, _, err = run(
        capsys,
        "--data",
        str(data),
        "zeichnen",
        NR,
        "--rolle",
        "Rechtsamt",
        "--name",
        "Rita Recht",
        "--datum",
        "2021-05-26",
    )
    assert code == 0, err
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    code, said, err = run(
        capsys,
        "--data",
        str(data),
        "zeichnen",
        NR,
        "--rolle",
        "Kämmerei",
        "--name",
        "Erika Mustermann",
        "--datum",
        "2021-06-01",
    )
    assert code == 0, err
    assert said.splitlines()[-1] == "Die Vorlage ist freigegeben."
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 0
    assert "  Rechtsamt: veraltet (Rita Recht, 26.05.2021) – nicht verlangt\n" in out
    code, _, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"), "sitzung", "ASI-2021-06-10")
    assert code == 0, err


def test_roles_that_share_a_gezeichnet_file_are_refused(data):
    path = data / "koerperschaft.yaml"
    edit(path, "    rollen: [Kämmerei, Rechtsamt]", "    rollen: [Kämmerei, Rechtsamt, Kaemmerei]")
    assert problems_of(data) == [
        f"data/koerperschaft.yaml:{line_of(path, 'rollen: [Kämmerei')}: „Kämmerei“ und „Kaemmerei“ in „mitzeichnung: "
        "rollen“ teilen sich die Datei gezeichnet/kaemmerei.txt – geben Sie den Rollen Namen, die sich nicht nur in "
        "Umlauten, Groß- und Kleinschreibung oder Satzzeichen unterscheiden."
    ]


def test_a_vorlage_without_nummer_is_signed_by_its_folder(capsys, tmp_path):
    import shutil

    data = shutil.copytree(ROOT / "tests" / "fixtures" / "heidemoor", tmp_path / "data")
    code, said, err = run(
        capsys,
        "--data",
        str(data),
        "zeichnen",
        "entwurf-breitband",
        "--rolle",
        "Kämmerei",
        "--name",
        "Erika Mustermann",
        "--datum",
        "2024-01-01",
    )
    assert code == 0, err
    assert said.splitlines()[0] == (
        "Mitzeichnung eingetragen: Vorlage ohne Nummer (Ordner entwurf-breitband), "
        "Kämmerei – Erika Mustermann, 01.01.2024."
    )
    code, out, err = run(capsys, "--data", str(data), "freigabe", "entwurf-breitband")
    assert code == 0, err
    assert out.splitlines()[:2] == [
        "Vorlage ohne Nummer (Ordner entwurf-breitband): Sachstand des Breitbandausbaus "
        "in den Außenbereichen – freigegeben",
        "  Kämmerei: gültig (Erika Mustermann, 01.01.2024) – nicht verlangt",
    ]
    code, out, _ = run(capsys, "--data", str(data), "freigabe")
    assert "Vorlage None" not in out and "Vorlage ohne Nummer (Ordner entwurf-breitband)" in out
    code, _, err = run(capsys, "--data", str(data), "freigabe", "2024/999")  # finding 10: was a TypeError
    assert code == 2 and err.splitlines()[0] == (
        "data/vorlagen: Unbekannte Vorlage „2024/999“ – meinten Sie „2024/052“? Nennen Sie die Nummer, wie sie in "
        "vorlage.yaml steht, z. B. 2024/041."
    )


def test_the_oparl_endpoint_leaves_an_entwurf_out(capsys, data, tmp_path, schnellsatz):
    import json

    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    out = tmp_path / "out"
    code, said, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0
    assert (
        f"Warnung: data/vorlagen/2021-0123/mitzeichnungen.yaml: Die Vorlage {NR} ist noch ein ENTWURF – die "
        f"OParl-Schnittstelle veröffentlicht sie erst, wenn sie freigegeben ist. {STALE}"
    ) in (said + err).splitlines()
    papers = json.loads((out / "oparl" / "body" / "rhein-sieg-kreis" / "paper" / "1.json").read_text(encoding="utf-8"))
    assert NR not in [p.get("reference") for p in papers["data"]]
    assert (
        not (out / "oparl" / "paper" / "2021-0123.json").exists()
        or json.loads((out / "oparl" / "paper" / "2021-0123.json").read_text(encoding="utf-8")).get("deleted") is True
    )
    for path in (out / "oparl").rglob("*.json"):
        assert "2021-0123.pdf" not in path.read_text(encoding="utf-8"), path


def test_an_ungueltig_sign_off_blocks_even_where_nobody_asks_for_it(capsys, data, tmp_path, schnellsatz):
    code, _, err = run(
        capsys,
        "--data",
        str(data),
        "zeichnen",
        NR,
        "--rolle",
        "Rechtsamt",
        "--name",
        "Rita Recht",
        "--datum",
        "2021-05-26",
    )
    assert code == 0, err
    edit(data / YAML, 'name: "Rita Recht"', 'name: "Rita Richter"')
    assert _states(data)[NR] == [("Kämmerei", "gültig"), ("Rechtsamt", "ungültig")]
    code, _, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "out"), "sitzung", "ASI-2021-06-10")
    assert code == 1
    assert err.splitlines()[0] == (
        "data/vorlagen/2021-0123/mitzeichnungen.yaml: Die Vorlage 2021/0123 ist noch ein ENTWURF – die Sitzungsmappe "
        "und das Veröffentlichungspaket der Sitzung ASI-2021-06-10 entstehen erst, wenn sie freigegeben ist. Die "
        "Mitzeichnung „Rechtsamt“ (Rita Richter, 26.05.2021) ist ungültig: ihr Fingerabdruck passt nicht zu Rolle, "
        "Name, Datum und gezeichnet/rechtsamt.txt – einer davon wurde nach dem Zeichnen von Hand geändert; zeichnen "
        'Sie neu: vorlagen zeichnen 2021/0123 --rolle "Rechtsamt" --name "…"'
    )


AUSSEN = (
    "Die Mitzeichnung „Kämmerei“ (Erika Mustermann, 26.05.2021) ist ungültig: gezeichnet/kaemmerei.txt, der "
    "gezeichnete Text, liegt außerhalb des Datenordners (eine Verknüpfung zeigt hinaus) und wird nicht gelesen; "
    f"ersetzen Sie die Verknüpfung durch den Ordner und die Datei selbst oder zeichnen Sie neu: {NEU}"
)


def _linked_out(data: Path, tmp_path: Path) -> Path:
    """gezeichnet/ moved out of the data folder and replaced by a link to it; returns the outside folder."""
    outside = tmp_path / "aussen"
    (data / FOLDER / "gezeichnet").rename(outside)
    (data / FOLDER / "gezeichnet").symlink_to(outside, target_is_directory=True)
    return outside


def test_freigabe_reads_no_signed_text_through_a_link_out_of_the_data_folder(capsys, data, tmp_path):
    """Issue 33, point 5: the signed text is not read from outside – neither through a linked gezeichnet/ nor a
    linked file – and the message says so (before: „fehlt“, as if it had been deleted)."""
    _linked_out(data, tmp_path)
    where = f"data/vorlagen/2021-0123/mitzeichnungen.yaml:{line_of(data / YAML, 'rolle: ')}"
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1
    assert out.splitlines()[1:3] == ["  Kämmerei: ungültig (Erika Mustermann, 26.05.2021)", f"    {where}: {AUSSEN}"]

    (data / FOLDER / "gezeichnet").unlink()  # a folder inside, the file a link out
    (data / FOLDER / "gezeichnet").mkdir()
    (data / FOLDER / "gezeichnet" / "kaemmerei.txt").symlink_to(tmp_path / "aussen" / "kaemmerei.txt")
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1 and out.splitlines()[2] == f"    {where}: {AUSSEN}"

    (data / FOLDER / "gezeichnet" / "kaemmerei.txt").unlink()  # a link to itself
    (data / FOLDER / "gezeichnet" / "kaemmerei.txt").symlink_to("kaemmerei.txt")
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 1 and out.splitlines()[2] == (
        f"    {where}: Die Mitzeichnung „Kämmerei“ (Erika Mustermann, 26.05.2021) ist ungültig: "
        "gezeichnet/kaemmerei.txt, der gezeichnete Text, ist eine Verknüpfung, die im Kreis verweist, und wird nicht "
        f"gelesen; ersetzen Sie die Verknüpfung durch die Datei selbst oder zeichnen Sie neu: {NEU}"
    )

    (data / FOLDER / "gezeichnet" / "kaemmerei.txt").unlink()  # the file itself again: valid, nothing cached
    (tmp_path / "aussen" / "kaemmerei.txt").rename(data / FOLDER / "gezeichnet" / "kaemmerei.txt")
    assert _states(data)[NR] == [("Kämmerei", "gültig")]


def test_a_build_marks_a_vorlage_whose_signed_text_lies_outside_and_rebuilds_once_it_is_back(
    capsys, data, tmp_path, schnellsatz
):
    """The build's record notes the signed text that was not read: replacing the link by the folder is a change."""
    outside = _linked_out(data, tmp_path)
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    entwurf = out / "intern" / "vorlagen" / "2021-0123" / "2021-0123.txt"  # an ENTWURF lies in intern/
    assert entwurf.read_text(encoding="utf-8").splitlines()[0] == (
        "ENTWURF – noch nicht freigegeben; Mitzeichnung ausstehend: Kämmerei (ungültig)"
    )
    (data / FOLDER / "gezeichnet").unlink()
    outside.rename(data / FOLDER / "gezeichnet")
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    text = out / "vorlagen" / "2021-0123" / "2021-0123.txt"
    assert "ENTWURF" not in text.read_text(encoding="utf-8").splitlines()[0] and not entwurf.exists()


def test_zeichnen_writes_nothing_through_a_link_out_of_the_data_folder(capsys, data, tmp_path):
    """Issue 33, point 5: the signed text holds every Anlage, the non-public ones too – it is not written through
    a linked gezeichnet/ to outside; a link as the file itself is replaced by the file, the target stays as it was."""
    outside = _linked_out(data, tmp_path)
    before = (data / YAML).read_bytes()
    code, out, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Rechtsamt", "--name", "E. M.", "--datum", "2021-05-31"
    )
    assert code == 1 and out == ""
    assert err.splitlines()[0] == (
        "data/vorlagen/2021-0123/gezeichnet: Der Ordner gezeichnet/ ist eine Verknüpfung, die aus dem Datenordner "
        "hinaus zeigt – vorlagen schreibt den gezeichneten Text (mit allen Anlagen, auch den nichtöffentlichen) nur "
        "in den Datenordner; ersetzen Sie die Verknüpfung durch einen Ordner und zeichnen Sie dann."
    )
    assert sorted(p.name for p in outside.iterdir()) == ["kaemmerei.txt"]
    assert (data / YAML).read_bytes() == before

    (data / FOLDER / "gezeichnet").unlink()
    outside.rename(data / FOLDER / "gezeichnet")
    target = tmp_path / "rechtsamt-aussen.txt"
    target.write_text("unverändert\n", encoding="utf-8")
    (data / FOLDER / "gezeichnet" / "rechtsamt.txt").symlink_to(target)
    code, _, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Rechtsamt", "--name", "E. M.", "--datum", "2021-05-31"
    )
    assert code == 1
    assert err.splitlines()[0] == (
        "data/vorlagen/2021-0123/gezeichnet/rechtsamt.txt: Die Datei ist eine Verknüpfung – durch eine Verknüpfung "
        "schreibt vorlagen nie; ersetzen Sie sie durch die Datei selbst – nichts geschrieben."
    )
    assert target.read_text(encoding="utf-8") == "unverändert\n"
    assert (data / YAML).read_bytes() == before, "the sign-off's two files are written together or not at all"
    signed = data / FOLDER / "gezeichnet" / "rechtsamt.txt"
    signed.unlink()
    code, _, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Rechtsamt", "--name", "E. M.", "--datum", "2021-05-31"
    )
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == "unverändert\n"
    assert not signed.is_symlink()
    assert signed.read_bytes() == (data / FOLDER / "gezeichnet" / "kaemmerei.txt").read_bytes()


# Issue 33, point 2: a sign-off binds to what the print shows – the print HTML of the Vorlage and its Anlagen and
# every file the renderer loads for them (stylesheets, fonts, images); nothing else.

KOERPERSCHAFT = Path("koerperschaft.yaml")
AKZENT = '  akzentfarbe: "#00599c"\n'


def _sign(capsys, data: Path) -> None:
    """The Kämmerei signs the Vorlage as it prints now (same name and date as the example's sign-off)."""
    code, _, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Kämmerei", "--name", "Erika Mustermann",
        "--datum", "2021-05-26",
    )  # fmt: skip
    assert code == 0, err
    assert _states(data)[NR] == [("Kämmerei", "gültig")]


def _druckbild(capsys, data: Path) -> list[str]:
    """The lines under „Druckbild:“ in `vorlagen freigabe` (the text did not change)."""
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    lines = out.splitlines()
    assert code == 1 and lines[1:4] == [
        "  Kämmerei: veraltet (Erika Mustermann, 26.05.2021)",
        "    Seit der Mitzeichnung geändert:",
        "      Druckbild:",
    ]
    return [line.strip() for line in lines[4 : lines.index("")]]


def _append(data: Path, markdown: str) -> Path:
    text = data / FOLDER / "vorbemerkungen.md"
    text.write_text(text.read_text(encoding="utf-8") + "\n" + markdown, encoding="utf-8")
    return text


def test_the_example_signs_its_druckbild(data):
    """The signed text ends with the digests of the print; the example's sign-off is valid for them."""
    signed = (data / FOLDER / "gezeichnet" / "kaemmerei.txt").read_text(encoding="utf-8")
    bild = signed.split("Druckbild (SHA-256 der Druckfassungen und jeder Datei, die sie laden):\n")[1]
    bild = bild.split("\n\nSeitenbild (")[0] + "\n"  # then the pages as laid out (test_seitenbild.py)
    assert [line.split(": ")[0] for line in bild.splitlines()] == [
        "- Vorlage",
        "- Anlage 1",
        "- vorlage.css (vorlagen)",
        *(f"- fonts/LiberationSans-{f}.ttf (vorlagen)" for f in ("Regular", "Bold", "Italic", "BoldItalic")),
    ]
    font = (ROOT / "templates" / "fonts" / "LiberationSans-Regular.ttf").read_bytes()
    assert f"- fonts/LiberationSans-Regular.ttf (vorlagen): {hashlib.sha256(font).hexdigest()}\n" in bild
    assert _states(data)[NR] == [("Kämmerei", "gültig")]


@pytest.mark.parametrize(
    "before, after",
    [
        ("```\nZuschuss: 100.000 EUR\n```\n", "```\nZuschuss: 900.000 EUR\n```\n"),  # a code block
        ("- Gesamt 100.000 €\n  - davon Land\n", "- Gesamt 900.000 €\n  - davon Land\n"),  # a nested list's parent
    ],
    ids=["codeblock", "verschachtelte-liste"],
)
def test_printed_text_the_text_rendition_leaves_out_makes_the_sign_off_stale(capsys, data, before, after):
    text = _append(data, before)
    _sign(capsys, data)
    edit(text, before, after)
    assert _states(data)[NR] == [("Kämmerei", "veraltet")]


def test_a_soft_hyphen_that_prints_nothing_keeps_the_sign_off(data):
    edit(data / FOLDER / "vorbemerkungen.md", "Integrationsmanagement", "Integrations\u00admanagement")
    assert _states(data)[NR] == [("Kämmerei", "gültig")]
    edit(data / FOLDER / "vorbemerkungen.md", "Integrations\u00admanagement", "Integrations&shy;management")
    assert _states(data)[NR] == [("Kämmerei", "gültig")]


def test_a_sign_off_from_before_the_druckbild_that_goes_stale_says_why(capsys, data):
    """A sign-off written by 0.2 (its text without Druckbild) holds while its text is the same; once the text
    changes, freigabe also says that it held for less than the print."""
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    signed = data / FOLDER / "gezeichnet" / "kaemmerei.txt"
    text = signed.read_text(encoding="utf-8").split("\n\nDruckbild (SHA-256")[0] + "\n"
    signed.write_text(text, encoding="utf-8")
    siegel_alt = freigabe_siegel("Kämmerei", "Erika Mustermann", dt.date(2021, 5, 26), text)
    yaml = data / FOLDER / "mitzeichnungen.yaml"
    yaml.write_text(re.sub(r'fingerabdruck: "[^"]*"', f'fingerabdruck: "{siegel_alt}"', yaml.read_text("utf-8")))
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    lines = [line.strip() for line in out.splitlines()]
    assert code == 1 and lines[1:4] == [
        "Kämmerei: veraltet (Erika Mustermann, 26.05.2021)",
        "Seit der Mitzeichnung geändert:",
        "Text:",
    ]
    druckbild = lines[lines.index("Druckbild:") + 1]
    assert druckbild == (
        "gezeichnet mit einer früheren Version von vorlagen, die das Druckbild noch nicht erfasste – zeichnen Sie neu"
    )


def test_a_pdf_changed_after_the_build_is_made_anew_before_it_is_published(capsys, data, tmp_path, schnellsatz):
    """Issue 33, point 4: the Mappe, the bundle and OParl take the bytes that were built for the signed print.
    A Vorlage's PDF changed in output/ after the build (by hand, by another program) is not linked into the next
    build and its bundle: it is rendered again."""
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out), "--mappen")[0] == 0
    pdf = out / "vorlagen" / "2021-0123" / "2021-0123.pdf"
    bundle = out / "publish" / "ASI-2021-06-10" / "vorlage-2021-0123.pdf"
    built = pdf.read_bytes()
    assert bundle.read_bytes() == built
    middle = len(built) // 2
    pdf.write_bytes(built[:middle] + bytes([built[middle] ^ 1]) + built[middle + 1 :])  # one bit: same size
    code, out_text, err = run(capsys, "--data", str(data), "--out", str(out), "--mappen")
    assert code == 0, err
    assert "; 1 PDF neu gesetzt" in out_text
    assert pdf.read_bytes() == built and bundle.read_bytes() == built
    sums = (out / "publish" / "ASI-2021-06-10" / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"{hashlib.sha256(built).hexdigest()}  vorlage-2021-0123.pdf" in sums
