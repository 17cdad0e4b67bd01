"""Issue 33, point 2: `vorlagen freigabe` names the page and the area that look different when a sign-off is
stale for what the print shows (render/seitenbild.py: the pages as laid out when it was signed)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from tests.hilfen import ROOT, edit, run

NR = "2021/0123"
FOLDER = Path("vorlagen/2021-0123")
KOERPERSCHAFT = Path("koerperschaft.yaml")
AKZENT = '  akzentfarbe: "#00599c"\n'
KOPF = [
    "  Kämmerei: veraltet (Erika Mustermann, 26.05.2021)",
    "    Seit der Mitzeichnung geändert:",
    "      Druckbild:",
]
# What the example prints where: the sections of each page (its h2 headings), the end of the Vorbemerkungen.
GANZ = [
    "Vorlage, Seite 1, Abschnitte „Beratungsfolge“, „Beschlussvorschlag“, „Vorbemerkungen“ und „Erläuterungen“ (ganze Seite): sieht anders aus",
    "Vorlage, Seite 2, Abschnitt „Erläuterungen“ (ganze Seite): sieht anders aus",
    "Vorlage, Seite 3, Abschnitt „Erläuterungen“ (ganze Seite): sieht anders aus",
    "Vorlage, Seite 4, Abschnitte „Erläuterungen“ und „Finanzielle Auswirkungen“ (ganze Seite): sieht anders aus",
    "Vorlage, Seite 5, Abschnitte „Finanzielle Auswirkungen“ und „Anlagen“ (ganze Seite): sieht anders aus",
    "Anlage 1, Seite 1, Abschnitte „1. Ausgangslage“, „2. Ziele im Rhein-Sieg-Kreis“, „3. Einbettung in bestehende Strukturen“ und „4. Kommunen und freie Träger“ (ganze Seite): sieht anders aus",
]
ENDE_VORBEMERKUNGEN = (
    "Vorlage, Seite 1, Abschnitte „Vorbemerkungen“ und „Erläuterungen“ (unteres Drittel): sieht anders aus"
)


def _sign(capsys, data: Path) -> None:
    code, _, err = run(
        capsys, "--data", str(data), "zeichnen", NR, "--rolle", "Kämmerei", "--name", "Erika Mustermann",
        "--datum", "2021-05-26",
    )  # fmt: skip
    assert code == 0, err


def _druckbild(capsys, data: Path) -> list[str]:
    """The lines under „Druckbild:“ in `vorlagen freigabe` (the text did not change)."""
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    lines = out.splitlines()
    assert code == 1 and lines[1:4] == KOPF, out
    return [line.strip() for line in lines[4 : lines.index("")]]


def _append(data: Path, markdown: str) -> Path:
    text = data / FOLDER / "vorbemerkungen.md"
    text.write_text(text.read_text(encoding="utf-8") + "\n" + markdown, encoding="utf-8")
    return text


def _png(rgb: tuple[int, int, int]) -> bytes:
    """A complete 2 × 2 PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(rgb) * 2 for _ in range(2))
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _stylesheet(capsys, data: Path, css: str) -> list[str]:
    """Signed with a data stylesheet that changes nothing, then `css` added to it."""
    (data / "stil").mkdir()
    (data / "stil" / "haus.css").write_text("p { color: black; }\n", encoding="utf-8")
    edit(data / KOERPERSCHAFT, AKZENT, AKZENT + "  stylesheet: stil/haus.css\n")
    _sign(capsys, data)
    (data / "stil" / "haus.css").write_text("p { color: black; }\n" + css, encoding="utf-8")
    return _druckbild(capsys, data)


def test_the_signed_text_keeps_the_pages_as_laid_out(capsys, data):
    _sign(capsys, data)
    signed = (data / FOLDER / "gezeichnet" / "kaemmerei.txt").read_text(encoding="utf-8")
    seiten = signed.split("\n\nSeitenbild (SHA-256 je Drittel jeder Seite, wie gesetzt):\n")[1].splitlines()
    assert seiten[0].startswith("- Vorlage, Seite 1, oberes Drittel: ")
    assert seiten[-1].startswith("- Anlage 1, Seite 2, unteres Drittel: ")
    assert "- Vorlage, Seite 4, unteres Drittel: " in signed and "(„Finanzielle Auswirkungen“)" in signed


