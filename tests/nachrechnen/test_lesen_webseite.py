"""lesen/webseite.py: a finding in an HTML page names the line of the file the figure stands in – the line a user finds
in an editor – however the page spreads a row or a paragraph over the lines of the file."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen.nachrechnen import by_status, check, write
from tests.referenz.rechnen import zahl

# a Schulverband's Umlage as a Word export stores it: each cell on its own line of the file
ALT = {"Brammerfeld": Fraction(16_639_045, 100), "Osterstedt": Fraction(12_492_130, 100)}
NEU = {"Brammerfeld": Fraction(17_756_416, 100), "Osterstedt": Fraction(11_837_611, 100)}


def _cell_a_line(typed: dict[str, Fraction]) -> str:
    lines = ["<html>", "<body>", "<p>Die Umlage der Gemeinden</p>", "<table>", "<tr>"]
    lines += ["<th>Gemeinde</th>", "<th>Umlage 2025</th>", "<th>Umlage 2024</th>", "<th>Veränderung</th>", "</tr>"]
    for name in ALT:
        lines += ["<tr>", f"<td>{name}</td>", f"<td>{zahl(NEU[name], 2)}</td>", f"<td>{zahl(ALT[name], 2)}</td>"]
        lines += [f"<td>{zahl(typed[name], 2)}</td>", "</tr>"]
    return "\n".join(lines + ["</table>", "</body>", "</html>"]) + "\n"


def test_a_slip_in_a_cell_on_its_own_line_is_named_at_that_line(tmp_path, capsys):
    right = {name: neu - ALT[name] for name, neu in NEU.items()}
    text = _cell_a_line({**right, "Brammerfeld": Fraction(1_171_371, 100)})  # 11.173,71 typed as 11.713,71
    path = write(tmp_path, "umlage.html", text)
    code, report, _ = check(capsys, path)
    (slip,) = by_status(report, "Fehler")
    file_lines = text.splitlines()
    assert code == 1 and file_lines[slip["zeile"] - 1] == "<td>11.713,71</td>"  # line 15 of the file, not row 3
    assert Fraction(slip["werte"]["nachgerechnet"]) == right["Brammerfeld"]
    held = [b for b in report["befunde"] if abs(Fraction(b["werte"]["getippt"])) == abs(right["Osterstedt"])]
    assert held and all(file_lines[b["zeile"] - 1] == f"<td>{zahl(right['Osterstedt'], 2)}</td>" for b in held)


def test_a_figure_in_a_paragraph_over_three_lines_is_named_at_its_own_line(tmp_path, capsys):
    land, gemeinde = Fraction(84_000), Fraction(36_500)
    text = (
        "<html><body>\n<p>Die Maßnahme wurde im Ausschuss beraten.\nSie kostet\n"
        f"{zahl(land + gemeinde - 500, 0)} €, davon trägt das Land {zahl(land, 0)} € und die Gemeinde "
        f"{zahl(gemeinde, 0)} €.</p>\n</body></html>\n"
    )
    code, report, _ = check(capsys, write(tmp_path, "p.html", text))
    (slip,) = by_status(report, "Fehler")
    assert code == 1 and slip["zeile"] == 4  # the line of the total, not the paragraph's first (2)
    assert Fraction(slip["werte"]["nachgerechnet"]) == land + gemeinde


def test_figures_left_unchecked_are_named_at_their_lines(tmp_path, capsys):
    text = "<html><body>\n<table>\n<tr>\n<td>Kita Nord</td>\n<td>3</td>\n</tr>\n</table>\n</body></html>\n"
    code, report, _ = check(capsys, write(tmp_path, "k.html", text))
    assert code == 0
    assert [(f["zeile"], f["zahl"]) for f in report["nicht_geprueft"]] == [(5, "3")]
