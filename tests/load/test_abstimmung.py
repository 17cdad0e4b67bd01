"""Votes as recorded (issue 34, point 6): einstimmig with or without a count, Ja alone, any subset of Ja, Nein and
Enthaltung – printed the way the Hausstil says, never with a number nobody typed; a result recorded with the day
it was taken, without a Sitzung file. Each rule failed on the code before issue 34 (it asked for Ja and Nein, or
einstimmig without any count, and for a Sitzung file behind every result).

The forms printed are those of real Niederschriften (pages corpus): Lohne „einstimmig beschlossen, Ja: 12“, Hesel
„einstimmig, Enthaltungen: 1“, Hockenheim „Ja: 22, Nein: 0, Enthaltungen: 0“, Lahr „13 Ja-Stimmen 0 Nein-Stimmen
2 Enthaltungen“, Fürstenwalde „Ja: 11, Nein: 0, Enthaltungen: 1“.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.hilfen import DATA, copy_data, edit, line_of, problems_of
from vorlagen.compute.niederschrift import abstimmung_niederschrift, abstimmung_text
from vorlagen.compute.project import prepare
from vorlagen.render.document import Composer

NIEDERSCHRIFT = Path("sitzungen/KA-2021-06-21/niederschrift.yaml")
KOERPERSCHAFT = Path("koerperschaft.yaml")
MITTEILUNG = Path("vorlagen/2021-0130/vorlage.yaml")
VOTE = "    abstimmung: {ja: 8, nein: 0, enthaltung: 1, ergebnis: angenommen}\n"
HAUSSTIL = "hausstil:\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(DATA, tmp_path)


def vote(data: Path, abstimmung: str) -> None:
    edit(data / NIEDERSCHRIFT, VOTE, f"    abstimmung: {abstimmung}\n")


def stil(data: Path, zeilen: str) -> None:
    edit(data / KOERPERSCHAFT, HAUSSTIL, f"{HAUSSTIL}{zeilen}")


def printed(data: Path) -> tuple[str, str]:
    """(the Kreisausschuss' line of the Beratungsfolge of 2021/0123, the Niederschrift's Abstimmungsergebnis)."""
    project = prepare(data)
    doc = next(d for d in Composer(project).compose_all() if d.source.vorlage.nummer == "2021/0123")
    zeile = next(line for line in doc.text.splitlines() if "Kreisausschuss" in line and "Entscheidung" in line)
    punkt = next(p for p in project.facts.niederschriften["KA-2021-06-21"].niederschrift.punkte if p.top == "2")
    assert punkt.abstimmung is not None
    return " ".join(zeile.split()), abstimmung_niederschrift(punkt.abstimmung, project.facts.koerperschaft.hausstil)


def test_the_example_prints_as_before(data):
    assert printed(data) == (
        "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen (8 Ja, 0 Nein, 1 Enthaltung)",
        "mit 8 Ja-Stimmen, 0 Nein-Stimmen und 1 Enthaltung angenommen",
    )


def test_einstimmig_with_its_count(data):
    vote(data, "{einstimmig: true, ja: 9}")
    assert printed(data) == (
        "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen (einstimmig, 9 Ja)",
        "einstimmig mit 9 Stimmen angenommen",
    )
    stil(data, '  abstimmung: {einstimmig_mit_zahl: "einstimmig – {zahl} –"}\n')
    assert printed(data)[0].endswith("ungeändert beschlossen (einstimmig – 9 –)")


def test_einstimmig_with_an_enthaltung(data):
    vote(data, "{einstimmig: true, enthaltung: 1}")
    assert printed(data) == (
        "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen (einstimmig, 1 Enthaltung)",
        "einstimmig bei 1 Enthaltung angenommen",
    )


def test_ja_alone_prints_no_nein_and_no_enthaltung(data):
    vote(data, "{ja: 8}")
    stil(data, "  enthaltungen: true\n")  # „0 Enthaltungen“ only beside a Nein the source gives
    assert printed(data) == (
        "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen (8 Ja)",
        "mit 8 Ja-Stimmen angenommen",
    )


@pytest.mark.parametrize(
    "abstimmung, kurz, satz",
    [
        ("{ja: 8, enthaltung: 1}", "8 Ja, 1 Enthaltung", "mit 8 Ja-Stimmen und 1 Enthaltung angenommen"),
        ("{nein: 0, enthaltung: 1}", "0 Nein, 1 Enthaltung", "mit 0 Nein-Stimmen und 1 Enthaltung angenommen"),
        ("{enthaltung: 2}", "2 Enthaltungen", "mit 2 Enthaltungen angenommen"),
        ("{ja: 8, nein: 1}", "8 Ja, 1 Nein", "mit 8 Ja-Stimmen und 1 Nein-Stimme angenommen"),
    ],
)
def test_any_subset_the_source_gives(data, abstimmung, kurz, satz):
    vote(data, abstimmung)
    assert printed(data) == (f"21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen ({kurz})", satz)


def test_the_house_style_of_hockenheim(data):
    """„Ja: 22, Nein: 0, Enthaltungen: 0“ – the Niederschrift prints the counts alone, in the Hausstil's words."""
    vote(data, "{ja: 8, nein: 0, enthaltung: 0}")
    stil(
        data,
        '  abstimmung: {ja: "Ja: {zahl}", nein: "Nein: {zahl}", enthaltung: "Enthaltungen: {zahl}", '
        'enthaltung_eins: "Enthaltungen: {zahl}", niederschrift: "{stimmen}"}\n',
    )
    assert printed(data) == (
        "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen (Ja: 8, Nein: 0, Enthaltungen: 0)",
        "Ja: 8, Nein: 0, Enthaltungen: 0",
    )


