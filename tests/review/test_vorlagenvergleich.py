"""One Vorlage between two revisions (vorlagen/review/vorlagenvergleich.py): the lines of word_diff in pieces, and the
sign-offs that held before and no longer hold."""

from __future__ import annotations

from tests.hilfen.server import git, repository
from vorlagen.core.fmt import Zahlformat
from vorlagen.review.diff import word_diff
from vorlagen.review.fassung import Fassung
from vorlagen.review.vorlagenvergleich import nicht_mehr_gueltig, vorlage, wortteile


def test_the_marks_of_a_word_diff_become_pieces():
    zeile = word_diff("Der Ausschuss beschließt heute", "Der Fachausschuss beschließt")
    assert wortteile(zeile) == [
        ("=", "Der "),
        ("-", "Ausschuss"),
        ("+", "Fachausschuss"),
        ("=", " beschließt"),
        ("-", " heute"),
    ]
    assert wortteile("nichts geändert") == [("=", "nichts geändert")]


def _fassung(ordner: str, **zeichnungen: str) -> Fassung:
    fassung = Fassung("2021/0123", "Betreff", {}, Zahlformat("€"), ordner=ordner)
    fassung.zeichnungen = {rolle.capitalize(): zustand for rolle, zustand in zeichnungen.items()}
    return fassung


def test_a_sign_off_that_held_and_no_longer_holds_is_named():
    alt = {"a": _fassung("2021-0123", kaemmerei="gültig", rechtsamt="gültig", personalrat="fehlt")}
    neu = {"a": _fassung("2021-0123", kaemmerei="veraltet", rechtsamt="gültig", personalrat="fehlt")}
    assert nicht_mehr_gueltig(alt, neu) == ["Kaemmerei: veraltet"]
    assert nicht_mehr_gueltig(alt, {}) == ["Kaemmerei: Vorlage entfernt", "Rechtsamt: Vorlage entfernt"]
    assert nicht_mehr_gueltig(neu, alt) == []  # valid again: nothing that no longer holds


def test_a_revision_that_does_not_build_is_said_at_its_file_as_named_in_the_repository(tmp_path):
    wurzel = repository(tmp_path / "repo")
    alt = git(wurzel, "rev-parse", "HEAD").strip()
    yaml = wurzel / "data" / "vorlagen" / "2021-0123" / "vorlage.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("datum: 2021-05-27", "datum: 2021-13-45"), "utf-8")
    git(wurzel, "-c", "user.name=K", "-c", "user.email=k@stadt.example", "commit", "-qam", "von Hand")
    neu = git(wurzel, "rev-parse", "HEAD").strip()
    arbeit = tmp_path / "arbeit"
    arbeit.mkdir()
    ergebnis = vorlage(wurzel / "data", alt, neu, "2021-0123", wurzel / "vorlagen.toml", arbeit)
    assert ergebnis.aenderungen == [] and ergebnis.nicht_mehr == []
    assert len(ergebnis.probleme) == 1
    assert ergebnis.probleme[0].startswith(
        f"data/vorlagen/2021-0123/vorlage.yaml:4: [{neu[:10]}] „datum“: Den 2021-13-45 gibt es nicht im Kalender"
    )
    assert str(arbeit) not in ergebnis.probleme[0]
