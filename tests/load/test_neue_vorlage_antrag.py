"""`vorlage neu` for an Art the Fraktionen and members submit (load/neue_vorlage.py): an Einreicher to fill in instead
of the Amt, what an Änderungsantrag changes, an Anfrage's first question; `pruefen` then names what to replace."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.hilfen import FIXTURES, copy_data, run


@pytest.fixture
def rostock(aus_dem_repository):
    return copy_data(FIXTURES / "rostock", aus_dem_repository)


def test_a_new_aenderungsantrag_names_its_einreicher_and_vorlage(capsys, rostock):
    code, out, _ = run(
        capsys, "--data", str(rostock), "vorlage", "neu", "Zweiter Änderungsantrag", "--art", "Änderungsantrag",
        "--nummer", "2020/DV/0662-02", "--bezug", "2020/DV/0662",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Neuer Änderungsantrag in data/vorlagen/2020-DV-0662-02/:\n")
    yaml = (rostock / "vorlagen" / "2020-DV-0662-02" / "vorlage.yaml").read_text(encoding="utf-8")
    heute = dt.date.today().isoformat()
    assert f"einreicher: {{fraktion: KUERZEL, datum: {heute}}}  # Kürzel aus vertretung.yaml – bitte ersetzen\n" in yaml
    assert 'aendert: {vorlage: "2020/DV/0662"}  # die Vorlage, die er ändert – bitte prüfen\n' in yaml
    assert "federfuehrend" not in yaml and "bezug:" not in yaml
    code, _, err = run(capsys, "pruefen", "--data", str(rostock), "--ohne-satz")
    zeile = yaml.splitlines().index(next(z for z in yaml.splitlines() if z.startswith("einreicher"))) + 1
    assert code == 1
    assert (
        f"data/vorlagen/2020-DV-0662-02/vorlage.yaml:{zeile}: Unbekannte Fraktion „KUERZEL“ – tragen Sie sie in "
        "vertretung.yaml unter „fraktionen“ ein.\n"
    ) in err


def test_a_new_anfrage_has_a_question_and_a_new_vorlage_keeps_its_amt(capsys, rostock):
    assert run(capsys, "--data", str(rostock), "vorlage", "neu", "Eine Anfrage", "--art", "Anfrage")[0] == 0
    anfrage = next((rostock / "vorlagen").glob(f"{dt.date.today().year}-*/vorlage.yaml")).read_text(encoding="utf-8")
    assert "fragen: [Tragen Sie hier die erste Frage ein.]\n" in anfrage and "federfuehrend" not in anfrage
    code, out, _ = run(
        capsys, "--data", str(rostock), "vorlage", "neu", "Eine Mitteilung", "--art", "Mitteilungsvorlage"
    )
    assert code == 0 and out.startswith("Neue Mitteilungsvorlage in ")
    neu = sorted((rostock / "vorlagen").glob(f"{dt.date.today().year}-*/vorlage.yaml"))[-1].read_text(encoding="utf-8")
    assert 'federfuehrend: "20"\n' in neu and "einreicher" not in neu