def test_whitened_amounts_name_the_page_and_area_of_the_tables(capsys, data):
    """The amount cells (td.betrag) of the example lie on page 2 from its middle third to page 5's middle third
    (the tables of the Erläuterungen and the Finanzielle Auswirkungen); the Anlage has none."""
    assert _stylesheet(capsys, data, "td.betrag { color: white; }\n") == [
        "stil/haus.css: geändert",
        "Vorlage, Seite 2, Abschnitt „Erläuterungen“ (mittleres Drittel): sieht anders aus",
        "Vorlage, Seite 2, Abschnitt „Erläuterungen“ (unteres Drittel): sieht anders aus",
        "Vorlage, Seite 3, Abschnitt „Erläuterungen“ (ganze Seite): sieht anders aus",
        "Vorlage, Seite 4, Abschnitte „Erläuterungen“ und „Finanzielle Auswirkungen“ (ganze Seite): sieht anders aus",
        "Vorlage, Seite 5, Abschnitt „Finanzielle Auswirkungen“ (oberes Drittel): sieht anders aus",
        "Vorlage, Seite 5, Abschnitte „Finanzielle Auswirkungen“ und „Anlagen“ (mittleres Drittel): sieht anders aus",
    ]


def test_a_hidden_paragraph_names_where_the_print_moved(capsys, data):
    """The first paragraph of each section gone: everything below moves up, on every page of both documents –
    only the title and header data above the first section (page 1, top third) stay where they were."""
    assert _stylesheet(capsys, data, "p:first-of-type { display: none; }\n") == [
        "stil/haus.css: geändert",
        *GANZ[:6],
        "Anlage 1, Seite 2, Abschnitt „5. Die drei Module“ (oberes Drittel): sieht anders aus",
        "Anlage 1, Seite 2, Abschnitte „5. Die drei Module“ und „6. Zusammenspiel“ (mittleres Drittel): sieht anders aus",
    ]


def test_added_text_names_its_heading(capsys, data):
    """Each section heading gains the text (named as printed now); the areas whose headings do not break anew."""
    zusatz = " – Zuschuss 5.000.000 €"
    assert _stylesheet(capsys, data, f'h2::after {{ content: "{zusatz}"; }}\n') == [
        "stil/haus.css: geändert",
        f"Vorlage, Seite 1, Abschnitte „Beratungsfolge{zusatz}“, „Beschlussvorschlag{zusatz}“, „Vorbemerkungen{zusatz}“ "
        f"und „Erläuterungen{zusatz}“ (ganze Seite): sieht anders aus",
        f"Vorlage, Seite 4, Abschnitte „Erläuterungen{zusatz}“ und „Finanzielle Auswirkungen{zusatz}“ (mittleres "
        "Drittel): sieht anders aus",
        f"Vorlage, Seite 5, Abschnitte „Finanzielle Auswirkungen{zusatz}“ und „Anlagen{zusatz}“ (mittleres Drittel): "
        "sieht anders aus",
        f"Anlage 1, Seite 1, Abschnitt „1. Ausgangslage{zusatz}“ (oberes Drittel): sieht anders aus",
        f"Anlage 1, Seite 1, Abschnitte „1. Ausgangslage{zusatz}“, „2. Ziele im Rhein-Sieg-Kreis{zusatz}“ und "
        f"„3. Einbettung in bestehende Strukturen{zusatz}“ (mittleres Drittel): sieht anders aus",
        f"Anlage 1, Seite 2, Abschnitte „4. Kommunen und freie Träger{zusatz}“ und „5. Die drei Module{zusatz}“ "
        "(oberes Drittel): sieht anders aus",
        f"Anlage 1, Seite 2, Abschnitte „5. Die drei Module{zusatz}“ und „6. Zusammenspiel{zusatz}“ (mittleres "
        "Drittel): sieht anders aus",
    ]


