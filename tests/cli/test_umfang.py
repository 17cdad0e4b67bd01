"""-q/--quiet and -v/--verbose on every command (issue 45, point 5), and the meaning of every exit code in each
command's help: -q leaves on standard output only warnings (or the result a command is asked for) and drops every
hint, -v adds what the command works with, its exit code and its time."""

from __future__ import annotations

import io
import re
import sys

import pytest

from tests.hilfen import DATA, edit, run
from vorlagen.cli import COMMANDS, main
from vorlagen.cli.parsing import command_parser
from vorlagen.cli.umfang import AUSFUEHRLICH, LEISE, NORMAL, gesprochen


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_every_command_takes_q_and_v_and_names_its_exit_codes(command):
    parser = command_parser(command)
    options = {option for action in parser._actions for option in action.option_strings}
    assert {"-q", "--quiet", "-v", "--verbose"} <= options
    epilog = " ".join(parser.format_help().split())
    assert re.search(r"Rückgabewert: 0 [^;]+; 1 [^;]+; 2 [^;]+; 130 mit Strg\+C abgebrochen; 143 beendet", epilog)


def test_q_and_v_set_how_much_is_said():
    parser = command_parser(next(c for c in COMMANDS if c.name == "pruefen"))
    assert parser.parse_args(["-q"]).umfang == LEISE
    assert parser.parse_args(["--verbose"]).umfang == AUSFUEHRLICH
    assert parser.parse_args([]).umfang == NORMAL


def test_q_and_v_together_are_a_usage_error_in_german(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["pruefen", "-q", "-v"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "vorlagen pruefen: Fehler: -v/--verbose: nicht zusammen mit -q/--quiet"
    )


def test_a_quiet_build_says_nothing_but_writes_everything(capsys, tmp_path, schnellsatz):
    out = tmp_path / "ausgabe"
    code, said, err = run(capsys, "--data", str(DATA), "--out", str(out), "bauen", "-q")
    assert (code, said, err) == (0, "", "")
    assert (out / "vorlagen" / "2021-0123" / "2021-0123.html").is_file()
    code, said, _ = run(capsys, "--data", str(DATA), "--out", str(tmp_path / "laut"), "bauen")
    assert code == 0 and "Fertig: " in said  # without -q: the summary


def test_quiet_keeps_problems_and_the_exit_code(capsys, data):
    edit(data / "sitzungen" / "ASI-2021-06-10.yaml", 'vorlage: "2021/0130"', 'vorlage: "2021/0999"')
    code, said, err = run(capsys, "--data", str(data), "pruefen", "-q", "--ohne-satz")
    assert code == 1 and said == ""
    assert err.startswith("data/sitzungen/ASI-2021-06-10.yaml:12: Unbekannte Vorlage „2021/0999“")
    assert err.rstrip().endswith("gefunden – es wurde nichts geschrieben; die bisherige Ausgabe ist unverändert.")


def test_quiet_keeps_the_result_a_command_is_asked_for(capsys):
    code, said, err = run(capsys, "--data", str(DATA), "zahlen", "2021/0123", "-q")
    assert code == 0 and err == ""
    assert said.startswith("Vorlage 2021/0123: ") and "Tabellen: " in said  # the listing is the result


def test_quiet_passes_warnings_and_drops_hints():
    out, err = io.StringIO(), io.StringIO()
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        with gesprochen(LEISE, ergebnis=False):
            print("[1/2] Vorlage 2021/0123")
            sys.stdout.write("\r     \rWarnung: Text über dem Rand\nFertig: 2 Vorlagen")
            print("Hinweis: Diesem Rechner fehlt …", file=sys.stderr)
            print("data/x.yaml:1: Problem – tun Sie etwas.", file=sys.stderr)
            assert not sys.stdout.isatty()
    finally:
        sys.stdout, sys.stderr = streams
    assert out.getvalue() == "\r     \rWarnung: Text über dem Rand\n"
    assert err.getvalue() == "data/x.yaml:1: Problem – tun Sie etwas.\n"


def test_verbose_names_what_the_command_works_with_its_exit_code_and_time(capsys, tmp_path):
    code, said, err = run(capsys, "--data", str(DATA), "pruefen", "-v", "--ohne-satz")
    assert code == 0 and "Geprüft: " in said
    lines = err.splitlines()
    assert re.fullmatch(
        rf"vorlagen 0\.\d+\.\d+ mit Python 3\.\d+\.\d+, Befehl pruefen; Datenrepository {re.escape(str(DATA.parent))}, "
        rf"Daten {re.escape(str(DATA))}\.",
        lines[0],
    ), lines[0]
    assert re.fullmatch(r"Rückgabe 0 nach \d+,\d s", lines[-1]), lines[-1]