def test_the_house_style_of_lohne(data):
    vote(data, "{einstimmig: true, ja: 9}")
    stil(
        data,
        '  abstimmung: {einstimmig_mit_zahl: "einstimmig beschlossen, Ja: {zahl}", niederschrift: "{stimmen}"}\n',
    )
    assert printed(data)[1] == "einstimmig beschlossen, Ja: 9"


def test_no_number_is_printed_that_nobody_typed(data):
    """Whatever the subset, each number printed is one of the source's."""
    for abstimmung, typed in (
        ("{ja: 7}", {"7"}),
        ("{einstimmig: true}", set()),
        ("{nein: 0, enthaltung: 3}", {"0", "3"}),
    ):
        vote(data, abstimmung)
        kurz, satz = printed(data)
        zahlen = {w.strip("(),") for w in (kurz.split("beschlossen", 1)[1] + " " + satz).split()}
        assert {z for z in zahlen if z.isdigit()} == typed, abstimmung
        data.joinpath(NIEDERSCHRIFT).write_text(
            data.joinpath(NIEDERSCHRIFT).read_text(encoding="utf-8").replace(f"    abstimmung: {abstimmung}\n", VOTE),
            encoding="utf-8",
        )


def test_einstimmig_and_nein_stimmen_contradict_each_other(data):
    vote(data, "{einstimmig: true, nein: 2}")
    assert problems_of(data) == [
        f"data/{NIEDERSCHRIFT.as_posix()}:{line_of(data / NIEDERSCHRIFT, 'einstimmig')}: „einstimmig angenommen“ und 2 "
        "Nein-Stimmen widersprechen sich – streichen Sie „einstimmig“ oder die Gegenstimmen."
    ]


@pytest.mark.parametrize(
    "abstimmung, kurz, satz",
    [
        ("{mehrheitlich: true}", " (mehrheitlich)", "mehrheitlich angenommen"),
        (
            "{mehrheitlich: true, enthaltung: 2}",
            " (mehrheitlich, 2 Enthaltungen)",
            "mehrheitlich bei 2 Enthaltungen angenommen",
        ),
        ("{ergebnis: angenommen}", "", "angenommen"),
        ("{}", "", "angenommen"),
    ],
)
def test_a_vote_the_source_gives_without_counts(data, abstimmung, kurz, satz):
    """Issue 34 point 6, „in any subset the source gives“: none, or only „mehrheitlich“ – printed as given, with
    no number and no „einstimmig“ nobody typed (refused before: „Tragen Sie die Stimmen ein …“)."""
    vote(data, abstimmung)
    assert printed(data) == (f"21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen{kurz}", satz)


def test_a_beschluss_without_any_vote(data):
    edit(data / NIEDERSCHRIFT, VOTE, "")
    project = prepare(data)
    doc = next(d for d in Composer(project).compose_all() if d.source.vorlage.nummer == "2021/0123")
    zeile = next(line for line in doc.text.splitlines() if "Kreisausschuss" in line and "Entscheidung" in line)
    assert " ".join(zeile.split()) == "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen"


