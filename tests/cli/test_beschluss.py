"""`vorlagen beschluss`: a decided Vorlage keeps the Haushalt it was decided on (issue 34, point 5).

The example's 2021/0123 was decided by the Kreisausschuss on 21.06.2021 and signed by the Kämmerei before. After the
decision the Kämmerei binds its Einsparung 2022 at 05.02.01 – by raising the undated `gebunden`, or as a dated
booking: the decided document must print what it printed, its sign-off must hold, and it must not turn ENTWURF.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.hilfen import DATA, composed, copy_data, edit, line_of, problems_of, run
from tests.referenz.beispiel import EIGENANTEILE, je_jahr
from tests.referenz.rechnen import euro
from vorlagen.compute.beschluss import nicht_festgehalten
from vorlagen.compute.project import prepare
from vorlagen.meetings.beschlusskontrolle import haushalt_nach_beschluss, listen
from vorlagen.render.document import Composer

# messages name files from where the command ran: as users, the tests run from the repository (tmp_path)
pytestmark = pytest.mark.usefixtures("aus_dem_repository")

H2022 = Path("haushalt/2022.yaml")
NIEDERSCHRIFT = Path("sitzungen/KA-2021-06-21/niederschrift.yaml")
KEPT = Path("vorlagen/2021-0123/beschlossen.yaml")
GEBUNDEN_2022 = 14420000  # 05.02.01 in data/haushalt/2022.yaml
FREI_2022 = 15100000 - GEBUNDEN_2022


@pytest.fixture
def beschlossen(tmp_path: Path) -> Path:
    """The example on the day the result was recorded, before the Sitzungsdienst kept the Haushalt of the decision
    (its beschlossen.yaml removed)."""
    data = copy_data(DATA, tmp_path)
    (data / KEPT).unlink()
    return data


@pytest.fixture
def festgehalten(tmp_path: Path) -> Path:
    """The example as it is: 2021/0123 decided, the Haushalt of its decision kept."""
    return copy_data(DATA, tmp_path)


def decided(data: Path):
    """2021/0123 as it prints now: its signed text, the state of its sign-offs and whether it is an ENTWURF."""
    doc = next(d for d in Composer(prepare(data)).compose_all() if d.source.vorlage.nummer == "2021/0123")
    assert doc.freigabe is not None
    return doc.freigabe.text, [(s.rolle, s.zustand) for s in doc.freigabe.staende], doc.freigabe.entwurf


def raise_gebunden(data: Path, by: int) -> None:
    edit(data / H2022, f"    gebunden: {GEBUNDEN_2022}\n", f"    gebunden: {GEBUNDEN_2022 + by}\n")


def book(data: Path, datum: str, betrag: int) -> None:
    edit(
        data / H2022,
        f"    gebunden: {GEBUNDEN_2022}\n",
        f'    gebunden: {GEBUNDEN_2022}\n    buchungen:\n      - {{datum: {datum}, betrag: {betrag}, vorlage: "2021/0123"}}\n',
    )


def keep(data: Path, capsys) -> str:
    code, out, err = run(capsys, "--data", str(data), "beschluss", "2021/0123")
    assert (code, err) == (0, ""), err
    return out


def test_gebunden_raised_after_the_decision_changes_nothing_the_decision_printed(beschlossen, capsys):
    vorher = decided(beschlossen)
    assert vorher[1:] == ([("Kämmerei", "gültig")], False)
    text_vorher = composed(beschlossen).text
    out = keep(beschlossen, capsys)
    assert out == (
        "Haushalt des Beschlusses vom 21.06.2021 festgehalten: data/vorlagen/2021-0123/beschlossen.yaml (4 Positionen "
        "aus 2021, 2022). Die beschlossene Vorlage druckt diese Beträge, auch wenn die Kämmerei danach bindet.\n"
    )
    assert decided(beschlossen) == vorher  # keeping it changes nothing by itself
    einsparung = je_jahr(EIGENANTEILE)[2022]
    raise_gebunden(beschlossen, einsparung)  # undated: nobody can tell since when
    assert decided(beschlossen) == vorher
    assert composed(beschlossen).text == text_vorher
    # the state after the decision is the Beschlusskontrolle's
    [row] = haushalt_nach_beschluss(Composer(prepare(beschlossen)))
    assert (row.vorlage, row.entschieden, row.jahr, row.gebucht, row.verfuegbar) == (
        "2021/0123",
        dt.date(2021, 6, 21),
        2022,
        euro(einsparung),
        euro(FREI_2022 - einsparung),
    )


def test_a_dated_booking_after_the_decision_with_the_kept_haushalt(beschlossen, capsys):
    vorher, text_vorher = decided(beschlossen), composed(beschlossen).text
    keep(beschlossen, capsys)
    einsparung = je_jahr(EIGENANTEILE)[2022]
    book(beschlossen, "2021-07-01", einsparung)
    assert decided(beschlossen) == vorher
    assert composed(beschlossen).text == text_vorher


def test_the_kept_haushalt_holds_the_amounts_of_the_decision_day(beschlossen, capsys):
    """A booking before the decision is in the kept `gebunden`; one after it is not."""
    book(beschlossen, "2021-06-01", 1000)
    edit(beschlossen / H2022, '"2021/0123"}\n', '"2021/0123"}\n      - {datum: 2021-07-01, betrag: 500}\n')
    keep(beschlossen, capsys)
    kept = (beschlossen / KEPT).read_text(encoding="utf-8")
    assert "datum: 2021-06-21\n" in kept
    assert (
        f'    konto: "05.02.01"\n    plan: Ergebnisplan\n    ansatz: 15100000\n    gebunden: {GEBUNDEN_2022 + 1000}\n'
        in (kept)
    )


def test_without_the_kept_haushalt_the_message_names_the_command(beschlossen, capsys):
    einsparung = je_jahr(EIGENANTEILE)[2022]
    raise_gebunden(beschlossen, einsparung)
    assert decided(beschlossen)[1:] == ([("Kämmerei", "veraltet")], True)
    code, out, _ = run(capsys, "--data", str(beschlossen), "freigabe", "2021/0123")
    assert code == 1
    assert (
        "hat die Kämmerei nach dem Beschluss Mittel gebunden, setzen Sie „gebunden“ in haushalt/<jahr>.yaml auf den "
        "Stand des Beschlusses zurück, halten Sie ihn fest (vorlagen beschluss 2021/0123) und erhöhen Sie „gebunden“ "
        "erst dann – oder tragen Sie die Mittel unter „buchungen“ mit ihrem Tag ein; dann druckt die Vorlage wieder "
        "den Haushalt ihres Beschlusses und die Mitzeichnung gilt."
    ) in " ".join(out.split())
    # the cure the message proposes, step by step
    edit(beschlossen / H2022, f"gebunden: {GEBUNDEN_2022 + einsparung}\n", f"gebunden: {GEBUNDEN_2022}\n")
    keep(beschlossen, capsys)
    raise_gebunden(beschlossen, einsparung)
    assert decided(beschlossen)[1:] == ([("Kämmerei", "gültig")], False)


# --- a decided Vorlage whose Haushalt nobody kept: the note (issue 34, point 5: "never") -------------------------

NOTE = (
    "data/vorlagen/2021-0123/: Die Vorlage 2021/0123 ist am 21.06.2021 beschlossen und rechnet aus dem Haushalt, aber "
    "der Haushalt ihres Beschlusses ist nicht festgehalten (beschlossen.yaml fehlt) – bindet die Kämmerei die "
    "beschlossenen Mittel unter „gebunden“, würde die beschlossene Vorlage neu berechnet und ihre Freigabe veraltete: "
    "halten Sie ihn jetzt fest mit „vorlagen beschluss 2021/0123“."
)


def notes(data: Path, capsys) -> tuple[str, str, str]:
    """What `pruefen`, `freigabe` and the Beschlusskontrolle (print HTML) say of 2021/0123 now."""
    code, geprueft, _ = run(capsys, "--data", str(data), "pruefen", "--ohne-satz", "--stichtag", "2021-09-30")
    assert code == 0
    code, freigabe, _ = run(capsys, "--data", str(data), "freigabe", "2021/0123")
    assert code == 0
    return geprueft, freigabe, listen(Composer(prepare(data)), dt.date(2021, 9, 30))[0].print


def test_a_decided_vorlage_without_the_kept_haushalt_names_the_command_to_keep_it(beschlossen, capsys):
    """Decided on 21.06.2021, no beschlossen.yaml: `pruefen`, `freigabe` and the Beschlusskontrolle name the folder
    and the command – and the command they name runs, ends the note and changes nothing printed."""
    assert nicht_festgehalten(prepare(beschlossen)) == {"2021-0123": NOTE}
    geprueft, freigabe, kontrolle = notes(beschlossen, capsys)
    assert f"\nHinweise zu beschlossenen Vorlagen:\n  {NOTE}\n" in geprueft
    assert f"  Kämmerei: gültig (Erika Mustermann, 26.05.2021)\n  Hinweis: {NOTE}\n" in freigabe
    assert f'<p class="hinweis">{NOTE}</p>' in kontrolle
    vorher, text_vorher = decided(beschlossen), composed(beschlossen).text
    [befehl] = re.findall(r"„vorlagen (beschluss [^“]+)“", NOTE)
    code, _, err = run(capsys, "--data", str(beschlossen), *befehl.split())
    assert (code, err) == (0, "")
    assert nicht_festgehalten(prepare(beschlossen)) == {}
    geprueft, freigabe, kontrolle = notes(beschlossen, capsys)
    assert "nicht festgehalten" not in geprueft + freigabe + kontrolle
    assert "Hinweise zu beschlossenen Vorlagen" not in geprueft
    assert (decided(beschlossen), composed(beschlossen).text) == (vorher, text_vorher)


def test_no_note_for_an_open_vorlage_nor_one_without_haushalt(beschlossen):
    """2021/0130 (a Mitteilung taken note of) reads no Haushalt; 2021/0123 before its decision is open – the command
    would refuse both, so no note proposes it."""
    (beschlossen / NIEDERSCHRIFT).unlink()
    assert nicht_festgehalten(prepare(beschlossen)) == {}


def test_the_example_is_the_model_its_kept_haushalt_is_what_the_command_writes(beschlossen, capsys):
    keep(beschlossen, capsys)
    assert (beschlossen / KEPT).read_bytes() == (DATA / KEPT).read_bytes()


def test_the_example_as_kept_stays_as_decided_whatever_is_bound_later(festgehalten, capsys):
    """The example carries the Haushalt of its decision: no note, and raising `gebunden` – undated, then as a dated
    booking on top – changes neither the text 2021/0123 prints nor its sign-off."""
    geprueft, freigabe, kontrolle = notes(festgehalten, capsys)
    assert "nicht festgehalten" not in geprueft + freigabe + kontrolle
    vorher, text_vorher = decided(festgehalten), composed(festgehalten).text
    assert vorher[1:] == ([("Kämmerei", "gültig")], False)
    einsparung = je_jahr(EIGENANTEILE)[2022]
    raise_gebunden(festgehalten, einsparung)
    assert (decided(festgehalten), composed(festgehalten).text) == (vorher, text_vorher)
    edit(
        festgehalten / H2022,
        f"    gebunden: {GEBUNDEN_2022 + einsparung}\n",
        f"    gebunden: {GEBUNDEN_2022 + einsparung}\n    buchungen:\n      - {{datum: 2021-08-02, betrag: 1000}}\n",
    )
    assert (decided(festgehalten), composed(festgehalten).text) == (vorher, text_vorher)
    [row] = haushalt_nach_beschluss(Composer(prepare(festgehalten)))
    assert (row.gebucht, row.verfuegbar) == (euro(einsparung + 1000), euro(FREI_2022 - einsparung - 1000))


# --- adversarial ----------------------------------------------------------------------------------------------------


def test_an_open_vorlage_is_not_kept(beschlossen, capsys):
    (beschlossen / NIEDERSCHRIFT).unlink()
    code, _, err = run(capsys, "--data", str(beschlossen), "beschluss", "2021/0123")
    assert code == 1
    assert err.startswith(
        "vorlagen beschluss: Vorlage 2021/0123 ist nicht beschlossen – tragen Sie zuerst das Ergebnis der "
        "entscheidenden Beratung ein (Niederschrift oder „ergebnis“ in der Beratungsfolge).\n"
    )
    assert not (beschlossen / KEPT).exists()


def test_a_kept_haushalt_does_not_make_a_vorlage_decided(beschlossen, capsys):
    """beschlossen.yaml copied into a Vorlage whose result is not recorded (or moved to a Sitzung not yet held)
    is an error – never a decision that skips the checks."""
    keep(beschlossen, capsys)
    (beschlossen / NIEDERSCHRIFT).unlink()
    assert problems_of(beschlossen) == [
        f"data/{KEPT.as_posix()}:{line_of(beschlossen / KEPT, 'datum:')}: beschlossen.yaml hält den Haushalt eines "
        "Beschlusses vom 21.06.2021 fest, aber die Vorlage ist nicht beschlossen – ist das Ergebnis richtig erfasst, "
        "löschen Sie beschlossen.yaml und halten Sie den Haushalt des Beschlusses neu fest: vorlagen beschluss "
        "2021/0123."
    ]


def test_a_result_for_a_sitzung_not_yet_held_is_still_no_decision(beschlossen, capsys):
    keep(beschlossen, capsys)
    sitzung = beschlossen / "sitzungen" / "KA-2021-06-21.yaml"
    edit(sitzung, "datum: 2021-06-21", "datum: 2099-06-21")
    found = problems_of(beschlossen)
    assert any("die noch nicht stattgefunden hat" in p for p in found), found


def test_a_kept_haushalt_of_another_day_is_refused(beschlossen, capsys):
    keep(beschlossen, capsys)
    edit(beschlossen / KEPT, "datum: 2021-06-21", "datum: 2021-06-20")
    assert problems_of(beschlossen) == [
        f"data/{KEPT.as_posix()}:{line_of(beschlossen / KEPT, 'datum:')}: beschlossen.yaml hält den Haushalt eines "
        "Beschlusses vom 20.06.2021 fest, aber die Vorlage ist laut ihrem Ergebnis am 21.06.2021 beschlossen – ist "
        "das Ergebnis richtig erfasst, löschen Sie beschlossen.yaml und halten Sie den Haushalt des Beschlusses neu "
        "fest: vorlagen beschluss 2021/0123."
    ]


def test_a_kept_position_the_haushalt_lost(beschlossen, capsys):
    keep(beschlossen, capsys)
    edit(beschlossen / KEPT, 'konto: "05.02.01"', 'konto: "05.02.99"')
    found = problems_of(beschlossen)
    assert found[0] == (
        f"data/{KEPT.as_posix()}:{line_of(beschlossen / KEPT, '05.02.99')}: „05.02.99“ (Ergebnisplan 2021) steht "
        "nicht in haushalt/2021.yaml – die Vorlage wurde auf dieser Position beschlossen: stellen Sie sie im "
        "Haushalt wieder her (mit ihrem heutigen Stand)."
    )


def test_it_is_kept_once(beschlossen, capsys):
    keep(beschlossen, capsys)
    before = (beschlossen / KEPT).read_bytes()
    code, _, err = run(capsys, "--data", str(beschlossen), "beschluss", "2021/0123")
    assert code == 1
    assert err.startswith(
        "vorlagen beschluss: data/vorlagen/2021-0123/beschlossen.yaml hält den Haushalt des Beschlusses schon fest – "
        "er wird nicht überschrieben; war der Beschluss falsch erfasst, löschen Sie die Datei und rufen Sie den "
        "Befehl erneut auf.\n"
    )
    assert (beschlossen / KEPT).read_bytes() == before


def test_a_vorlage_without_haushalt_data(beschlossen, capsys):
    code, _, err = run(capsys, "--data", str(beschlossen), "beschluss", "2021/0130")
    assert code == 1
    assert "Vorlage 2021/0130 rechnet ihre finanziellen Auswirkungen nicht aus dem Haushalt" in err


def test_a_deckung_the_source_no_longer_has_is_a_note_not_a_reprint(beschlossen, capsys):
    """A Nachtrag lowers the Ansatz of 05.02.01 after the decision, below what the Einsparung 2022 still has to bind:
    the decided Vorlage stays as decided; the Beschlusskontrolle and `pruefen` say that its Deckung no longer stands."""
    vorher, text_vorher = decided(beschlossen), composed(beschlossen).text
    keep(beschlossen, capsys)
    edit(beschlossen / H2022, "    ansatz: 15100000\n", f"    ansatz: {GEBUNDEN_2022 + 100}\n")
    assert decided(beschlossen) == vorher
    assert composed(beschlossen).text == text_vorher
    einsparung = je_jahr(EIGENANTEILE)[2022]
    hinweis = (
        f"Vorlage 2021/0123 (beschlossen am 21.06.2021) deckt 2022 {euro(einsparung)} aus Produkt 05.02.01, "
        f"Einsparung; davon sind {euro(einsparung)} noch nicht gebunden, dort aber nur {euro(100)} verfügbar – die "
        "Deckung des Beschlusses reicht nach den Buchungen und Änderungen seit dem Beschluss nicht mehr: prüfen Sie "
        "sie oder decken Sie den Rest anders. Die beschlossene Vorlage bleibt, wie sie beschlossen wurde."
    )
    [row] = haushalt_nach_beschluss(Composer(prepare(beschlossen)))
    assert (row.gebucht, row.verfuegbar, row.hinweis) == (euro(0), euro(100), hinweis)
    code, out, _ = run(capsys, "--data", str(beschlossen), "pruefen", "--ohne-satz", "--stichtag", "2021-09-30")
    assert code == 0
    assert f"\nHinweise zu beschlossenen Vorlagen:\n  {hinweis}\n" in out


def test_without_a_change_since_the_decision_there_is_no_note(beschlossen, capsys):
    keep(beschlossen, capsys)
    assert haushalt_nach_beschluss(Composer(prepare(beschlossen))) == []
    _, out, _ = run(capsys, "--data", str(beschlossen), "pruefen", "--ohne-satz", "--stichtag", "2021-09-30")
    assert "Hinweise zu beschlossenen Vorlagen" not in out


@pytest.mark.langsam  # builds the example to PDF, then three times more (reusing what did not change)
def test_the_published_pdf_of_the_decided_vorlage_stays_byte_for_byte_and_no_entwurf(beschlossen, tmp_path, capsys):
    """`bauen` names the command while the Haushalt of the decision is not kept; keeping it changes no byte of the
    decided PDF, and neither does binding afterwards, undated or dated."""
    from tests.hilfen.pdf import pdf_text
    from vorlagen.cli import main

    out = tmp_path / "out"
    pdf = out / "vorlagen" / "2021-0123" / "2021-0123.pdf"
    capsys.readouterr()
    assert main(["--data", str(beschlossen), "--out", str(out)]) == 0
    assert (
        f"\nHinweis: {NOTE} Von selbst ließ er sich nicht festhalten: der Datenordner liegt in keinem git-Repository.\n"
    ) in capsys.readouterr().out  # a copy outside git: the build cannot tell the Haushalt before the decision
    vorher, text = pdf.read_bytes(), pdf_text(pdf)
    assert "ENTWURF" not in text
    keep(beschlossen, capsys)
    assert main(["--data", str(beschlossen), "--out", str(out)]) == 0
    assert "nicht festgehalten" not in capsys.readouterr().out
    assert pdf.read_bytes() == vorher
    einsparung = je_jahr(EIGENANTEILE)[2022]
    raise_gebunden(beschlossen, einsparung)
    assert main(["--data", str(beschlossen), "--out", str(out)]) == 0
    assert pdf.read_bytes() == vorher and pdf_text(pdf) == text
    edit(
        beschlossen / H2022,
        f"    gebunden: {GEBUNDEN_2022 + einsparung}\n",
        f"    gebunden: {GEBUNDEN_2022 + einsparung}\n    buchungen:\n      - {{datum: 2021-08-02, betrag: 1000}}\n",
    )
    assert main(["--data", str(beschlossen), "--out", str(out)]) == 0
    capsys.readouterr()
    assert pdf.read_bytes() == vorher and pdf_text(pdf) == text


def test_the_kept_haushalt_holds_the_reste_of_the_decision_day(beschlossen, capsys):
    """Haushaltsreste count as available: the decision relied on them, a later change leaves it as decided."""
    edit(beschlossen / H2022, f"    gebunden: {GEBUNDEN_2022}\n", f"    gebunden: {GEBUNDEN_2022}\n    reste: 50000\n")
    vorher, text_vorher = decided(beschlossen), composed(beschlossen).text
    keep(beschlossen, capsys)
    kept = (beschlossen / KEPT).read_text(encoding="utf-8")
    assert (
        f'    konto: "05.02.01"\n    plan: Ergebnisplan\n    ansatz: 15100000\n    gebunden: {GEBUNDEN_2022}\n' in kept
    )
    assert "    reste: 50000\n" in kept
    edit(beschlossen / H2022, "    reste: 50000\n", "    reste: 0\n")
    assert decided(beschlossen) == vorher
    assert composed(beschlossen).text == text_vorher
