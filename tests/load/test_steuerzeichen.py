"""A control character in a value of the data („\\a“ in double quotes, as the form once wrote what a clerk typed) went
through to WeasyPrint, which refused the build with its English „.notdef glyph rendered…“, no file, no line; a raw one
in a YAML file was a YAML error without a line. Now each is refused where it is read, at its line (issue 54,
point 12)."""

from __future__ import annotations

import pytest

from tests.hilfen import composed, edit, line_of, problems_of

VORLAGE = "vorlagen/2021-0123/vorlage.yaml"
TEXT = "vorlagen/2021-0123/vorbemerkungen.md"
BETREFF = "betreff: Kommunales Integrationsmanagement (KIM)"
STEUER = (
    "Der Text enthält das Steuerzeichen U+{:04X}, das sich nicht drucken lässt – löschen Sie es (oft ein unsichtbarer "
    "Rest aus einer kopierten Textstelle oder einem anderen Programm)."
)

TAIL = " – Stellenbesetzung und Finanzierung bis Ende 2022"


@pytest.mark.parametrize(
    "geschrieben, zeichen",
    [
        (f'betreff: "Kommunales\\a Integrationsmanagement (KIM){TAIL}"', 0x07),  # the adversary's: an escape
        (f'betreff: "Kommunales\\e Integrationsmanagement (KIM){TAIL}"', 0x1B),
        (f'betreff: "Kommunales\\x7f Integrationsmanagement (KIM){TAIL}"', 0x7F),
        (f'betreff: "Kommunales\\r Integrationsmanagement (KIM){TAIL}"', 0x0D),
        (f"betreff: Kommunales\x07 Integrationsmanagement (KIM){TAIL}", 0x07),  # raw in the file
        (f"betreff: Kommunales\x1b Integrationsmanagement (KIM){TAIL}", 0x1B),
    ],
)
def test_a_control_character_in_a_yaml_value_is_named_at_its_line(data, geschrieben, zeichen):
    path = data / VORLAGE
    zeile = line_of(path, BETREFF)
    edit(path, BETREFF + TAIL, geschrieben)
    assert problems_of(data) == [f"data/{VORLAGE}:{zeile}: {STEUER.format(zeichen)}"]


def test_a_control_character_in_a_markdown_text_is_named_at_its_line(data):
    (data / TEXT).write_text("# Vorbemerkungen\r\n\r\nEin Satz\tmit Tab.\r\nUnd einer\x08 mit Rückschritt.\r\n")
    assert problems_of(data) == [f"data/{TEXT}:4: {STEUER.format(0x08)}"]


def test_tabs_line_ends_and_soft_hyphens_stay_allowed(data):
    (data / TEXT).write_text("# Vorbemerkungen\r\n\r\nEin Satz mit Silben\u00adtrennung.\r\n")
    edit(data / VORLAGE, BETREFF + TAIL, f'betreff: "Kommunales\\tIntegrationsmanagement (KIM){TAIL}"')
    doc = composed(data)
    assert "Ein Satz mit Silben\u00adtrennung." in doc.text
    assert "Kommunales\tIntegrationsmanagement (KIM)" in doc.web_html