@pytest.mark.parametrize(
    "abstimmung, feld, meldung",
    [
        (
            "{einstimmig: true, ja: 0}",
            "ja: 0",
            "„einstimmig angenommen“ mit 0 Ja-Stimmen ist unmöglich – tragen Sie die Zahl der Ja-Stimmen ein oder "
            "streichen Sie „ja: 0“.",
        ),
        (
            "{einstimmig: true, nein: 0, ergebnis: abgelehnt}",
            "nein: 0",
            "„einstimmig abgelehnt“ mit 0 Nein-Stimmen ist unmöglich – tragen Sie die Zahl der Nein-Stimmen ein oder "
            "streichen Sie „nein: 0“.",
        ),
        (
            "{mehrheitlich: true, einstimmig: true}",
            "mehrheitlich",
            "„mehrheitlich“ und „einstimmig“ widersprechen sich – streichen Sie eins davon.",
        ),
        (
            "{mehrheitlich: true, ja: 8}",
            "mehrheitlich",
            "„mehrheitlich“ steht für eine Abstimmung ohne Ja- und Nein-Stimmen – die Stimmen zeigen die Mehrheit "
            "schon; streichen Sie „mehrheitlich“ oder die Stimmen.",
        ),
    ],
)
def test_votes_that_cannot_be(data, abstimmung, feld, meldung):
    vote(data, abstimmung)
    assert problems_of(data) == [f"data/{NIEDERSCHRIFT.as_posix()}:{line_of(data / NIEDERSCHRIFT, feld)}: {meldung}"]


def test_mehrheitlich_needs_members_present_who_may_vote(data):
    vote(data, "{mehrheitlich: true}")
    text = (data / NIEDERSCHRIFT).read_text(encoding="utf-8")
    mitglieder = text[text.index("  mitglieder:\n") : text.index("  verwaltung:\n")]
    edit(data / NIEDERSCHRIFT, mitglieder, "  mitglieder: []\n")
    assert problems_of(data) == [
        f"data/{NIEDERSCHRIFT.as_posix()}:{line_of(data / NIEDERSCHRIFT, 'mehrheitlich')}: TOP 2: „mehrheitlich“, aber "
        "kein stimmberechtigtes Mitglied ist unter „anwesend“ eingetragen – ergänzen Sie die Mitglieder (mit Namen oder "
        "als „anzahl“)."
    ]


def test_zero_enthaltungen_by_one_rule(data):
    """`enthaltungen: true` prints „0 Enthaltungen“ beside Ja and Nein in the Beratungsfolge and the Niederschrift
    alike (before, only in the Beratungsfolge)."""
    vote(data, "{ja: 8, nein: 1}")
    stil(data, "  enthaltungen: true\n")
    assert printed(data) == (
        "21.06.2021 Kreisausschuss Entscheidung ungeändert beschlossen (8 Ja, 1 Nein, 0 Enthaltungen)",
        "mit 8 Ja-Stimmen, 1 Nein-Stimme und 0 Enthaltungen angenommen",
    )


def test_a_subset_still_may_not_exceed_those_present(data):
    vote(data, "{ja: 10}")
    assert problems_of(data) == [
        f"data/{NIEDERSCHRIFT.as_posix()}:{line_of(data / NIEDERSCHRIFT, 'ja: 10')}: TOP 2: 10 Ja = 10 Stimmen, aber "
        "nur 9 stimmberechtigte Mitglieder sind anwesend – prüfen Sie die Stimmen und die Anwesenheit."
    ]


