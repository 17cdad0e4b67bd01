"""A Latin-1 text made the editing page drop the connection (an English UnicodeDecodeError in the terminal); control
characters typed into a Betreff were saved and then refused by the build in WeasyPrint's English words. Now the page
names the file that is no UTF-8, the encoding it seems to be in and what to do, and shows no form that could save
over it; a control character in any field is refused at the field (issue 54, point 12)."""

from __future__ import annotations

import http.client
import urllib.parse

import pytest

from tests.hilfen.vorschau import im_hintergrund
from vorlagen.building.bearbeiten import bearbeitung
from vorlagen.building.bearbeiten.bearbeitung import bearbeiten, entwurf_feld, oeffnen
from vorlagen.building.bearbeiten.entwurf import Eingabe
from vorlagen.building.bearbeiten.routen import Bearbeiten
from vorlagen.building.bearbeiten.sitzung import Sitzung
from vorlagen.building.vorschauseiten import State, server

ORDNER = "vorlagen/2021-0123"
SEITE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
LATIN1 = "# Vorbemerkungen\n\nDie Kosten für Büros trägt der Kreis.\n"  # ü: one byte 0xFC in Latin-1


def _meldung(datei: str, zeile: int, als: str) -> str:
    return (
        f"data/{ORDNER}/{datei}:{zeile}: Die Datei ist nicht als UTF-8 gespeichert{als} – das Formular zeigt diese "
        "Vorlage nicht und speichert nichts, damit nichts verloren geht; öffnen Sie die Datei im Editor, speichern Sie "
        "sie mit der Kodierung „UTF-8“ und laden Sie die Seite neu."
    )


@pytest.fixture
def editor(data, tmp_path):
    (tmp_path / "output").mkdir()
    httpd = server(tmp_path / "output", State(), 0, Bearbeiten(data, lambda: 0))
    with im_hintergrund(httpd):
        yield httpd


@pytest.mark.parametrize(
    "kodierung, als",
    [("cp1252", ", sondern vermutlich als Windows-1252 (ANSI)"), ("utf-16", ", sondern vermutlich als UTF-16")],
)
def test_a_text_that_is_no_utf8_is_named_with_its_encoding_and_the_page_has_no_form(
    data, editor, monkeypatch, kodierung, als
):
    monkeypatch.chdir(data.parent)
    datei = data / ORDNER / "vorbemerkungen.md"
    datei.write_bytes(LATIN1.encode(kodierung))
    connection = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=20)
    connection.request("GET", SEITE)
    response = connection.getresponse()
    page = response.read().decode("utf-8")
    connection.close()
    assert response.status == 200
    zeile = 1 if kodierung == "utf-16" else 3  # UTF-16's first byte is no UTF-8; Latin-1's „ü“ stands in line 3
    assert _meldung("vorbemerkungen.md", zeile, als) in page
    assert "<form" not in page
    assert datei.read_bytes() == LATIN1.encode(kodierung)


def test_a_vorlage_yaml_in_latin1_is_named_too(data, monkeypatch):
    monkeypatch.chdir(data.parent)
    yaml = data / ORDNER / "vorlage.yaml"
    yaml.write_bytes(yaml.read_text(encoding="utf-8").encode("cp1252"))
    seite = oeffnen(data, data / ORDNER, Sitzung())
    zeile = next(i for i, z in enumerate(yaml.read_bytes().split(b"\n"), 1) if any(b > 127 for b in z))
    assert seite.unlesbar and seite.allgemein == [
        _meldung("vorlage.yaml", zeile, ", sondern vermutlich als Windows-1252 (ANSI)")
    ]


