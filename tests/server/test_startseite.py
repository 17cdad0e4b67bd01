"""The start page of each person (issue 56, point 2): the clerk's Vorlagen with their state and the deadline of the
next Sitzung of their Beratungsfolge, the most urgent first; what waits for a Mitzeichnung role; nothing of either
for a reader. Against the real server process, after its first build."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import time

import pytest

from tests.hilfen.server import NEU, Klient, formular, gestartet, repository, zur_mitzeichnung

START = "/__vorlagen/bearbeiten/start"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    wurzel = repository(tmp_path_factory.mktemp("server"))
    zur_mitzeichnung(wurzel)
    with gestartet(wurzel) as adresse:
        anna = Klient(adresse)
        assert anna.anmelden("anna") == 303
        ende = time.monotonic() + 240
        while json.loads(anna.holen(f"/__vorlagen/stand/{NEU}")[1])["version"] < 1:  # the first build is done
            assert time.monotonic() < ende, "der erste Bau kam nicht"
            time.sleep(1)
        yield adresse, anna


def _zeilen(seite: str) -> list[list[str]]:
    """The table „Meine Vorlagen“: each row's cells as text."""
    tabelle = seite.split('<table class="liste" id="meine">', 1)[1].split("</table>", 1)[0]
    zeilen = re.findall(r"<tr data-ordner=.*?</tr>", tabelle, re.S)
    return [
        [html.unescape(re.sub(r"<[^>]+>", "", z)).strip() for z in re.findall(r"<td.*?</td>", r, re.S)] for r in zeilen
    ]


def test_the_clerk_sees_her_vorlagen_with_state_and_the_next_deadline_first(server):
    adresse, anna = server
    status, _, kopf = anna.holen("/")
    assert (status, kopf["Location"]) == (303, START)
    zeilen = _zeilen(anna.holen(START)[1])
    sitzung = dt.date.today() + dt.timedelta(days=40)  # the Sitzung zur_mitzeichnung adds
    frist = sitzung - dt.timedelta(days=14)  # frist_tage of the ASI in the example's koerperschaft.yaml
    assert [z[0] for z in zeilen] == ["2026/0001", "2021/0123", "2021/0130"]  # the coming deadline first
    neu = zeilen[0]
    assert neu[2] == "Entwurf"
    assert neu[3] == f"Ausschuss für Soziales und Integration am {sitzung:%d.%m.%Y}"
    assert neu[4] == f"{frist:%d.%m.%Y} – noch 26 Tage"
    assert zeilen[1][2:] == ["freigegeben", "keine Sitzung mehr", ""]  # signed by the Kämmerei, decided in 2021
    assert zeilen[2][2:] == ["freigegeben", "keine Sitzung mehr", ""]  # a Mitteilungsvorlage: no sign-off asked


def test_sent_and_sent_back_show_on_the_clerks_page_and_what_waits_on_the_kaemmerei(server):
    adresse, anna = server
    karl, lena = Klient(adresse), Klient(adresse)
    assert karl.anmelden("karl") == 303 and lena.anmelden("lena") == 303
    assert "Nichts – keine Vorlage wartet auf Ihre Mitzeichnung." in karl.holen(START)[1]
    seite = f"/__vorlagen/bearbeiten/mitzeichnung/{NEU}"
    token = formular(anna.holen(START)[1], "/abmelden")["token"]
    assert anna.holen(f"{seite}/senden", {"token": token})[0] == 303
    assert _zeilen(anna.holen(START)[1])[0][2] == "Entwurf – zur Mitzeichnung bei Kämmerei"
    start = karl.holen(START)[1]
    assert "Meine Vorlagen" not in start
    assert f'<a href="{seite}">{NEU}</a> – Kämmerei, gesandt von Anna Amsel' in start
    token = formular(karl.holen(START)[1], "/abmelden")["token"]
    felder = {"token": token, "rolle": "Kämmerei", "kommentar": "Deckung fehlt."}
    assert karl.holen(f"{seite}/zurueckgeben", felder)[0] == 303
    assert _zeilen(anna.holen(START)[1])[0][2] == "Entwurf – zurückgegeben von Kämmerei (Karl Kämmerer)"
    assert "Nichts – keine Vorlage wartet" in karl.holen(START)[1]
    leser = lena.holen(START)[1]
    assert "Meine Vorlagen" not in leser and "Wartet auf Ihre Mitzeichnung" not in leser


def test_the_sitzungsdienst_sees_each_coming_sitzung_with_what_it_lacks(server):
    adresse, anna = server
    sina = Klient(adresse)
    assert sina.anmelden("sina") == 303
    start = sina.holen(START)[1]
    sitzung = dt.date.today() + dt.timedelta(days=40)
    frist = sitzung - dt.timedelta(days=14)
    abschnitte = re.findall(r'<section class="sitzung" data-offen="(\d+)">(.*?)</section>', start, re.S)
    assert len(abschnitte) == 1  # the Sitzungen of 2021 and 2023 are past
    offen, abschnitt = abschnitte[0]
    text = html.unescape(re.sub(r"<[^>]+>", "", abschnitt))
    assert offen == "1"
    assert f"Ausschuss für Soziales und Integration am {sitzung:%d.%m.%Y}" in text
    assert f"Frist: {frist:%d.%m.%Y} – noch 26 Tage · noch nicht freigegeben: 1" in text
    assert "2026/0001: Entwurf – zurückgegeben von Kämmerei (Karl Kämmerer)" in text
    assert "Kommende Sitzungen" not in anna.holen(START)[1]  # the clerk has her own Vorlagen, not the Sitzungen
