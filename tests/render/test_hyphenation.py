"""The hyphenation patterns kept in the state folder hyphenate exactly as pyphen's own parse of its dictionary,
and a missing, foreign, damaged or hostile file is parsed anew and never trusted, read unbounded or blocked on
(issue 25: a render worker gets ready while the data loads)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyphen
import pytest

from tests.hilfen import ROOT
from vorlagen.render import hyphenation

CACHE = "vorlagen/silbentrennung-de.txt"
PATH = pyphen.LANGUAGES[pyphen.language_fallback(hyphenation.LANGUAGE)]


@pytest.fixture(autouse=True)
def fresh_pyphen(monkeypatch, tmp_path):
    """Each test starts with pyphen's cache empty and leaves the process's cache as it was; the user's cache
    folder is the test's own."""
    monkeypatch.setattr(pyphen, "hdcache", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "vorlagen").mkdir()


def _words() -> list[str]:
    """Every word of the example's texts, and compounds of the kind council papers are made of."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.md"))
    words = set(re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", text))
    words |= {
        "Verpflichtungsermächtigung",
        "Haushaltsbegleitbeschluss",
        "Kindertagesstättenbedarfsplanung",
        "Dringlichkeitsentscheidung",
        "überplanmäßige",
        "Zuwendungsbescheid",
        "Straße",
        "Schifffahrt",
    }
    assert len(words) > 300
    return sorted(words)


def _hyphenated(words: list[str]) -> list[str]:
    dictionary = pyphen.Pyphen(lang=hyphenation.LANGUAGE)
    return [dictionary.inserted(word) for word in words]


def test_kept_patterns_hyphenate_every_word_as_pyphens_own_parse(tmp_path, monkeypatch):
    words = _words()
    expected = _hyphenated(words)  # pyphen parses its dictionary itself
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation.prime()  # parses, and keeps the file
    assert (tmp_path / CACHE).is_file()
    assert _hyphenated(words) == expected

    def refuse(path):
        raise AssertionError("the kept file should have been used")

    monkeypatch.setattr(pyphen, "hdcache", {})
    monkeypatch.setattr(pyphen, "HyphDict", type("Refuse", (pyphen.HyphDict,), {"__init__": refuse}))
    hyphenation.prime()  # reads the kept file, parses nothing
    assert _hyphenated(words) == expected


@pytest.mark.parametrize(
    "content",
    [
        b"",  # empty
        b"\xff\xfe\x00garbage",  # not text
        b"pyphen 0.0 hyph_de_AT.dic 1 1\nab\t0\t12\n",  # made from another dictionary
        b"{stamp}\nab\t0\t1",  # cut off in the middle of a line
        b"{stamp}\nab\t0\tx1\n",  # a value that is no digit
        b"{stamp}\nab\t0\n",  # a line without its values
    ],
    ids=["leer", "binaer", "fremd", "abgeschnitten", "keine-ziffer", "zu-kurz"],
)
def test_a_foreign_or_damaged_file_is_parsed_anew_and_written_again(tmp_path, content):
    stamp = hyphenation._stamp(pyphen, PATH)
    kept = tmp_path / CACHE
    kept.write_bytes(content.replace(b"{stamp}", stamp.encode()))
    hyphenation.prime()
    assert pyphen.hdcache[PATH].patterns == pyphen.HyphDict(PATH).patterns
    assert kept.read_text(encoding="utf-8").startswith(stamp + "\n")  # written again, whole


def test_a_file_with_letters_for_digits_is_not_trusted(tmp_path):
    """A value written with a letter would become a pattern digit above 9: the file is refused, not used."""
    stamp = hyphenation._stamp(pyphen, PATH)
    (tmp_path / CACHE).write_text(f"{stamp}\nab\t0\tz\n", encoding="utf-8")
    hyphenation.prime()
    assert pyphen.hdcache[PATH].patterns == pyphen.HyphDict(PATH).patterns


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="benannte Pipes gibt es hier nicht")
def test_a_named_pipe_in_place_of_the_file_neither_blocks_nor_stays(tmp_path):
    os.mkfifo(tmp_path / CACHE)
    hyphenation.prime()  # opening a pipe for reading would wait for a writer forever
    assert (tmp_path / CACHE).is_file()


def test_a_folder_in_place_of_the_file_or_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    (tmp_path / CACHE).mkdir()
    hyphenation.prime()
    assert pyphen.hdcache[PATH].patterns
    assert sorted(p.name for p in (tmp_path / "vorlagen").iterdir()) == [Path(CACHE).name]  # nothing half-written
    pyphen.hdcache.clear()
    blocked = tmp_path / "datei"
    blocked.write_text("keine Ordner hier", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "unter"))
    hyphenation.prime()  # the cache folder cannot be made: parsed, nothing written, no error
    assert pyphen.hdcache[PATH].patterns


def test_an_oversized_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(hyphenation, "_MAX_BYTES", 1000)
    stamp = hyphenation._stamp(pyphen, PATH)
    (tmp_path / CACHE).write_text(stamp + "\n" + "ab\t0\t1\n" * 1000, encoding="utf-8")
    hyphenation.prime()
    assert pyphen.hdcache[PATH].patterns == pyphen.HyphDict(PATH).patterns
