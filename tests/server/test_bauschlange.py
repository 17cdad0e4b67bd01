"""The server's build queue (issue 55, point 6), in this process on a copy of the example: it builds with its warm
workers, builds the requests that come while it runs together, keeps the last good output when a build fails and
says why with file and line, and builds again once the data are mended."""

from __future__ import annotations

import shutil

import pytest

from tests.hilfen import DATA
from vorlagen.server.bauschlange import Bauschlange

PDF = "vorlagen/2021-0123/2021-0123.pdf"
YAML = "vorlagen/2021-0123/vorlage.yaml"


@pytest.fixture
def schlange(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    gesagt: list[str] = []
    schlange = Bauschlange(data, tmp_path / "output", say=gesagt.append)
    schlange.starten()
    try:
        yield schlange, gesagt
    finally:
        schlange.schliessen()


def test_the_first_build_makes_the_output_with_no_problem(schlange):
    schlange, gesagt = schlange
    stand = schlange.warten(1, 120)
    assert (stand.version, stand.probleme, stand.fehler, stand.laeuft) == (1, (), (), False)
    assert (schlange.ausgabe / PDF).read_bytes().startswith(b"%PDF-")
    assert gesagt == []


def test_a_failed_build_keeps_the_last_good_output_and_says_file_and_line(schlange):
    schlange, gesagt = schlange
    schlange.warten(1, 120)
    vorher = (schlange.ausgabe / PDF).read_bytes()
    yaml = schlange.data / YAML
    gut = yaml.read_text(encoding="utf-8")
    yaml.write_text(gut.replace("datum: 2021-05-27", "datum: 2021-13-45"), encoding="utf-8")
    stand = schlange.warten(schlange.anstossen(), 120)
    assert stand.version == 1  # no good build since
    assert len(stand.probleme) == 1
    assert str(stand.probleme[0]).endswith(
        f"data/{YAML}:4: „datum“: Den 2021-13-45 gibt es nicht im Kalender – prüfen Sie Tag und Monat."
    )
    assert (schlange.ausgabe / PDF).read_bytes() == vorher
    assert gesagt == ["Bau fehlgeschlagen (1 Problem) – die Seiten der Vorlagen zeigen sie an."]
    yaml.write_text(gut, encoding="utf-8")
    stand = schlange.warten(schlange.anstossen(), 120)
    assert (stand.version, stand.probleme) == (2, ())


def test_requests_while_a_build_runs_are_built_together(schlange):
    schlange, _ = schlange
    schlange.warten(1, 120)
    letzte = [schlange.anstossen() for _ in range(20)][-1]  # twenty saves at once
    stand = schlange.warten(letzte, 120)
    assert stand.gebaut == letzte
    assert stand.bauten <= 3  # the first, the one running when the saves came, and one for all that waited