def test_a_save_never_writes_over_a_text_that_became_latin1(data, monkeypatch):
    monkeypatch.chdir(data.parent)
    sitzung = Sitzung()
    seite = oeffnen(data, data / ORDNER, sitzung)
    felder = {"entwurf": entwurf_feld(seite.yaml), "f:betreff": "Neuer Betreff"}
    felder |= {f"stand:{name}": stand for name, stand in seite.staende.items()}
    felder |= {f"t:{name}": text for name, text in seite.texte.items()}
    datei = data / ORDNER / "vorbemerkungen.md"
    datei.write_bytes(LATIN1.encode("cp1252"))  # an old editor saved it meanwhile
    vorher = {path: path.read_bytes() for path in (data / ORDNER).iterdir() if path.is_file()}
    gesehen = bearbeiten(data, data / ORDNER, Eingabe(felder, "speichern"), sitzung)
    assert gesehen.unlesbar and gesehen.allgemein == [
        _meldung("vorbemerkungen.md", 3, ", sondern vermutlich als Windows-1252 (ANSI)")
    ]
    assert gesehen.gespeichert == []
    assert {path: path.read_bytes() for path in (data / ORDNER).iterdir() if path.is_file()} == vorher


STEUER = (
    "Der Text enthält das Steuerzeichen U+{:04X}, das sich nicht drucken lässt – löschen Sie es (oft ein unsichtbarer "
    "Rest aus einer kopierten Textstelle oder einem anderen Programm)."
)


@pytest.mark.parametrize("zeichen", ["\x07", "\x1b", "\x00", "\x7f", "\x85", "\r"])  # a field is one line: no CR
def test_a_control_character_typed_into_the_betreff_is_refused_at_the_field(data, zeichen):
    sitzung = Sitzung()
    seite = oeffnen(data, data / ORDNER, sitzung)
    felder = {"entwurf": entwurf_feld(seite.yaml), "f:betreff": f"KIM{zeichen} – Stellen"}
    felder |= {f"stand:{name}": stand for name, stand in seite.staende.items()}
    vorher = (data / ORDNER / "vorlage.yaml").read_bytes()
    gesehen = bearbeiten(data, data / ORDNER, Eingabe(felder, "speichern"), sitzung)
    assert gesehen.meldungen == {"f:betreff": [f"„betreff“: {STEUER.format(ord(zeichen))}"]}
    assert gesehen.gespeichert == []
    assert (data / ORDNER / "vorlage.yaml").read_bytes() == vorher


def test_a_control_character_in_a_text_area_is_refused_at_its_line(data):
    sitzung = Sitzung()
    seite = oeffnen(data, data / ORDNER, sitzung)
    felder = {"entwurf": entwurf_feld(seite.yaml)}
    felder |= {f"stand:{name}": stand for name, stand in seite.staende.items()}
    felder["t:vorbemerkungen.md"] = "# Vorbemerkungen\r\n\r\nEin Satz mit\x0c Seitenvorschub.\r\n"
    vorher = (data / ORDNER / "vorbemerkungen.md").read_bytes()
    gesehen = bearbeiten(data, data / ORDNER, Eingabe(felder, "speichern"), sitzung)
    assert gesehen.meldungen == {"t:vorbemerkungen.md": [f"vorbemerkungen.md:3: {STEUER.format(0x0C)}"]}
    assert (data / ORDNER / "vorbemerkungen.md").read_bytes() == vorher
    assert bearbeitung.lesen(data / ORDNER / "vorbemerkungen.md") == vorher.decode("utf-8")


def test_the_formula_preview_names_the_file_that_is_no_utf8(data, editor, monkeypatch):
    monkeypatch.chdir(data.parent)
    sitzung = editor.RequestHandlerClass.func.bearbeiten.sitzung
    (data / ORDNER / "vorbemerkungen.md").write_bytes(LATIN1.encode("cp1252"))
    connection = http.client.HTTPConnection("127.0.0.1", editor.port, timeout=20)
    connection.request(
        "POST",
        f"/__vorlagen/bearbeiten/formel/2021-0123?token={sitzung.token}",
        body=urllib.parse.urlencode(
            {"aktion": "formel:zahlen.0.formel", "entwurf": entwurf_feld((data / ORDNER / "vorlage.yaml").read_text())}
        ),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{editor.port}"},
    )
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    assert (response.status, text) == (
        200,
        _meldung("vorbemerkungen.md", 3, ", sondern vermutlich als Windows-1252 (ANSI)"),
    )
