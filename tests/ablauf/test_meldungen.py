"""Messages read as German (issue 22, item 6): singular and plural, a number written the German way, the command
as the user runs it. Each message is asserted with its exact text."""

from __future__ import annotations

import sys

import pytest

from tests.hilfen import ROOT, copy_data, edit, line_of, problems_of, run

HEIDEMOOR = ROOT / "tests" / "fixtures" / "heidemoor"
NIEDERSCHRIFT = "sitzungen/KA-2024-05-14/niederschrift.yaml"


@pytest.mark.parametrize(
    "anzahl, stimmen, message",
    [
        (
            1,
            "{ja: 1, nein: 1, ergebnis: angenommen}",
            "TOP 3: 1 Ja + 1 Nein = 2 Stimmen, aber nur 1 stimmberechtigtes Mitglied ist anwesend – prüfen Sie die "
            "Stimmen und die Anwesenheit.",
        ),
        (
            2,
            "{ja: 2, nein: 0, enthaltung: 1, ergebnis: angenommen}",
            "TOP 3: 2 Ja + 0 Nein + 1 Enthaltung = 3 Stimmen, aber nur 2 stimmberechtigte Mitglieder sind anwesend – "
            "prüfen Sie die Stimmen und die Anwesenheit.",
        ),
    ],
)
def test_too_many_votes_in_singular_and_plural(tmp_path, anzahl, stimmen, message):
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / NIEDERSCHRIFT
    edit(path, "anzahl: 9", f"anzahl: {anzahl}")
    edit(path, "abstimmung: {ja: 7, nein: 2, ergebnis: angenommen}", f"abstimmung: {stimmen}")
    assert problems_of(data) == [f"data/{NIEDERSCHRIFT}:{line_of(path, 'abstimmung:')}: {message}"]


def test_more_present_than_members_in_singular(tmp_path):
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / NIEDERSCHRIFT
    edit(path, "anzahl: 9\n  mitgliederzahl: 11", "anzahl: 1\n  mitgliederzahl: 0")
    edit(path, "abstimmung: {ja: 7, nein: 2, ergebnis: angenommen}", "abstimmung: {einstimmig: true}")
    assert problems_of(data) == [
        f"data/{NIEDERSCHRIFT}:{line_of(path, 'mitgliederzahl')}: 1 Mitglied ist anwesend, "
        "das Gremium hat aber nur 0 – prüfen Sie beide Zahlen."
    ]


def test_one_problem_is_one_problem(tmp_path, capsys):
    data = copy_data(HEIDEMOOR, tmp_path)
    edit(data / "vorlagen/2024-041/vorlage.yaml", "rolle: Vorberatung,", "rolle: Vorberatungg,")
    code, _, err = run(capsys, "--data", str(data), "check")
    assert code == 1
    assert err.endswith("\n1 Problem gefunden – es wurde nichts geschrieben; die bisherige Ausgabe ist unverändert.\n")


def test_a_german_number_in_a_block_gets_its_yaml_spelling(tmp_path):
    """Outside „{…}“ the whole number arrives: the hint writes it as YAML needs it."""
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / "vorlagen/2024-041/vorlage.yaml"
    edit(
        path,
        "klimaschutz: {auswirkung: keine}\n",
        "klimaschutz: {auswirkung: keine}\nfinanzierung:\n"
        "  - id: fahrzeug\n    art: Aufstellung\n    titel: Kosten\n    kosten:\n      - als: Fahrgestell\n"
        "        betrag: 412.500,50\n",
    )
    assert problems_of(data) == [
        f"data/vorlagen/2024-041/vorlage.yaml:{line_of(path, 'betrag:')}: „betrag“: „412.500,50“ hat Tausendertrennzeichen; "
        "Zahlen der Datendateien stehen ohne sie und mit Dezimalpunkt – schreiben Sie 412500.50."
    ]


def test_a_german_number_cut_at_its_comma_is_named_whole(tmp_path):
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / "vorlagen/2024-041/vorlage.yaml"
    edit(
        path,
        "klimaschutz: {auswirkung: keine}\n",
        "klimaschutz: {auswirkung: keine}\nfinanzierung:\n"
        "  - id: fahrzeug\n    art: Aufstellung\n    titel: Kosten\n    kosten:\n"
        "      - {als: Fahrgestell, betrag: 412.500,50}\n",
    )
    line = line_of(path, "betrag:")
    # one message for the line: not a second one on „412.500“ as if its point were a thousands point
    assert problems_of(data) == [
        f"data/vorlagen/2024-041/vorlage.yaml:{line}: Unbekannter Schlüssel „50“ in „kosten“. Steht hier die "
        "Zahl „412.500,50“? In „{…}“ trennt das Komma Einträge. „412.500,50“ hat Tausendertrennzeichen; Zahlen der "
        "Datendateien stehen ohne sie und mit Dezimalpunkt – schreiben Sie 412500.5. Erlaubt sind: id, anzahl, anteil, saetze, betrag, als, "
        "foerderfaehig, hinweis, erwartet, hoechstens, mindestens, formel, felder, gruppe."
    ]


