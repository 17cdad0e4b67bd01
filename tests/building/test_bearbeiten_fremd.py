"""The form named any Markdown file of the machine: a field `stand:anlagen/../../…` was read and the 409 page showed
its content as a diff. Now a name of the form is read only when it is vorlage.yaml or a text the Vorlage names, a
plain name inside its folder once every link is followed (issue 54, point 8)."""

from __future__ import annotations

import os

import pytest

from vorlagen.building.bearbeiten import bearbeitung
from vorlagen.building.bearbeiten.bearbeitung import entwurf, entwurf_feld, oeffnen
from vorlagen.building.bearbeiten.entwurf import Eingabe
from vorlagen.building.bearbeiten.sitzung import Sitzung

ORDNER = "vorlagen/2021-0123"
GEHEIM = "Zugang zum Konto: PIN 4711\n"


@pytest.fixture
def geheim(data):
    """A Markdown file outside the data folder, as any user's file of the machine."""
    path = data.parent / "notizen.md"
    path.write_text(GEHEIM, encoding="utf-8")
    return path


def _gelesen(monkeypatch) -> list:
    """Every path the editing side reads a text from."""
    gelesen: list = []
    original = bearbeitung.lesen

    def lesen(path):
        gelesen.append(path)
        return original(path)

    monkeypatch.setattr(bearbeitung, "lesen", lesen)
    return gelesen


def _form(data, sitzung: Sitzung, **staende: str) -> Eingabe:
    seite = oeffnen(data, data / ORDNER, sitzung)
    felder = {"entwurf": entwurf_feld(seite.yaml), "token": sitzung.token}
    felder |= {f"stand:{name}": stand for name, stand in seite.staende.items()}
    return Eingabe(felder | {f"stand:{name}": stand for name, stand in staende.items()}, "pruefen")


@pytest.mark.parametrize(
    "name",
    [
        "anlagen/../../../../notizen.md",  # the adversary's: up out of the Vorlage and the data folder
        "anlagen/x/../../../../../notizen.md",
        "../../../notizen.md",
        "_/../../../../notizen.md",
        "/notizen.md",
    ],
)
def test_a_name_out_of_the_vorlage_is_never_read(data, geheim, monkeypatch, name):
    sitzung = Sitzung()
    eingabe = _form(data, sitzung, **{name: "0" * 64})
    gelesen = _gelesen(monkeypatch)
    assert (data / ORDNER / name.lstrip("/")).resolve() == geheim or name.startswith("/")
    seite = entwurf(data, data / ORDNER, eingabe, sitzung)
    assert seite.konflikte == []
    assert all(path.resolve().is_relative_to((data / ORDNER).resolve()) for path in gelesen)
    assert name not in seite.staende and GEHEIM not in repr(seite)


def test_a_link_out_of_the_vorlage_is_never_read_even_when_the_draft_names_it(data, geheim, monkeypatch):
    os.symlink(geheim, data / ORDNER / "notiz.md")
    sitzung = Sitzung()
    eingabe = _form(data, sitzung, **{"notiz.md": "0" * 64})
    yaml = (data / ORDNER / "vorlage.yaml").read_text(encoding="utf-8")
    eingabe.felder["entwurf"] = entwurf_feld(yaml.replace("abschnitte:\n", "abschnitte:\n  - notiz.md\n", 1))
    assert "notiz.md" in bearbeitung._entwurf_text(eingabe.felder["entwurf"])
    gelesen = _gelesen(monkeypatch)
    seite = entwurf(data, data / ORDNER, eingabe, sitzung)
    assert seite.konflikte == []
    assert "notiz.md" not in seite.texte and "notiz.md" not in seite.staende
    assert data / ORDNER / "notiz.md" not in gelesen
    assert GEHEIM not in repr(seite)


def test_a_text_of_the_vorlage_changed_meanwhile_is_still_shown_as_a_conflict(data):
    sitzung = Sitzung()
    eingabe = _form(data, sitzung)
    (data / ORDNER / "vorbemerkungen.md").write_text("# Vorbemerkungen\n\nNeu von einer Kollegin.\n", encoding="utf-8")
    seite = entwurf(data, data / ORDNER, eingabe, sitzung)
    assert [name for name, _ in seite.konflikte] == ["vorbemerkungen.md"]
    assert "+Neu von einer Kollegin.\n" in seite.konflikte[0][1]
