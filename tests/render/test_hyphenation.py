"""German words break where the dictionary's two levels allow (compound parts first, then syllables, as LibreOffice's
libhyphen reads them), never leaving a piece without a vowel, and the house's words as listed (issue 38). The
patterns kept in the state folder hyphenate exactly as a fresh parse of the dictionary, and a missing, foreign,
damaged or hostile file is parsed anew and never trusted, read unbounded or blocked on (issue 25: a render worker
gets ready while the data loads)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyphen
import pytest

from tests.hilfen import ROOT
from vorlagen.render import hyphenation
from vorlagen.render.silben import Silben

CACHE = f"vorlagen/{hyphenation.FILE}"
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


def _fresh(words: list[str]) -> list[str]:
    """The words hyphenated by a dictionary parsed right now, never kept."""
    dictionary = Silben(*hyphenation.parse(PATH))
    return [_inserted(dictionary, word) for word in words]


def _inserted(dictionary, word: str) -> str:
    return "".join(
        letter + ("-" if index + 1 in dictionary.positions(word) else "") for index, letter in enumerate(word)
    )


def _levels(dictionary) -> list[dict]:
    """The patterns of each level, values as tuples (the kept file keeps them as bytes)."""
    return [{key: (start, tuple(values)) for key, (start, values) in level.items()} for level in dictionary.levels]


# Words the dictionary's patterns break wrongly when both levels are read as one (pyphen's reading), with the breaks
# the Duden allows; each of them once gave a line ending in „Bea-“, „Stelle-“ or „Zusam-me-“.
DUDEN = [
    "Be-ar-bei-tung",
    "Mit-ar-bei-te-rin",
    "Zu-sam-men-ar-beit",
    "Stel-len-um-fang",
    "Ei-gen-an-teil",
    "Per-so-nal-aus-ga-ben",
    "Be-dar-fe",
    "Fort-schrei-bung",
    "Schul-so-zi-al-ar-beit",
    "kreis-an-ge-hö-ri-gen",
]


def test_compound_words_break_between_their_parts_and_syllables_never_leaving_a_piece_without_a_vowel():
    hyphenation.prime()
    words = [word.replace("-", "") for word in DUDEN]
    assert _hyphenated(words) == DUDEN
    merged = pyphen.HyphDict(PATH)  # both levels read as one: the breaks WeasyPrint took before
    assert all(_inserted(merged, word) != expected for word, expected in zip(words, DUDEN))


def test_the_house_words_break_as_listed_and_their_forms_too():
    hyphenation.use(("Kreis-um-la-ge", "KiBiz", "SGB"))
    assert _hyphenated(["Kreisumlage", "Kreisumlagen", "KiBiz", "KIBIZ", "Kibizes", "Bearbeitung"]) == [
        "Kreis-um-la-ge",
        "Kreis-um-la-gen",  # a form with up to three more letters breaks as its word
        "KiBiz",
        "KIBIZ",
        "Kibizes",
        "Be-ar-bei-tung",  # every other word as the patterns say
    ]
    hyphenation.use(())  # another body's document: its words only
    assert _hyphenated(["Kreisumlage", "KiBiz"]) == ["Krei-sum-la-ge", "Ki-Biz"]


def test_kept_patterns_hyphenate_every_word_as_a_fresh_parse(tmp_path, monkeypatch):
    words = _words()
    expected = _fresh(words)
    hyphenation.prime()  # parses, and keeps the file
    assert (tmp_path / CACHE).is_file()
    assert _hyphenated(words) == expected

    def refuse(path):
        raise AssertionError("the kept file should have been used")

    monkeypatch.setattr(pyphen, "hdcache", {})
    monkeypatch.setattr(hyphenation, "parse", refuse)
    hyphenation.prime()  # reads the kept file, parses nothing
    assert _hyphenated(words) == expected


@pytest.mark.parametrize(
    "content",
    [
        b"",  # empty
        b"\xff\xfe\x00garbage",  # not text
        b"pyphen 0.0 hyph_de_AT.dic 1 1\n0\tab\t0\t12\n",  # made from another dictionary
        b"{stamp}\n0\tab\t0\t1",  # cut off in the middle of a line
        b"{stamp}\n0\tab\t0\tx1\n",  # a value that is no digit
        b"{stamp}\n0\tab\t0\n",  # a line without its values
        b"{stamp}\nab\t0\t12\n",  # a line of the form before the two levels
        b"{stamp}\n1\tab\t0\t12\n",  # a second level without a first
    ],
    ids=["leer", "binaer", "fremd", "abgeschnitten", "keine-ziffer", "zu-kurz", "alte-form", "ebene-fehlt"],
)
def test_a_foreign_or_damaged_file_is_parsed_anew_and_written_again(tmp_path, content):
    stamp = hyphenation._stamp(pyphen, PATH)
    kept = tmp_path / CACHE
    kept.write_bytes(content.replace(b"{stamp}", stamp.encode()))
    hyphenation.prime()
    assert _levels(pyphen.hdcache[PATH]) == _levels(Silben(*hyphenation.parse(PATH)))
    assert kept.read_text(encoding="utf-8").startswith(stamp + "\n")  # written again, whole


def test_a_file_with_letters_for_digits_is_not_trusted(tmp_path):
    """A value written with a letter would become a pattern digit above 9: the file is refused, not used."""
    stamp = hyphenation._stamp(pyphen, PATH)
    (tmp_path / CACHE).write_text(f"{stamp}\n0\tab\t0\tz\n", encoding="utf-8")
    hyphenation.prime()
    assert _levels(pyphen.hdcache[PATH]) == _levels(Silben(*hyphenation.parse(PATH)))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="benannte Pipes gibt es hier nicht")
def test_a_named_pipe_in_place_of_the_file_neither_blocks_nor_stays(tmp_path):
    os.mkfifo(tmp_path / CACHE)
    hyphenation.prime()  # opening a pipe for reading would wait for a writer forever
    assert (tmp_path / CACHE).is_file()


def test_a_folder_in_place_of_the_file_or_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    (tmp_path / CACHE).mkdir()
    hyphenation.prime()
    assert pyphen.hdcache[PATH].levels
    assert sorted(p.name for p in (tmp_path / "vorlagen").iterdir()) == [Path(CACHE).name]  # nothing half-written
    pyphen.hdcache.clear()
    blocked = tmp_path / "datei"
    blocked.write_text("keine Ordner hier", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "unter"))
    hyphenation.prime()  # the cache folder cannot be made: parsed, nothing written, no error
    assert pyphen.hdcache[PATH].levels


def test_an_oversized_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(hyphenation, "_MAX_BYTES", 1000)
    stamp = hyphenation._stamp(pyphen, PATH)
    (tmp_path / CACHE).write_text(stamp + "\n" + "0\tab\t0\t1\n" * 1000, encoding="utf-8")
    hyphenation.prime()
    assert _levels(pyphen.hdcache[PATH]) == _levels(Silben(*hyphenation.parse(PATH)))
