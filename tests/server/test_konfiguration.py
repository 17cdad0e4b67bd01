"""The server's configuration (issue 55, point 1): the one `vorlagen server konfiguration` prints works as it is;
a bad one is refused with a German message naming file and line, before anything starts."""

from __future__ import annotations

import pytest

from vorlagen.server.konfiguration import Ungueltig, lesen
from vorlagen.server.muster import muster


@pytest.fixture
def datei(data):
    """The printed configuration for the data repository at hand (tmp_path, with data/ in it)."""
    path = data.parent / "vorlagen-server.toml"
    path.write_text(muster(data.parent, path, 8471), encoding="utf-8")
    return path


def test_the_printed_configuration_works_as_it_is(datei):
    konfiguration = lesen(datei)
    assert (konfiguration.adresse, konfiguration.port, konfiguration.oeffentlich) == (
        "127.0.0.1",
        8471,
        "http://127.0.0.1:8471",
    )
    assert konfiguration.datenrepository == datei.parent.resolve()
    assert konfiguration.zustand == datei.parent.resolve() / "vorlagen-server.sqlite"
    assert (konfiguration.lokal, konfiguration.tls, konfiguration.rechte) == (True, False, ())


@pytest.mark.parametrize(
    ("alt", "neu", "meldung"),
    [
        (
            "port = 8471",
            'port = "8471"',
            "vorlagen-server.toml:8: „port“ ist eine ganze Zahl von 1 bis 65535 ohne "
            "Anführungszeichen, z. B. port = 8471.",
        ),
        (
            "port = 8471",
            "port = 8471\nfarbe = 1",
            "vorlagen-server.toml:9: Unbekannte Angabe „farbe“ in [server] – "
            "erlaubt sind: adresse, datenrepository, oeffentlich, port, remote, sitzung_minuten, zustand.",
        ),
        (
            'datenrepository = "."',
            'datenrepository = "anderswo"',
            "vorlagen-server.toml:13: In anderswo liegt kein "
            "Datenrepository (keine vorlagen.toml) – nennen Sie den Ordner, in dem vorlagen.toml liegt.",
        ),
        (
            "sitzung_minuten = 60",
            "sitzung_minuten = 60 60",
            "vorlagen-server.toml:17: Diese Zeile ist kein gültiges "
            "TOML – prüfen Sie Anführungszeichen, das Gleichheitszeichen und die eckigen Klammern (Muster: „vorlagen "
            "server konfiguration“).",
        ),
        (
            'oeffentlich = "http://127.0.0.1:8471"',
            'oeffentlich = "vorlagen.stadt.de"',
            "vorlagen-server.toml:11: "
            "„oeffentlich“ ist die Adresse, die die Benutzer im Browser öffnen, ohne Pfad, z. B. oeffentlich = "
            '"https://vorlagen.stadt.de".',
        ),
        (
            "lokal = true",
            'lokal = true\n[[recht]]\nperson = "x"\nrolle = "Chef"',
            "vorlagen-server.toml:27: "
            "Unbekannte Rolle „Chef“ – erlaubt sind: Sachbearbeitung, Mitzeichnung, Sitzungsdienst, Lesen.",
        ),
        (
            "lokal = true",
            'lokal = true\nproxy_kopf = "X-Remote-User"',
            "vorlagen-server.toml:25: „proxy_kopf“ und „proxys“ gehören zusammen: die Kopfzeile des Reverse-Proxys "
            "gilt nur von seinen Adressen – nennen Sie beide.",
        ),
    ],
)
def test_a_bad_configuration_is_refused_naming_file_and_line(datei, alt, neu, meldung):
    text = datei.read_text(encoding="utf-8")
    assert alt in text
    datei.write_text(text.replace(alt, neu), encoding="utf-8")
    with pytest.raises(Ungueltig) as refused:
        lesen(datei)
    assert str(refused.value) == meldung
