"""Issue 33, point 2: `vorlagen freigabe` names the page and the area that look different when a sign-off is
stale for what the print shows (render/seitenbild.py: the pages as laid out when it was signed)."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from pathlib import Path

import pytest

from tests.hilfen import ROOT, composed, edit, run
from vorlagen.core.problems import Where
from vorlagen.load.satz import Satz
from vorlagen.render import pdf, seitenbild, seitensatz
from vorlagen.render.freigabe import siegel as freigabe_siegel
from vorlagen.render.pdf import lay_out, render_pdf

NR = "2021/0123"
FOLDER = Path("vorlagen/2021-0123")
KOERPERSCHAFT = Path("koerperschaft.yaml")
AKZENT = '  akzentfarbe: "#00599c"\n'
MARK = "ENTWURF – noch nicht freigegeben; Mitzeichnung ausstehend: Kämmerei (veraltet)"
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


# What a sign-off binds to (docs/entwicklung/architektur.md, „Woran eine Mitzeichnung bindet“): text, Druckbild and the
# pages as set. The pages are checked whenever text and Druckbild still hold, so a renderer that sets the same print
# differently – another WeasyPrint, a system font filling in a glyph – makes the sign-off stale; one that sets the same
# pages does not.

ZWEITE_SEITE = "- Vorlage, Seite 2, mittleres Drittel: "


def _anders_gesetzt(data: Path) -> None:
    """The example's sign-off as if signed on a machine that set the middle of page 2 differently: its Seitenbild
    line changed and its fingerprint made anew, as that machine's `zeichnen` would have written it."""
    signed = data / FOLDER / "gezeichnet" / "kaemmerei.txt"
    text = signed.read_text(encoding="utf-8")
    start = text.index(ZWEITE_SEITE) + len(ZWEITE_SEITE)
    _gesiegelt(data, text[:start] + "0" * 32 + text[start + 32 :])


def _gesiegelt(data: Path, text: str) -> None:
    """The Kämmerei's signed text replaced by `text`, with the fingerprint `zeichnen` would have written for it."""
    (data / FOLDER / "gezeichnet" / "kaemmerei.txt").write_text(text, encoding="utf-8")
    neu = freigabe_siegel("Kämmerei", "Erika Mustermann", dt.date(2021, 5, 26), text)
    yaml = data / FOLDER / "mitzeichnungen.yaml"
    yaml.write_text(re.sub(r'fingerabdruck: "[^"]*"', f'fingerabdruck: "{neu}"', yaml.read_text("utf-8")), "utf-8")


def test_pages_set_differently_from_the_same_print_make_the_sign_off_stale(capsys, data):
    _anders_gesetzt(data)
    assert _druckbild(capsys, data) == [
        "gleiche Druckfassung, dieselben Dateien, aber anders gesetzt: dieser Rechner setzt die Seiten anders als der, "
        "auf dem gezeichnet wurde (eine andere Version von WeasyPrint oder eine Schrift des Systems statt einer des "
        "Hausstils) – bauen Sie mit den Versionen, mit denen gezeichnet wurde, oder zeichnen Sie neu:",
        "Vorlage, Seite 2, Abschnitt „Erläuterungen“ (mittleres Drittel): sieht anders aus",
    ]
    doc = composed(data)  # as a build composes it: an ENTWURF, marked
    assert doc.entwurf and MARK in doc.print_html