def test_a_swapped_font_names_every_page_it_draws(capsys, data):
    fonts = data / "templates" / "fonts"
    fonts.mkdir(parents=True)
    shipped = ROOT / "templates" / "fonts"
    (fonts / "LiberationSans-Regular.ttf").write_bytes((shipped / "LiberationSans-Regular.ttf").read_bytes())
    _sign(capsys, data)
    (fonts / "LiberationSans-Regular.ttf").write_bytes((shipped / "LiberationSerif-Regular.ttf").read_bytes())
    assert _druckbild(capsys, data) == [
        "templates/fonts/LiberationSans-Regular.ttf: geändert",
        *GANZ,
        "Anlage 1, Seite 2, Abschnitte „5. Die drei Module“ und „6. Zusammenspiel“ (ganze Seite): sieht anders aus",
    ]


def test_a_replaced_image_names_its_area(capsys, data):
    (data / FOLDER / "plan.png").write_bytes(_png((200, 0, 0)))
    _append(data, "![Lageplan](plan.png)\n")
    _sign(capsys, data)
    (data / FOLDER / "plan.png").write_bytes(_png((0, 0, 200)))
    assert _druckbild(capsys, data) == ["vorlagen/2021-0123/plan.png: geändert", ENDE_VORBEMERKUNGEN]


def test_a_code_block_amount_names_its_area(capsys, data):
    before, after = "```\nZuschuss: 100.000 EUR\n```\n", "```\nZuschuss: 900.000 EUR\n```\n"
    text = _append(data, before)
    _sign(capsys, data)
    edit(text, before, after)
    assert _druckbild(capsys, data) == [ENDE_VORBEMERKUNGEN]


def test_a_comment_in_the_stylesheet_changes_no_page_but_is_not_signed(capsys, data):
    """Conservative on purpose: a loaded file that changed stales the sign-off even when no page looks different;
    `freigabe` says so, and the signer need not look for a difference."""
    assert _stylesheet(capsys, data, "/* nur ein Kommentar */\n") == [
        "stil/haus.css: geändert",
        "keine Seite sieht anders aus – geändert hat sich, was beim Lesen nicht zu sehen ist (etwa ein Kommentar im "
        "Stylesheet); die Mitzeichnung deckt aber genau das Gezeichnete: zeichnen Sie neu",
    ]


def test_the_hausstils_colour_names_where_it_is_printed(capsys, data):
    """The accent colour (headings, links, the Beschlussvorschlag's bar, table header lines) is printed in these
    thirds – found by walking the laid-out boxes for #00599c, apart from seitenbild.py."""
    _sign(capsys, data)
    edit(data / KOERPERSCHAFT, AKZENT, '  akzentfarbe: "#ffffff"\n')
    assert _druckbild(capsys, data) == [
        GANZ[0],
        "Vorlage, Seite 2, Abschnitt „Erläuterungen“ (mittleres Drittel): sieht anders aus",
        GANZ[2],
        "Vorlage, Seite 4, Abschnitt „Erläuterungen“ (oberes Drittel): sieht anders aus",
        "Vorlage, Seite 4, Abschnitte „Erläuterungen“ und „Finanzielle Auswirkungen“ (mittleres Drittel): sieht anders "
        "aus",
        "Vorlage, Seite 5, Abschnitt „Finanzielle Auswirkungen“ (oberes Drittel): sieht anders aus",
        "Vorlage, Seite 5, Abschnitte „Finanzielle Auswirkungen“ und „Anlagen“ (mittleres Drittel): sieht anders aus",
        "… und 4 weitere Bereiche",  # the Anlage's top and middle thirds of both pages
    ]


def test_a_changed_link_target_names_where_the_link_is(capsys, data):
    """A link to the Anlage prints its published address (oparl.basis_url + its path) as the PDF's link: the words
    are the same, a click leads elsewhere."""
    _append(data, "Einzelheiten im [Handlungskonzept](anlagen/handlungskonzept.md).\n")
    _sign(capsys, data)
    edit(data / KOERPERSCHAFT, "https://ratsinfo.rhein-sieg-kreis.de/vorlagen/", "https://boese.example/vorlagen/")
    assert _druckbild(capsys, data) == [ENDE_VORBEMERKUNGEN]