ERLAUBT = "Erlaubt sind: id, anzahl, anteil, saetze, betrag, als, foerderfaehig, hinweis, erwartet, hoechstens, mindestens, formel, felder, gruppe."


@pytest.mark.parametrize(
    "zeile, messages",
    [
        (
            "{als: Fahrgestell, anzahl: 1,5, betrag: 12.500,00}",
            [
                "Unbekannter Schlüssel „00“ in „kosten“. Steht hier die Zahl „12.500,00“? In „{…}“ trennt das Komma "
                "Einträge. „12.500,00“ hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie und mit "
                f"Dezimalpunkt – schreiben Sie 12500. {ERLAUBT}",
                "Unbekannter Schlüssel „5“ in „kosten“. Steht hier die Zahl „1,5“? In „{…}“ trennt das Komma Einträge. "
                "„1,5“ hat ein Dezimalkomma; Zahlen der Datendateien haben einen Dezimalpunkt – schreiben Sie 1.5. "
                f"{ERLAUBT}",
            ],
        ),
        (
            "{als: Kosten (0,5 Stelle), betrag: 1500}",
            [
                "Unbekannter Schlüssel „5 Stelle)“ in „kosten“. Steht in dieser Zeile ein Text mit Komma ohne "
                "Anführungszeichen? In „{…}“ trennt das Komma Einträge – setzen Sie den Text in Anführungszeichen, z. B. "
                f'als: "Kosten (0,5 Stelle)". {ERLAUBT}'
            ],
        ),
        (
            "{als: Fahrgestell, Aufbau, Beladung, betrag: 1500}",  # each part after a comma: each message says it
            [
                "Unbekannter Schlüssel „Aufbau“ in „kosten“. Steht in dieser Zeile ein Text mit Komma ohne Anführungszeichen? "
                'In „{…}“ trennt das Komma Einträge – setzen Sie den Text in Anführungszeichen, z. B. als: "Fahrgestell, '
                f'Aufbau". {ERLAUBT}',
                "Unbekannter Schlüssel „Beladung“ in „kosten“. Steht in dieser Zeile ein Text mit Komma ohne "
                "Anführungszeichen? In „{…}“ trennt das Komma Einträge – setzen Sie den Text in Anführungszeichen, z. B. "
                f'als: "Fahrgestell, Aufbau, Beladung". {ERLAUBT}',
            ],
        ),
    ],
)
def test_every_message_about_a_line_cut_at_its_commas_says_so(tmp_path, zeile, messages):
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / "vorlagen/2024-041/vorlage.yaml"
    edit(
        path,
        "klimaschutz: {auswirkung: keine}\n",
        "klimaschutz: {auswirkung: keine}\nfinanzierung:\n"
        "  - id: fahrzeug\n    art: Aufstellung\n    titel: Kosten\n    kosten:\n"
        f"      - {zeile}\n",
    )
    where = f"data/vorlagen/2024-041/vorlage.yaml:{line_of(path, zeile)}"
    assert problems_of(data) == [f"{where}: {message}" for message in messages]


def test_a_name_cut_at_its_comma_is_shown_whole_in_quotes(tmp_path):
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / "vorlagen/2024-041/vorlage.yaml"
    edit(
        path,
        "{sitzung: KA-2024-05-14, rolle: Beschlussempfehlung}",
        "{sitzung: KA-2024-05-14, rolle: Beschlussempfehlung, berichterstattung: {name: Kruse, Fachbereich 32}}",
    )
    assert problems_of(data) == [
        f"data/vorlagen/2024-041/vorlage.yaml:{line_of(path, 'name: Kruse')}: Unbekannter Schlüssel „Fachbereich 32“ in "
        "„berichterstattung“. Steht in dieser Zeile ein Text mit Komma ohne Anführungszeichen? In „{…}“ trennt das "
        'Komma Einträge – setzen Sie den Text in Anführungszeichen, z. B. name: "Kruse, Fachbereich 32". '
        "Erlaubt sind: name, funktion."
    ]