def test_a_renderer_that_sets_the_same_pages_keeps_the_sign_off(capsys, data, monkeypatch, tmp_path):
    """Another renderer (a new WeasyPrint, other system fonts: a new key, so the pages are set anew) that sets every
    third the same: the PDF's bytes may differ, what a reader sees does not – the sign-off holds."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # nothing kept from an earlier run
    monkeypatch.setattr(seitensatz, "setzer", lambda: "ein anderer Rechner")
    gesetzt = []
    monkeypatch.setattr(pdf, "lay_out", lambda *args: gesetzt.append(args[0]) or lay_out(*args))
    doc = composed(data)
    assert len(gesetzt) == 2 and not doc.entwurf  # the Vorlage and its Anlage set anew, the same pages
    code, out, _ = run(capsys, "--data", str(data), "freigabe", NR)
    assert code == 0 and "  Kämmerei: gültig (Erika Mustermann, 26.05.2021)" in out.splitlines()


def test_a_soft_hyphen_changes_the_pdfs_bytes_but_not_its_pages(data):
    """Why a sign-off does not bind to the PDF's bytes: a soft hyphen where the line does not break prints nothing,
    but the PDF holds it (its text and its /ID) – its pages are the same, and so is the sign-off."""
    vorher = composed(data)
    edit(data / FOLDER / "vorbemerkungen.md", "Integrationsmanagement", "Integrations\u00admanagement")
    nachher = composed(data)
    assert not nachher.entwurf
    roots = [data, ROOT / "templates"]
    gedruckt = [
        render_pdf(d.print_html, d.source.folder, roots, Where("x"), dt.date(2021, 5, 27)) for d in (vorher, nachher)
    ]
    assert gedruckt[0] != gedruckt[1]
    seiten = [seitenbild.bereiche(lay_out(d.print_html, d.source.folder, roots, Where("x"))) for d in (vorher, nachher)]
    assert [b.digest for b in seiten[0]] == [b.digest for b in seiten[1]]


def _drittel(tmp_path: Path, body: str) -> list[str]:
    html = f'<html lang="de"><body style="font: 12pt sans-serif">{body}</body></html>'
    return [b.digest for b in seitenbild.bereiche(lay_out(html, tmp_path, [tmp_path], Where("x")))]


@pytest.mark.parametrize(
    "vorher, nachher, gleich",
    [
        ("<p>Integrationsmanagement</p>", "<p>Integrations\u00admanagement</p>", True),  # no break: nothing printed
        ("<p>eins zwei</p>", "<p>eins\n   zwei</p>", True),  # white space that prints as one space
        ('<p style="white-space: pre">eins zwei</p>', '<p style="white-space: pre">eins   zwei</p>', False),
        ('<p style="width: 25mm">Integrationsmanagement</p>', '<p style="width: 25mm">Integrations\u00admanagement</p>', False),  # the line breaks there: a hyphen
        ("<p>eins</p>", '<p style="opacity: 0.5">eins</p>', False),
        ('<div><p>eins</p></div>', '<div style="opacity: 0"><p>eins</p></div>', False),  # hidden by its parent
        ("<p>eins</p>", '<p style="color: white">eins</p>', False),
        ("<p>eins</p>", '<p style="visibility: hidden">eins</p>', False),
        ("<p>eins</p>", "<p><s>eins</s></p>", False),
        ('<p><a href="https://a.example/">eins</a></p>', '<p><a href="https://b.example/">eins</a></p>', False),
        ("<p>eins</p>", '<div style="transform: scale(0)"><p>eins</p></div>', False),
    ],
    ids=[
        "weiches-trennzeichen", "leerraum", "leerraum-gedruckt", "trennstrich-am-zeilenende", "deckkraft", "deckkraft-der-eltern",
        "weiss", "unsichtbar", "durchgestrichen", "verweisziel", "transform",
    ],
)  # fmt: skip
def test_what_the_pages_count(tmp_path, vorher, nachher, gleich):
    """What a third's digest sees and what it does not, on the smallest documents."""
    assert (_drittel(tmp_path, vorher) == _drittel(tmp_path, nachher)) is gleich


def test_pages_are_set_once_and_read_back_whole(tmp_path, monkeypatch):
    """The second check of the same print takes the kept pages – with a section whose heading holds quotes."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    gesetzt = []
    monkeypatch.setattr(pdf, "lay_out", lambda *args: gesetzt.append(args[0]) or lay_out(*args))
    html = '<html lang="de"><body><h2>Projekt „Neustart“, Teil 1</h2><p>eins</p></body></html>'
    erst, dann = (seitensatz.jetzt({"Vorlage": html}, tmp_path, [tmp_path], Satz()) for _ in range(2))
    assert len(gesetzt) == 1 and dann == erst
    assert erst["Vorlage"][0].abschnitte == ("Projekt „Neustart“, Teil 1",)


def test_a_sign_off_from_before_the_seitenbild_holds_and_names_documents(capsys, data):
    """Signed by the version before (a Druckbild, no Seitenbild): valid while text and Druckbild hold, no pages
    compared; stale, it names the documents printed differently, as that version did."""
    signed = data / FOLDER / "gezeichnet" / "kaemmerei.txt"
    _gesiegelt(data, signed.read_text(encoding="utf-8").split("\n\nSeitenbild (")[0] + "\n")
    assert not composed(data).entwurf
    edit(data / KOERPERSCHAFT, AKZENT, '  akzentfarbe: "#ffffff"\n')
    assert _druckbild(capsys, data) == [
        "Vorlage: gleicher Text, anders gedruckt (Gestaltung, Codeblock, Verweisziel oder Bild)",
        "Anlage 1: gleicher Text, anders gedruckt (Gestaltung, Codeblock, Verweisziel oder Bild)",
    ]