@pytest.mark.parametrize(
    "eintrag, meldung",
    [
        (
            'ja: "Ja-Stimmen"',
            "„ja“: „Ja-Stimmen“ nennt die Zahl nicht genau einmal als {zahl} – schreiben Sie z. B. „{zahl} Ja“ oder "
            "„Ja: {zahl}“; andere geschweifte Klammern sind hier nicht erlaubt.",
        ),
        (
            'nein: "{zahl} Nein {x}"',
            "„nein“: „{zahl} Nein {x}“ nennt die Zahl nicht genau einmal als {zahl} – schreiben Sie z. B. „{zahl} Ja“ "
            "oder „Ja: {zahl}“; andere geschweifte Klammern sind hier nicht erlaubt.",
        ),
        (
            'niederschrift: "{ergebnis}"',
            "„niederschrift“: „{ergebnis}“ nennt die Stimmen nicht genau einmal als {stimmen} (dazu höchstens einmal "
            "{ergebnis}) – schreiben Sie z. B. „{ergebnis} ({stimmen})“; andere geschweifte Klammern sind hier nicht "
            "erlaubt.",
        ),
        (
            'einstimmig: "einstimmig {zahl}"',
            "„einstimmig“ ist fester Text ohne Zahl – die Zahl steht unter „einstimmig_mit_zahl“.",
        ),
    ],
)
def test_a_house_style_that_would_lose_or_invent_a_number(data, eintrag, meldung):
    stil(data, f"  abstimmung:\n    {eintrag}\n")
    assert problems_of(data) == [f"data/koerperschaft.yaml:{line_of(data / KOERPERSCHAFT, eintrag)}: {meldung}"]


# --- a result with its day, without a Sitzung file --------------------------------------------------------------------


KT_BERATUNG = "  - {gremium: KT, rolle: Entscheidung, datum: 2021-07-01, ergebnis: ungeändert beschlossen, abstimmung: {einstimmig: true, ja: 35}}\n"


def test_a_result_recorded_with_its_day_without_a_sitzung_file(data):
    """Lahr, Zwickau: the source names the body, the day and the vote, but there is no Sitzung file to write."""
    edit(
        data / MITTEILUNG,
        "  - {sitzung: KA-2021-06-21, rolle: Kenntnisnahme}\n",
        "  - {sitzung: KA-2021-06-21, rolle: Kenntnisnahme}\n" + KT_BERATUNG,
    )
    project = prepare(data)
    doc = next(d for d in Composer(project).compose_all() if d.source.vorlage.nummer == "2021/0130")
    zeile = next(" ".join(line.split()) for line in doc.text.splitlines() if "Kreistag" in line)
    assert zeile == "01.07.2021 Kreistag Entscheidung ungeändert beschlossen (einstimmig, 35 Ja)"
    assert project.entschieden["2021-0130"] == dt.date(2021, 7, 1)


def test_a_day_beside_a_sitzung_is_refused(data):
    edit(
        data / MITTEILUNG,
        "{sitzung: KA-2021-06-21, rolle: Kenntnisnahme}",
        "{sitzung: KA-2021-06-21, rolle: Kenntnisnahme, datum: 2021-06-21}",
    )
    assert problems_of(data) == [
        f"data/{MITTEILUNG.as_posix()}:{line_of(data / MITTEILUNG, 'datum: 2021-06-21')}: Die Beratung nennt „sitzung“ "
        "und „datum“ – der Tag steht schon in der Sitzung; „datum“ gilt nur für ein Ergebnis ohne Sitzungsdatei: "
        "entfernen Sie es."
    ]


def test_a_vote_needs_its_result(data):
    edit(
        data / MITTEILUNG,
        "  - {sitzung: KA-2021-06-21, rolle: Kenntnisnahme}\n",
        "  - {sitzung: KA-2021-06-21, rolle: Kenntnisnahme}\n  - {gremium: KT, datum: 2021-07-01, abstimmung: {ja: 3}}\n",
    )
    assert problems_of(data) == [
        f"data/{MITTEILUNG.as_posix()}:{line_of(data / MITTEILUNG, 'abstimmung: {ja: 3}')}: Eine Abstimmung gehört zu "
        "einem Ergebnis – tragen Sie „ergebnis“ ein (ein Wort aus „hausstil: beratungsergebnisse“)."
    ]


def test_the_sentence_of_the_old_form_is_unchanged():
    """Ja and Nein with or without Enthaltung: the sentence of every earlier version."""
    from vorlagen.load.abstimmung import Abstimmung

    assert abstimmung_text(Abstimmung(ja=12, nein=2, enthaltung=1)) == (
        "mit 12 Ja-Stimmen, 2 Nein-Stimmen und 1 Enthaltung angenommen"
    )
    assert (
        abstimmung_text(Abstimmung(ja=1, nein=3, ergebnis="abgelehnt"))
        == "mit 1 Ja-Stimme und 3 Nein-Stimmen abgelehnt"
    )
