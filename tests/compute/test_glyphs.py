"""Characters the Hausstil's font lacks are problems with file and line, from build and check (issue 9, point 10)."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hilfen import DATA, ROOT, WIESENBRUECK, copy_data, edit, line_of, run
from vorlagen.load import fonts
from vorlagen.load.hausstil import SCHRIFTEN
from vorlagen.load.yamlfile import Quellen

V = Path("vorlagen/2021-0123")
SERIF = "Liberation Serif"


def cmap(family: str, schnitt: str) -> set[int]:
    """Read here with fontTools directly, not through the module under test."""
    return set(TTFont(ROOT / "templates" / "fonts" / f"{family}-{schnitt}.ttf").getBestCmap())


def message(char: str, schrift: str = "Liberation Sans") -> str:
    return (
        f"Das Zeichen „{char}“ (U+{ord(char):04X}) gibt es in der Schrift „{schrift}“ nicht – es würde als leeres "
        "Kästchen oder in einer fremden Schrift gedruckt. Ersetzen Sie es oder wählen Sie im Hausstil eine Schrift, "
        "die es enthält."
    )


def test_common_characters_are_printed_by_every_shipped_font_in_every_schnitt():
    """GEMEINSAM lets a build skip reading fonts; that is only right when each shipped font has all of it."""
    visible = {ord(c) for c in fonts.GEMEINSAM if c not in "\t\n\r"}
    for family in SCHRIFTEN.values():
        for schnitt in fonts.SCHNITTE:
            assert visible - cmap(family, schnitt) == set(), (family, schnitt)


def test_build_and_check_report_the_same_message(capsys, data, tmp_path):
    edit(data / V / "vorlage.yaml", "betreff: Kommunales", "betreff: Kommunales 🎉")
    expected = f"data/{V}/vorlage.yaml:{line_of(data / V / 'vorlage.yaml', '🎉')}: {message('🎉')}"
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and err.splitlines()[0] == expected
    code, _, err = run(capsys, "--data", str(data), "--out", str(tmp_path / "output"))
    assert code == 1 and err.splitlines()[0] == expected
    assert not (tmp_path / "output").exists()


def test_invisible_characters_comments_and_covered_combining_sequences_pass(capsys, data):
    text = data / V / "vorbemerkungen.md"
    # soft hyphen, zero-width space and joiner, word joiner, narrow no-break space, a covered e + combining acute
    edit(
        text,
        "# Vorbemerkungen",
        "# Vorbemerkungen\n\nStra\u00adßen\u200bnetz Wort\u200dfuge\u2060, 5\u202f%, Cafe\u0301.",
    )
    assert 0x301 in cmap("LiberationSans", "Regular")  # the combining acute itself is in the font
    edit(data / "koerperschaft.yaml", "name:", "# geprüft ✅ 中\nname:")  # a comment reaches no document
    code, out, err = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0, err


def test_a_combining_sequence_prints_through_its_precomposed_form(capsys, tmp_path):
    """Liberation Serif lacks the combining acute but has é: HarfBuzz composes, nothing is reported."""
    assert 0x301 not in cmap("LiberationSerif", "Regular") and 0xE9 in cmap("LiberationSerif", "Regular")
    data = copy_data(WIESENBRUECK, tmp_path)
    text = next(data.glob("vorlagen/*/*.md"))
    text.write_text(text.read_text(encoding="utf-8") + "\nCafe\u0301 und Ƀ.\n", encoding="utf-8")
    assert 0x243 not in cmap("LiberationSerif", "Regular")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    shown = text.relative_to(data.parent).as_posix()
    assert err.splitlines()[0] == f"{shown}:{line_of(text, 'Cafe')}: {message('Ƀ', SERIF)}"


def test_a_markdown_entity_counts_as_the_character_it_shows(capsys, data):
    edit(data / V / "vorbemerkungen.md", "# Vorbemerkungen", "# Vorbemerkungen\n\nZeichen &#x4E2D; und &#9731;")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1
    assert err.splitlines()[0] == (
        f"data/{V}/vorbemerkungen.md:3: Die Zeichen „中“ (U+4E2D) und „☃“ (U+2603) gibt es in der Schrift „Liberation "
        "Sans“ nicht – sie würden als leere Kästchen oder in einer fremden Schrift gedruckt. Ersetzen Sie sie oder "
        "wählen Sie im Hausstil eine Schrift, die sie enthält."
    )


def test_the_data_folders_own_font_is_the_one_checked(capsys, data):
    """A data folder's templates/fonts/ replaces the shipped files: Serif glyphs under the Sans names lack ƀ."""
    own = data / "templates" / "fonts"
    own.mkdir(parents=True)
    for schnitt in fonts.SCHNITTE:
        shutil.copy(
            ROOT / "templates" / "fonts" / f"LiberationSerif-{schnitt}.ttf", own / f"LiberationSans-{schnitt}.ttf"
        )
    assert 0x180 in cmap("LiberationSans", "Regular") and 0x180 not in cmap("LiberationSerif", "Regular")
    edit(data / V / "vorbemerkungen.md", "# Vorbemerkungen", "# Vorbemerkungen\n\nDas ƀ.")
    code, _, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and err.splitlines()[0] == f"data/{V}/vorbemerkungen.md:3: {message('ƀ')}"


def test_checking_the_example_reads_no_font_file():
    """The per-build cost: the example's characters are all common, so fontTools is not even imported."""
    script = (
        "import sys; from pathlib import Path; from vorlagen.compute.project import prepare; "
        f"prepare(Path({str(DATA)!r})); print('fontTools' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip() == "False", result.stderr


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([".md", ".yaml"]), st.text()), max_size=6))
def test_the_characters_kept_are_exactly_those_of_the_texts_read(files):
    """The loader keeps only the set of characters seen (collected by a shortcut), never the texts."""
    quellen, expected = Quellen(), set()
    for number, (suffix, text) in enumerate(files):
        text = text.encode("utf-8", "replace").decode("utf-8")  # what a strict UTF-8 decode can give
        path = Path(f"datei-{number}{suffix}")
        quellen.add(path, text)
        expected |= set(text) | (set(html.unescape(text)) if suffix == ".md" else set())
    assert quellen.zeichen == expected
