"""A future result is listed with the Vorlage's other problems, not alone (issue 34 point 4, probe F8).

A result dated after today is an error, never a decision: until it is taken the Vorlage counts as open, so its
budget checks run and their errors come in the same run as the error about the result.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from fractions import Fraction

from tests.hilfen import DATA, GIT, copy_data, edit, problems_of, run, vor_dem_beschluss
from tests.referenz.beispiel import EIGENANTEILE, je_jahr

VORLAGE = "vorlagen/2021-0123/vorlage.yaml"
ANSATZ = 15_100_000  # haushalt/2022.yaml, Produkt 05.02.01
ZU_KNAPP = (
    "ist mehr, als dort verfügbar ist (0 € = Ansatz 15.100.000 € − gebunden 15.100.000 €) – verringern Sie sie "
    "oder decken Sie den Rest anders."
).replace(" €", "\u00a0€")  # amounts print with a no-break space


def _ohne_mittel(tmp_path, entscheidung: str):
    """The example before its decision, Produkt 05.02.01 bound in full in 2022 (nothing left for the Einsparung),
    2021/0123 decided as `entscheidung` says."""
    data = vor_dem_beschluss(copy_data(DATA, tmp_path))
    edit(data / "haushalt" / "2022.yaml", "gebunden: 14420000", f"gebunden: {ANSATZ}")
    edit(data / VORLAGE, "- {sitzung: KA-2021-06-21, rolle: Entscheidung}", entscheidung)
    return data


def _einsparung_2022(problems: list[str]) -> list[str]:
    return [p for p in problems if "Die Einsparung 2022 bei „05.02.01“" in p]


def test_a_future_result_is_listed_with_the_other_problems(tmp_path):
    data = _ohne_mittel(
        tmp_path,
        "- {sitzung: KA-2021-06-21, rolle: Vorberatung}\n"
        "  - {gremium: KT, rolle: Entscheidung, datum: 2099-01-15, ergebnis: ungeändert beschlossen, "
        "abstimmung: {ja: 12}}",
    )
    problems = problems_of(data)
    heute = dt.date.today().strftime("%d.%m.%Y")
    assert any(
        p.endswith(
            "Hier steht das Ergebnis „ungeändert beschlossen“, aber die Beratung ist erst am 15.01.2099 "
            f"(heute ist der {heute}) – ein Ergebnis gibt es erst nach der Sitzung: entfernen Sie „ergebnis“, "
            "bis es gefasst ist."
        )
        for p in problems
    ), problems
    assert len(_einsparung_2022(problems)) == 1, problems


def test_a_decision_dated_before_its_vorberatung_names_both_lines(tmp_path):
    data = vor_dem_beschluss(copy_data(DATA, tmp_path))
    edit(
        data / VORLAGE,
        "- {sitzung: KA-2021-06-21, rolle: Entscheidung}",
        "- {sitzung: KA-2021-06-21, rolle: Vorberatung}\n"
        "  - {gremium: KT, rolle: Entscheidung, datum: 2021-06-15, ergebnis: ungeändert beschlossen, "
        "abstimmung: {ja: 12}}",
    )
    assert (
        "data/vorlagen/2021-0123/vorlage.yaml:10: Diese Beratung ist am 15.06.2021, steht in der Beratungsfolge aber "
        "nach der Beratung vom 21.06.2021 (data/vorlagen/2021-0123/vorlage.yaml:9) – ein späterer Schritt kann nicht "
        "vor einem früheren liegen: prüfen Sie beide Tage."
    ) in problems_of(data)


# --- a decision typed with a past date (probe F1): checked against the Haushalt of its day ---------------------------

ENTSCHEIDUNG_OHNE_SITZUNG = (
    "- {gremium: KA, rolle: Entscheidung, datum: 2021-06-21, ergebnis: ungeändert beschlossen, abstimmung: {ja: 12}}"
)
EINSPARUNG = Fraction(533_969)  # the Eigenanteile of 2022 (tests/referenz/beispiel.py), saved at 05.02.01
KNAPP = f"data/{VORLAGE}:111: Die Einsparung 2022 bei „05.02.01“ (533.969\u00a0€) {ZU_KNAPP}"
NICHT_FESTGEHALTEN = (
    "data/vorlagen/2021-0123/: Die Vorlage 2021/0123 ist am 21.06.2021 beschlossen und rechnet aus dem Haushalt, aber "
    "der Haushalt ihres Beschlusses ist nicht festgehalten (beschlossen.yaml fehlt) – bindet die Kämmerei die "
    "beschlossenen Mittel unter „gebunden“, würde die beschlossene Vorlage neu berechnet und ihre Freigabe veraltete: "
    "halten Sie ihn jetzt fest mit „vorlagen beschluss 2021/0123“. Nach dem Haushalt, den sie druckt (die heutigen "
    f"Beträge ohne die Buchungen ab dem 21.06.2021), hält sie nicht: {KNAPP} Ob das schon am Beschlusstag so war, "
    "lässt sich ohne den festgehaltenen Haushalt nicht sagen: hat die Kämmerei die Mittel erst nach dem Beschluss "
    "unter „gebunden“ gebunden, setzen Sie „gebunden“ auf den Stand des Beschlusstags zurück, bevor Sie ihn "
    "festhalten (die Bindung danach gehört unter „buchungen“ mit ihrem Tag); sonst stimmt das eingetragene Ergebnis "
    "nicht – prüfen Sie es."
)
AM_BESCHLUSSTAG = (
    f"{KNAPP} Die Vorlage ist als am 21.06.2021 beschlossen eingetragen; geprüft ist der Haushalt ihres "
    "Beschlusstags, festgehalten in data/vorlagen/2021-0123/beschlossen.yaml: das galt also schon, als sie "
    "beschlossen wurde – prüfen Sie das eingetragene Ergebnis und den festgehaltenen Haushalt."
)


def test_the_checked_figures_are_the_examples():
    """533.969 € is the sum of the Eigenanteile 2022 the oracle computes apart from the engine."""
    assert je_jahr(EIGENANTEILE)[2022] == EINSPARUNG


def test_a_past_decision_without_the_haushalt_of_its_day_is_never_silent(tmp_path, capsys):
    """Nothing kept, no git: whether the cover failed on the decision day nobody can tell – `pruefen` says so at
    the top and names the failed check, the Beschlusskontrolle claims no change since the decision."""
    data = _ohne_mittel(tmp_path, ENTSCHEIDUNG_OHNE_SITZUNG)
    code, out, err = run(capsys, "--data", str(data), "pruefen", "--ohne-satz")
    assert (code, err) == (0, "")
    assert out.startswith(
        "Geprüft: 2 Vorlagen, 5 Berechnungen – keine Fehler, aber 1 beschlossene Vorlage, deren gedruckter Haushalt "
        "nicht hält (unten unter „Hinweise zu beschlossenen Vorlagen“).\n"
    ), out
    assert f"\n  {NICHT_FESTGEHALTEN}\n" in out, out
    assert (
        "  Vorlage 2021/0123 (beschlossen am 21.06.2021) deckt 2022 533.969\u00a0€ aus Produkt 05.02.01, Einsparung; "
        "davon sind 533.969\u00a0€ noch nicht gebunden, dort aber nur 0\u00a0€ verfügbar – die Deckung des Beschlusses "
        "reicht nach dem Haushalt, wie er heute steht, nicht – ob sie am Beschlusstag reichte, lässt sich ohne den "
        "festgehaltenen Haushalt des Beschlusses nicht sagen: prüfen Sie sie oder decken Sie den Rest anders. Die "
        "beschlossene Vorlage bleibt, wie sie beschlossen wurde.\n"
    ) in out
    assert "seit dem Beschluss nicht mehr" not in out


def test_a_past_decision_with_the_haushalt_of_its_day_kept_is_checked_like_an_open_one(tmp_path, capsys):
    """`vorlagen beschluss` keeps the Haushalt as it stands (bound in full): the decision could not have been
    taken on it – the same error as before a decision, saying which state was checked; nothing is built."""
    data = _ohne_mittel(tmp_path, ENTSCHEIDUNG_OHNE_SITZUNG)
    assert run(capsys, "--data", str(data), "beschluss", "2021/0123")[0] == 0
    assert problems_of(data) == [AM_BESCHLUSSTAG]
    out = tmp_path / "output"
    out.mkdir()
    (out / "alt.txt").write_text("bleibt", encoding="utf-8")
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert (code, AM_BESCHLUSSTAG in err) == (1, True), err
    assert [p.name for p in out.iterdir()] == ["alt.txt"]


def test_a_haushalt_kept_by_0_3_2_without_its_day_is_a_note_not_an_error(tmp_path, capsys):
    """0.3.2's `vorlagen beschluss` kept the Haushalt of the day it ran – after a raise of `gebunden` that binds the
    decided amount itself, the check fails on that state though the decision was right (finding G1): the file
    does not name its day (`stand`), so the failed check is a note, and the build stays as 0.3.2 built it."""
    data = _ohne_mittel(tmp_path, ENTSCHEIDUNG_OHNE_SITZUNG)
    assert run(capsys, "--data", str(data), "beschluss", "2021/0123")[0] == 0
    kept = data / "vorlagen" / "2021-0123" / "beschlossen.yaml"
    edit(kept, "stand: 2021-06-21\n", "")  # as 0.3.2 wrote it
    code, out, err = run(capsys, "--data", str(data), "pruefen", "--ohne-satz")
    assert (code, err) == (0, "")
    assert (
        "  data/vorlagen/2021-0123/beschlossen.yaml: Die Vorlage 2021/0123 ist am 21.06.2021 beschlossen; ihr Haushalt "
        "ist festgehalten, aber von einer früheren Version ohne den Tag seines Stands – „vorlagen beschluss“ las dort "
        "den Haushalt des Tages, an dem er aufgerufen wurde. Nach diesem Stand hält sie nicht: "
    ) in out, out
    assert "Ob das schon am Beschlusstag so war, lässt sich nicht sagen" in out


def test_the_build_keeps_the_haushalt_of_the_day_from_git_and_then_checks_it(tmp_path, capsys, monkeypatch):
    """In git, the state of the newest commit before the decision day is the decision's: the build keeps it (and
    says so), then refuses – the cover failed on that day."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = tmp_path / "repo"
    data = _ohne_mittel(repo, ENTSCHEIDUNG_OHNE_SITZUNG)
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2021-06-18T10:00:00+02:00",
        "GIT_COMMITTER_DATE": "2021-06-18T10:00:00+02:00",
    }
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for args in (["add", "-A"], ["commit", "-q", "-m", "Stand vor dem Beschluss"]):
        subprocess.run([*GIT, *args], cwd=repo, env=env, check=True, capture_output=True)
    code, out, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "output"))
    assert code == 1, (out, err)
    assert "Haushalt des Beschlusses vom 21.06.2021 (Vorlage 2021/0123) festgehalten in " in out
    assert AM_BESCHLUSSTAG in err, err
    assert not (tmp_path / "output").exists()
