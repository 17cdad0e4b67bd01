"""Errors for people: exact German messages with file and line, all at once, exit 1, nothing lost."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hilfen import ERLENBRUCH, RECHENWEGE, ROOT, copy_data, edit, line_of, run

VORLAGE = Path("vorlagen/2021-0123/vorlage.yaml")
SUMMARY_1 = "1 Problem gefunden – es wurde nichts geschrieben; die bisherige Ausgabe ist unverändert."


def problems(err: str) -> list[str]:
    """The problem lines of stderr, without the closing summary."""
    return [line for line in err.splitlines() if line and "gefunden – es wurde nichts geschrieben" not in line]


def check(capsys, data: Path) -> tuple[int, list[str]]:
    code, _, err = run(capsys, "check", "--data", str(data))
    return code, problems(err)


def test_seed_typos_in_expected_eigenanteile_give_exactly_two_problems(capsys, data):
    # Seed 000 types 10.317 € and 258.820 €; computed from the facts they are 10.335 € and 258.818 €.
    vorlage = data / VORLAGE
    edit(vorlage, "erwartet: {eigenanteil: 10335}", "erwartet: {eigenanteil: 10317}")
    edit(vorlage, "erwartet: {eigenanteil: 258818}", "erwartet: {eigenanteil: 258820}")
    code, found = check(capsys, data)
    assert code == 1
    assert found == [
        f"data/{VORLAGE}:{line_of(vorlage, '10317')}: Berechnung „m1-assistenz“, Eigenanteil: berechnet "
        "10.335\u00a0€, erwartet 10.317\u00a0€, Differenz +18\u00a0€ – prüfen Sie den erwarteten Wert und die Eingangswerte.",
        f"data/{VORLAGE}:{line_of(vorlage, '258820')}: Berechnung „m2-case-management“, Eigenanteil: berechnet "
        "258.818\u00a0€, erwartet 258.820\u00a0€, Differenz \u22122\u00a0€ – prüfen Sie den erwarteten Wert und die Eingangswerte.",
    ]


def test_seed_typo_in_a_row_is_caught(capsys, data):
    # Seed 000 prints 39.946 € for 0,5 x 79.928 € = 39.964 € (transposed digits).
    vorlage = data / VORLAGE
    edit(vorlage, "- {anzahl: 0.5, saetze: [kgst-2020/E5]}", "- {anzahl: 0.5, saetze: [kgst-2020/E5], erwartet: 39946}")
    code, found = check(capsys, data)
    assert found == [
        f"data/{VORLAGE}:{line_of(vorlage, '39946')}: Berechnung „m1-assistenz“, Zeile „0,5 x 79.928\u00a0€ "
        "(E5 für 13 Monate)“: berechnet 39.964\u00a0€, erwartet 39.946\u00a0€, Differenz +18\u00a0€ – prüfen Sie "
        "den erwarteten Wert und die Eingangswerte."
    ]


def test_bescheid_amount_must_equal_vzae_times_rate(capsys, data):
    path = data / "bescheide" / "2021-02-03-kim-modul-2.yaml"
    edit(path, "betrag: 605000", "betrag: 650000")
    code, found = check(capsys, data)
    assert found == [
        f"data/bescheide/2021-02-03-kim-modul-2.yaml:{line_of(path, 'betrag')}: Bescheid "
        "„2021-02-03-kim-modul-2“, Betrag (Anzahl × Satz): berechnet 605.000\u00a0€, erwartet 650.000\u00a0€, "
        "Differenz \u221245.000\u00a0€ – prüfen Sie den erwarteten Wert und die Eingangswerte."
    ]


def test_distribution_must_add_up(capsys, data):
    vorlage = data / VORLAGE
    edit(vorlage, "Hennef: 1", "Hennef: 2")
    code, found = check(capsys, data)
    assert found == [
        f"data/{VORLAGE}:{line_of(vorlage, 'werte:')}: Verteilung „cm-einsatz“: Die Werte ergeben 36,00, "
        "erwartet sind 35,00 (7 VZÄ x 5 Tage), Differenz 1,00 – prüfen Sie die Werte."
    ]


def test_broken_yaml_names_the_line(capsys, data):
    path = data / "sitzungen" / "ASI-2021-06-10.yaml"
    path.write_text("gremium: ASI\ndatum: 2021-06-10\nort: [Kreishaus\n", encoding="utf-8")
    code, found = check(capsys, data)
    assert code == 1
    assert found == [
        "data/sitzungen/ASI-2021-06-10.yaml:4: YAML-Syntaxfehler: Eine Liste in eckigen Klammern ist "
        "nicht richtig geschlossen – prüfen Sie die Kommas und die schließende „]“; ein Text mit Komma "
        "oder Klammer gehört in Anführungszeichen."
    ]


@pytest.mark.parametrize(
    "text, line, reason",
    [
        (
            "gremium: ASI\ntagesordnung:\n  oeffentlich: []\n nichtoeffentlich: []\n",
            4,
            "Die Einrückung passt nicht zur Zeile davor – Einträge einer Ebene stehen genau untereinander, Unterpunkte mit "
            "zwei Leerzeichen mehr.",
        ),
        (
            "gremium: ASI\ndatum: 2021-06-10\nort: Saal: Nord\n",
            3,
            "Ein Doppelpunkt mit Leerzeichen steht mitten in einem Wert – ist die Zeile zu weit eingerückt, oder gehört der "
            'Wert in Anführungszeichen (z. B. titel: "Antrag: Neubau")?',
        ),
        (
            'gremium: ASI\ndatum: 2021-06-10\nort: "Kreishaus\n',
            4,
            "Ein Anführungszeichen oder eine Klammer wird bis zum Ende der Datei nicht geschlossen – prüfen Sie, ob jedes "
            '„"“, „[“ und „{“ sein Gegenstück hat.',
        ),
        (
            "gremium: ASI\ndatum: 2021-06-10\nort: @Kreishaus\n",
            3,
            "Ein Zeichen wie @, ` oder % kann keinen Wert beginnen – setzen Sie den Wert in Anführungszeichen.",
        ),
    ],
)
def test_yaml_syntax_errors_are_german_without_the_parsers_english(capsys, data, text, line, reason):
    (data / "sitzungen" / "ASI-2021-06-10.yaml").write_text(text, encoding="utf-8")
    code, found = check(capsys, data)
    assert code == 1
    assert found == [f"data/sitzungen/ASI-2021-06-10.yaml:{line}: YAML-Syntaxfehler: {reason}"]


def test_unknown_key_suggests_the_right_one_and_is_not_reported_twice(capsys, data):
    edit(data / VORLAGE, "betreff:", "betref:")
    code, found = check(capsys, data)
    assert found == [
        f"data/{VORLAGE}:6: Unbekannter Schlüssel „betref“ in „vorlage.yaml“ – meinten Sie „betreff“? "
        "Erlaubt sind: nummer, art, oeffentlich, datum, aktenzeichen, kopf, federfuehrend, einreicher, aendert, "
        "fragen, antwort_bis, beantwortet, stellungnahme_zu, betreff, beratungsfolge, "
        "beschlussvorschlag, abschnitte, texte, klimaschutz, dringlichkeitsentscheidung, finanzielle_auswirkungen, "
        "bescheide, antraege, finanzierung, zahlen, verteilungen, anlagen, unterschrift, bezug, platzhalter."
    ]


def test_missing_key(capsys, data):
    edit(data / "sitzungen" / "KA-2021-06-21.yaml", "datum: 2021-06-21\n", "")
    code, found = check(capsys, data)
    assert found == [
        "data/sitzungen/KA-2021-06-21.yaml:1: In „KA-2021-06-21.yaml“ fehlt der Eintrag „datum“ – ergänzen Sie ihn."
    ]


def test_wrong_types(capsys, data):
    vorlage = data / VORLAGE
    edit(vorlage, "anzahl: 7, saetze: [kgst-2020/S12]", "anzahl: sieben, saetze: [kgst-2020/S12]")
    edit(vorlage, "oeffentlich: true", "oeffentlich: vielleicht")
    edit(vorlage, "datum: 2021-05-27", "datum: 2021-02-30")
    edit(vorlage, "art: Beschlussvorlage", "art: Beschlusvorlage")
    code, found = check(capsys, data)
    assert found == [
        f"data/{VORLAGE}:2: „art“: „Beschlusvorlage“ steht nicht in der Liste „hausstil: arten“ der Körperschaft – "
        "meinten Sie „Beschlussvorlage“? Möglich sind: Beschlussvorlage, Mitteilungsvorlage, Berichtsvorlage, Antrag, "
        "Änderungsantrag, Anfrage. Für "
        "ein eigenes Wort legen Sie die Liste „arten:“ unter „hausstil:“ in koerperschaft.yaml an – sie ersetzt die "
        "Standardwörter; übernehmen Sie die, die Sie weiter brauchen.",
        f"data/{VORLAGE}:3: „oeffentlich“: „vielleicht“ ist weder ja noch nein – schreiben Sie true oder false.",
        f"data/{VORLAGE}:4: „datum“: Den 2021-02-30 gibt es nicht im Kalender – prüfen Sie Tag und Monat.",
        f"data/{VORLAGE}:{line_of(vorlage, 'sieben')}: „anzahl“: „sieben“ ist keine Zahl – schreiben Sie Zahlen ohne "
        "Tausenderpunkt und mit Dezimalpunkt, z. B. 55000 oder 3.5.",
    ]


def test_decimal_comma_gets_a_precise_hint(capsys, data):
    edit(data / "kostensaetze" / "kgst-2020.yaml", "E5: 73780", "E5: 73780,5")
    code, found = check(capsys, data)
    assert found == [
        "data/kostensaetze/kgst-2020.yaml:7: „E5“: „73780,5“ hat ein Dezimalkomma; Zahlen der Datendateien haben "
        "einen Dezimalpunkt – schreiben Sie 73780.50."
    ]


def test_unknown_references_all_at_once(capsys, data):
    vorlage = data / VORLAGE
    edit(vorlage, "sitzung: KA-2021-06-21", "sitzung: KA-2021-06-12")
    edit(vorlage, "federfuehrend: KI", "federfuehrend: KJ")
    edit(vorlage, "[kgst-2020/E11]", "[kgst-2020/E12]")
    edit(vorlage, "  - 2021-02-03-kim-modul-2", "  - 2021-02-03-kim-modul2")
    edit(data / "sitzungen" / "KA-2021-06-21.yaml", "gremium: KA", "gremium: KAA")
    edit(vorlage, "Königswinter: 2", "Königwinter: 2")
    code, found = check(capsys, data)
    assert code == 1
    assert found == [
        "data/sitzungen/KA-2021-06-21.yaml:1: Unbekanntes Gremium „KAA“ – meinten Sie „KA“? Tragen Sie es in "
        "koerperschaft.yaml unter „gremien“ ein.",
        f"data/{VORLAGE}:5: Unbekanntes Amt „KJ“ – tragen Sie es in koerperschaft.yaml unter „aemter“ ein.",
        f"data/{VORLAGE}:9: Unbekannte Sitzung „KA-2021-06-12“ – meinten Sie „KA-2021-06-21“? Legen Sie sie unter "
        "sitzungen/ an.",
        f"data/{VORLAGE}:15: Unbekannter Bescheid „2021-02-03-kim-modul2“ – meinten Sie „2021-02-03-kim-modul-2“? "
        "Legen Sie ihn unter bescheide/ an.",
        f"data/{VORLAGE}:{line_of(vorlage, 'E12')}: Unbekannter Satz „kgst-2020/E12“ – meinten Sie „kgst-2020/S12“? "
        "Sätze heißen „datei/kürzel“ (kostensaetze/) oder „programm/modul/satz“ (foerderprogramme/).",
        f"data/{VORLAGE}:{line_of(vorlage, 'Königwinter')}: Unbekannte Kommune „Königwinter“ – meinten Sie "
        "„Königswinter“? Prüfen Sie die Schreibweise oder ergänzen Sie „kommunen“ in koerperschaft.yaml.",
    ]


def test_missing_files(capsys, data):
    vorlage = data / VORLAGE
    edit(vorlage, "  - vorbemerkungen.md", "  - vorbemerkung.md")
    edit(vorlage, "datei: anlagen/handlungskonzept.md", "datei: anlagen/konzept.md")
    code, found = check(capsys, data)
    assert found == [
        f"data/{VORLAGE}:{line_of(vorlage, 'abschnitte:')}: Die Datei „vorbemerkung.md“ gibt es nicht im Ordner "
        "data/vorlagen/2021-0123 – prüfen Sie den Namen.",
        f"data/{VORLAGE}:{line_of(vorlage, 'konzept.md')}: Die Datei „anlagen/konzept.md“ gibt es nicht im Ordner "
        "data/vorlagen/2021-0123 – prüfen Sie den Namen.",
    ]


def test_unknown_name_in_prose_suggests_the_field(capsys, data):
    text = data / "vorlagen" / "2021-0123" / "erlaeuterungen.md"
    edit(text, 'finanzierung["m1-steuerung"].eigenanteil', 'finanzierung["m1-steuerung"].eigenantel')
    edit(text, 'finanzierung["m2-case-management"].eigenanteil', 'finanzierung["m2-casemanagement"].eigenanteil')
    code, found = check(capsys, data)
    assert found == [
        f"data/vorlagen/2021-0123/erlaeuterungen.md:{line_of(text, 'eigenantel')}: "
        '{{ finanzierung["m1-steuerung"].eigenantel | eur }}: „eigenantel“ gibt es nicht in „Tabelle“ – meinten Sie '
        "„eigenanteil“? Vorhanden: abzuege, alternative, anzahl_zeilen, art, berechnung, eigenanteil, gesamtkosten, id, jahre, monate, "
        "periode, quantum, titel, ueberschrift, vzae, zeilen, zeitraum.",
        f"data/vorlagen/2021-0123/erlaeuterungen.md:{line_of(text, 'm2-casemanagement')}: "
        '{{ finanzierung["m2-casemanagement"].eigenanteil | eur }}: „m2-casemanagement“ gibt es nicht in '
        "„finanzierung“ dieser Vorlage – meinten Sie „m2-case-management“? Vorhanden: m1-assistenz, m1-steuerung, "
        "m2-case-management, m3-berechnung-1, m3-berechnung-2.",
    ]


def test_unformatted_number_and_unknown_variable_in_prose(capsys, data):
    text = data / "vorlagen" / "2021-0123" / "vorbemerkungen.md"
    text.write_text("Betrag: {{ uebersicht.eigenanteil_max }}\n\nName: {{ kreis.name }}\n", encoding="utf-8")
    code, found = check(capsys, data)
    assert found == [
        "data/vorlagen/2021-0123/vorbemerkungen.md:1: {{ uebersicht.eigenanteil_max }} ergibt eine Zahl ohne Format – "
        "hängen Sie einen Filter an, z. B. „| eur“, „| zahl“ oder „| prozent“.",
        "data/vorlagen/2021-0123/vorbemerkungen.md:3: {{ kreis.name }}: „kreis“ gibt es nicht. Bekannt sind antraege, "
        "bescheide, finanzierung, haushalt, kennzahlen, koerperschaft, querformat, saetze, stellen, tabelle, uebersicht, verteilung, "
        "verteilungen, vorlage, zahlen.",
    ]


def test_template_syntax_error_names_template_and_line(capsys, data):
    (data / "templates").mkdir()
    (data / "templates" / "kopf.html.j2").write_text(
        "<header>\n{% if logo %}\n<p>{{ koerperschaft.name }}</p>\n</header>\n", encoding="utf-8"
    )
    code, found = check(capsys, data)
    assert code == 1
    assert found == [
        "data/templates/kopf.html.j2:2: Syntaxfehler im Template: „{% if %}“ wird nicht geschlossen – ergänzen "
        "Sie „{% endif %}“ dort, wo der Block enden soll."
    ]


def test_undefined_name_in_template(capsys, data):
    (data / "templates").mkdir()
    (data / "templates" / "kopf.html.j2").write_text(
        "<header>\n<p>{{ koerperschaft.wappen }}</p>\n</header>\n", encoding="utf-8"
    )
    code, found = check(capsys, data)
    assert found == [
        "data/templates/kopf.html.j2:2: Fehler im Template: „wappen“ gibt es in Koerperschaft nicht – prüfen Sie die "
        "Namen im Template."
    ]


@pytest.mark.parametrize(
    "ausdruck, grund",
    [
        ("koerperschaft.wappen", "„wappen“ gibt es in Koerperschaft nicht"),
        ("wappen", "„wappen“ gibt es nicht"),
        ('eintrag["farbe"]', "„farbe“ gibt es in diesem Eintrag nicht"),
        ("liste[3]", "„3“ gibt es in dieser Liste nicht"),
        ("leer.name", "„name“ gibt es nicht (der Wert davor ist leer)"),
        ("text.laenge", "„laenge“ gibt es in diesem Text nicht"),
    ],
)
def test_a_missing_name_in_a_template_is_german_without_the_programs_modules(tmp_path, ausdruck, grund):
    from vorlagen.core.fmt import Zahlformat
    from vorlagen.core.problems import Paths
    from vorlagen.load.koerperschaft import Koerperschaft
    from vorlagen.render.templates import Templates

    (tmp_path / "data" / "templates").mkdir(parents=True)
    (tmp_path / "data" / "templates" / "eigen.html.j2").write_text(f"<p>\n{{{{ {ausdruck} }}}}\n</p>\n", "utf-8")
    templates = Templates(tmp_path / "data", Paths(tmp_path), Zahlformat("€"))
    koerperschaft = Koerperschaft(name="Musterkreis", gremien=[])
    html, problems = templates.render(
        "eigen.html.j2", koerperschaft=koerperschaft, eintrag={}, liste=[], leer=None, text="x"
    )
    assert html == ""
    assert [str(p) for p in problems] == [
        f"data/templates/eigen.html.j2:2: Fehler im Template: {grund} – prüfen Sie die Namen im Template."
    ]


@pytest.mark.langsam  # builds whole repositories
def test_failed_build_exits_1_without_traceback_and_keeps_output(tmp_path, data):
    out = tmp_path / "output"
    command = [sys.executable, str(ROOT / "build.py"), "--data", str(data), "--out", str(out)]
    first = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    edit(data / VORLAGE, "erwartet: {eigenanteil: 10335}", "erwartet: {eigenanteil: 10317}")
    edit(data / "vorlagen" / "2021-0123" / "beschlussvorschlag.md", "Die Verwaltung", "GEÄNDERT")
    failed = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr and failed.stdout == ""
    assert failed.stderr.endswith(SUMMARY_1 + "\n")
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".vorlagen", "data", "output"]
    assert not [
        p for p in (tmp_path / ".vorlagen" / "output").iterdir() if p.name.startswith("neu-")
    ]  # no staging left


def test_output_folder_with_foreign_files_is_refused(capsys, tmp_path, data):
    foreign = tmp_path / "dokumente"
    foreign.mkdir()
    (foreign / "brief.txt").write_text("wichtig", encoding="utf-8")
    code, _, err = run(capsys, "--data", str(data), "--out", str(foreign))
    assert code == 1
    assert problems(err) == [
        "dokumente: Dieser Ausgabeordner enthält Dateien, die nicht von vorlagen stammen – "
        "wählen Sie mit --out einen leeren oder eigenen Ordner."
    ]
    assert (foreign / "brief.txt").read_text(encoding="utf-8") == "wichtig"


def test_counts_read_as_german_plurals():
    from vorlagen.core.fmt import anzahl

    assert [anzahl(n, "Problem", "Probleme") for n in (0, 1, 2)] == ["0 Probleme", "1 Problem", "2 Probleme"]


def test_one_vorlage_with_one_table_is_counted_in_the_singular(capsys, tmp_path):
    data = copy_data(RECHENWEGE, tmp_path)
    for folder in ("efre", "staedtebau", "stellenplan", "fonds", "szenarien", "radabstellanlagen", "kitaausbau"):
        shutil.rmtree(data / "vorlagen" / folder)
    edit(data / "sitzungen/KA-2025-03-18.yaml", '    - {top: "1", vorlage: "2025/0011"}\n', "")
    for n in (2, 3, 4, 5, 7):
        edit(data / "sitzungen/KA-2025-03-18.yaml", f'    - {{top: "{n}", vorlage: "2025/001{n}"}}\n', "")
    code, out, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0, err
    assert "Geprüft: 1 Vorlage, 1 Berechnung – keine Probleme." in out


@pytest.mark.parametrize("argv0, shown", [("/repo/build.py", "./bauen.sh"), ("/usr/bin/vorlagen", "vorlagen")])
def test_hints_name_the_command_as_the_user_runs_it(monkeypatch, argv0, shown):
    import sys

    from vorlagen.core.engine import befehl

    monkeypatch.setattr(sys, "argv", [argv0])
    assert befehl() == shown


@pytest.mark.parametrize(
    "old, new, hint",
    [
        ("als: Öffentlichkeitsarbeit, betrag: 1500,", "als: Kosten (0,5 Stelle), betrag: 1500,", "comma"),
        ("als: Öffentlichkeitsarbeit, betrag: 1500,", "als: Öffentlichkeitsarbeit, betrag: 12.500,00,", "decimal"),
    ],
)
def test_a_comma_in_a_flow_section_gets_a_hint(capsys, tmp_path, old, new, hint):
    data = copy_data(ERLENBRUCH, tmp_path)
    path = data / "vorlagen/2024-0041/vorlage.yaml"
    edit(path, old, new)
    code, found = check(capsys, data)
    assert code == 1
    if hint == "comma":
        assert any(
            "Unbekannter Schlüssel „5 Stelle)“" in line
            and "Steht in dieser Zeile ein Text mit Komma ohne "
            "Anführungszeichen? In „{…}“ trennt das Komma Einträge – setzen Sie den Text in Anführungszeichen, "
            'z. B. als: "Kosten (0,5 Stelle)".'
            in line
            for line in found
        ), found
    else:
        assert any(
            "Unbekannter Schlüssel „00“" in line
            and "Steht hier die Zahl „12.500,00“? In „{…}“ trennt das Komma Einträge. „12.500,00“ hat "
            "Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit Dezimalpunkt – schreiben Sie 12500."
            in line
            for line in found
        ), found
