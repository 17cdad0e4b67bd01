"""The Sitzungsdienst sees which Anfragen are unanswered and when each is due (compute/anfragen.py): in `pruefen`
and on the internal overview; an Anfrage with its Beantwortung is not listed."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from tests.hilfen import FIXTURES, copy_data, edit, main, run


@pytest.fixture
def ohne_antwort(aus_dem_repository):
    """Rostock without the Beantwortung 2020/MV/0702 of the Anfrage 2020/AF/0701."""
    data = copy_data(FIXTURES / "rostock", aus_dem_repository)
    shutil.rmtree(data / "vorlagen" / "2020-MV-0702")
    edit(data / "sitzungen" / "BS-2020-01-22.yaml", '    - {top: "11.2", vorlage: "2020/MV/0702"}\n', "")
    edit(
        data / "sitzungen" / "BS-2020-01-22" / "niederschrift.yaml", '  - {top: "11.2", ergebnis: Kenntnisnahme}\n', ""
    )
    return data


def test_pruefen_lists_the_unanswered_anfrage_with_its_due_date(capsys, ohne_antwort):
    faellig = dt.date(2020, 1, 6) + dt.timedelta(days=28)  # eingereicht 06.01.2020, Geschäftsordnung: 28 Tage
    code, out, _ = run(capsys, "pruefen", "--data", str(ohne_antwort), "--ohne-satz")
    assert code == 0
    assert (
        "Unbeantwortete Anfragen:\n  2020/AF/0701: Zuschüsse an die Träger im Jahr 2019, eingereicht am 06.01.2020, "
        f"zu beantworten bis {faellig:%d.%m.%Y} (überfällig)\n"
    ) in out


def test_antwort_bis_sets_the_due_date_and_without_a_deadline_there_is_none(capsys, ohne_antwort):
    anfrage = ohne_antwort / "vorlagen" / "2020-AF-0701" / "vorlage.yaml"
    edit(anfrage, "betreff:", "antwort_bis: 2020-01-20\nbetreff:")
    _, out, _ = run(capsys, "pruefen", "--data", str(ohne_antwort), "--ohne-satz", "--stichtag", "2020-01-20")
    assert "eingereicht am 06.01.2020, zu beantworten bis 20.01.2020\n" in out
    edit(anfrage, "antwort_bis: 2020-01-20\n", "")
    edit(ohne_antwort / "vertretung.yaml", "geschaeftsordnung:\n  antwortfrist_tage: 28\n", "")
    _, out, _ = run(capsys, "pruefen", "--data", str(ohne_antwort), "--ohne-satz")
    assert (
        "eingereicht am 06.01.2020, ohne Frist (weder „antwort_bis“ noch „geschaeftsordnung: antwortfrist_tage“)\n"
    ) in out


def test_an_answered_anfrage_is_not_listed(capsys, aus_dem_repository):
    data = copy_data(FIXTURES / "rostock", aus_dem_repository)
    _, out, _ = run(capsys, "pruefen", "--data", str(data), "--ohne-satz")
    assert "Unbeantwortete Anfragen" not in out


def test_the_internal_overview_lists_it_the_public_one_not(ohne_antwort, tmp_path, schnellsatz):
    out = tmp_path / "output"
    assert main(["build", "--data", str(ohne_antwort), "--out", str(out)]) == 0
    intern = (out / "intern" / "index.html").read_text(encoding="utf-8")
    assert (
        '<tr><td>2020/AF/0701</td><td>06.01.2020</td><th scope="row">Zuschüsse an die Träger im Jahr 2019</th>'
        "<td>03.02.2020</td></tr>"
    ) in intern
    assert "Unbeantwortete Anfragen" not in (out / "index.html").read_text(encoding="utf-8")