@pytest.mark.parametrize("argv0, shown", [("/repo/build.py", "./bauen.sh"), ("/usr/bin/vorlagen", "vorlagen")])
def test_the_overview_and_an_unknown_command_name_the_command_as_run(monkeypatch, capsys, argv0, shown):
    monkeypatch.setattr(sys, "argv", [argv0])
    with pytest.raises(SystemExit):
        run(capsys, "--help")
    out = capsys.readouterr().out
    assert out.startswith(f"Aufruf: {shown} [BEFEHL] [OPTIONEN]\n")
    assert f"Mehr zu einem Befehl: {shown} BEFEHL --help" in out
    assert f"legt ein neues Datenrepository an, das sofort baut: {shown} neu ORDNER" in out
    with pytest.raises(SystemExit):
        run(capsys, "chek")
    assert capsys.readouterr().err.endswith(f"Übersicht: {shown} --help\n")


def test_a_missing_data_repository_names_the_command_as_run(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(sys, "argv", ["/repo/build.py"])
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 1
    assert (
        "Hier liegt kein Datenrepository: der Datenordner fehlt – wechseln Sie in Ihr Datenrepository, geben "
        "Sie es mit --data an oder legen Sie eines an: ./bauen.sh neu ORDNER."
    ) in err


@pytest.mark.parametrize(
    "old, new, key, message",
    [
        (
            "    stand: empfohlen  # der Kreisausschuss empfiehlt dem Kreistag: so zeigt es die Beratungsfolge\n",
            "",
            "ergebnis: Beschluss",
            "TOP 3: Die Beratungsfolge der Vorlage 2024/041 zeigte „ungeändert beschlossen“, ein Wort, das nicht in der "
            "Liste „hausstil: beratungsergebnisse“ der Körperschaft steht – nennen Sie unter „stand“ das eigene Wort, eines "
            "von: empfohlen, beschlossen, genehmigt, abgelehnt, zur Kenntnis genommen, vertagt, abgesetzt, Erledigt.",
        ),
        (
            "stand: empfohlen ",
            "stand: empfolen ",
            "stand:",
            "„stand“: „empfolen“ steht nicht in der Liste „hausstil: beratungsergebnisse“ der Körperschaft – meinten Sie "
            "„empfohlen“? Möglich sind: empfohlen, beschlossen, genehmigt, abgelehnt, zur Kenntnis genommen, vertagt, "
            "abgesetzt, Erledigt. Ein eigenes Wort ergänzen Sie in der Liste (data/koerperschaft.yaml, Zeile {zeile}).",
        ),
        (
            '  - {top: "5", ergebnis: abgesetzt}',
            '  - {top: "5", ergebnis: abgestzt}',
            "ergebnis: abgestzt",
            "„ergebnis“: „abgestzt“ steht nicht in der Liste „hausstil: beratungsergebnisse“ der Körperschaft – meinten Sie "
            "„abgesetzt“? Möglich sind: Beschluss, Kenntnisnahme, empfohlen, beschlossen, genehmigt, abgelehnt, zur Kenntnis "
            "genommen, vertagt, abgesetzt, Erledigt. Ein eigenes Wort ergänzen Sie in der Liste (data/koerperschaft.yaml, "
            "Zeile {zeile}).",
        ),
        (
            '  - {top: "4", ergebnis: Kenntnisnahme}',
            '  - {top: "4", ergebnis: zurückgestellt}',
            "ergebnis: zurückgestellt",
            "TOP 4: Die Beratungsfolge der Vorlage 2024/052 zeigte „zurückgestellt“, ein Wort, das nicht in der Liste "
            "„hausstil: beratungsergebnisse“ der Körperschaft steht – nennen Sie unter „stand“ das eigene Wort, eines von: "
            "empfohlen, beschlossen, genehmigt, abgelehnt, zur Kenntnis genommen, vertagt, abgesetzt, Erledigt.",
        ),
        (
            '  - {top: "4", ergebnis: Kenntnisnahme}',
            '  - {top: "4", stand: vertagt}',
            "stand: vertagt",
            "TOP 4: „stand“ gehört zu einem „ergebnis“ – tragen Sie das Ergebnis ein oder entfernen Sie „stand“.",
        ),
    ],
)
def test_a_recorded_result_is_shown_in_the_bodys_word(tmp_path, old, new, key, message):
    data = copy_data(HEIDEMOOR, tmp_path)
    path = data / NIEDERSCHRIFT
    edit(path, old, new)
    zeile = line_of(data / "koerperschaft.yaml", "beratungsergebnisse:")  # where the body's list stands
    assert problems_of(data) == [f"data/{NIEDERSCHRIFT}:{line_of(path, key)}: {message.replace('{zeile}', str(zeile))}"]
