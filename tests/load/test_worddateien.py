"""hausstil: word – whether a body's documents come as Word files too, and whether its publish bundle carries them:
the defaults, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hilfen import edit, problems_of
from vorlagen.building.vorbereitung import vorbereitet

K = "koerperschaft.yaml"


def _hausstil(data: Path, yaml: str) -> None:
    edit(data / K, 'hausstil:\n  akzentfarbe: "#00599c"\n', 'hausstil:\n  akzentfarbe: "#00599c"\n' + yaml)


def test_by_default_word_files_are_written_and_not_published(data):
    word = vorbereitet(data).facts.koerperschaft.hausstil.word
    assert (word.dateien, word.veroeffentlichen) == (True, False)


def test_a_body_turns_them_off_or_publishes_them(data):
    _hausstil(data, "  word: {dateien: false}\n")
    assert vorbereitet(data).facts.koerperschaft.hausstil.word.dateien is False
    edit(data / K, "word: {dateien: false}", "word: {dateien: nein}")  # as YAML 1.1 read it: still false
    assert vorbereitet(data).facts.koerperschaft.hausstil.word.dateien is False
    edit(data / K, "word: {dateien: nein}", "word: {veroeffentlichen: true}")
    assert vorbereitet(data).facts.koerperschaft.hausstil.word.veroeffentlichen is True


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        (
            "  word: {dateien: false, veroeffentlichen: true}\n",
            "data/koerperschaft.yaml:8: „word: veroeffentlichen: true“ braucht Word-Dateien, aber „word: dateien“ ist "
            "false – setzen Sie „dateien: true“ oder „veroeffentlichen: false“.",
        ),
        (
            "  word: {datei: false}\n",
            "data/koerperschaft.yaml:8: Unbekannter Schlüssel „datei“ in „word“ – meinten Sie „dateien“? Erlaubt "
            "sind: dateien, veroeffentlichen.",
        ),
        (
            "  word: {dateien: vielleicht}\n",
            "data/koerperschaft.yaml:8: „dateien“: „vielleicht“ ist weder ja noch nein – schreiben Sie true oder false.",
        ),
        (
            "  word: ja\n",
            "data/koerperschaft.yaml:8: „word“ muss ein Abschnitt mit Einträgen der Form `schlüssel: wert` sein.",
        ),
    ],
)
def test_careless_word_settings_are_refused_with_an_exact_message(data, yaml, message):
    _hausstil(data, yaml)
    problems = problems_of(data)
    assert len(problems) == 1
    if message is not None:
        assert problems == [message]
    else:
        assert problems[0].startswith("data/koerperschaft.yaml:8: ") and "word" in problems[0]
