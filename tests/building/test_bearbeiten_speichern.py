"""A save of the editing side never loses another one (issue 54, point 5): two forms opened on the same state and
saved at the same instant, or an edit saved in an editor while the form's save is checked – the second change is
never written over the first, and its author sees both."""

from __future__ import annotations

import html.parser
import http.client
import threading
import urllib.parse
from pathlib import Path

import pytest

from tests.hilfen.vorschau import im_hintergrund
from vorlagen.building.bearbeiten import bearbeitung
from vorlagen.building.bearbeiten.routen import Bearbeiten
from vorlagen.building.vorschauseiten import State, server

SEITE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
YAML = Path("vorlagen/2021-0123/vorlage.yaml")


@pytest.fixture
def editor(data, tmp_path):
    (tmp_path / "output").mkdir()
    httpd = server(tmp_path / "output", State(), 0, Bearbeiten(data, lambda: 0))
    with im_hintergrund(httpd):
        yield f"http://127.0.0.1:{httpd.port}"


class Formular(html.parser.HTMLParser):
    """The fields of the page's form as a browser would send them unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.felder: dict[str, str] = {}
        self.action = ""
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("method") == "post" and not self.action:
            self.action = a.get("action") or ""
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "checkbox"):
            self.felder[a["name"]] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.felder[a["name"]] = ""

    def handle_data(self, data):
        if self._textarea:
            self.felder[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def request(url: str, method: str, felder: dict[str, str] | None = None, pfad: str = SEITE) -> tuple[int, str]:
    host = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    headers = {"Origin": url, "Content-Type": "application/x-www-form-urlencoded"} if felder is not None else {}
    body = urllib.parse.urlencode(felder) if felder is not None else None
    connection.request(method, pfad, body=body, headers=headers)
    response = connection.getresponse()
    answer = response.status, response.read().decode("utf-8")
    connection.close()
    return answer


def geoeffnet(url: str) -> dict[str, str]:
    status, text = request(url, "GET")
    assert status == 200
    formular = Formular()
    formular.feed(text)
    assert "stand:vorlage.yaml" in formular.felder and "token=" in formular.action
    return {**formular.felder, "@action": formular.action}


def senden(url: str, felder: dict[str, str], **geaendert: str) -> tuple[int, str]:
    """The form sent to its own address (which carries the page's token), with the fields `geaendert` changed."""
    gesendet = {k: v for k, v in felder.items() if k != "@action"}
    return request(url, "POST", {**gesendet, **geaendert}, felder["@action"])


def betreff_feld(felder: dict[str, str], betreff: str) -> str:
    return next(name for name, wert in felder.items() if wert == betreff)


def test_two_saves_of_forms_opened_on_the_same_state_never_both_answer_saved(editor, data, monkeypatch):
    """Both forms pass the check „changed since opened“ and then wait in the checks of `pruefen` until both are
    there; only one of them is written, the other sees the first change beside its own."""
    yaml = data / YAML
    alt = yaml.read_text(encoding="utf-8")
    betreff = next(line.split(": ", 1)[1] for line in alt.splitlines() if line.startswith("betreff: "))
    erste, zweite = geoeffnet(editor), geoeffnet(editor)
    beide_geprueft = threading.Barrier(2, timeout=60)
    echt = bearbeitung.neue

    def neue(*args):
        problems = echt(*args)
        beide_geprueft.wait()
        return problems

    monkeypatch.setattr(bearbeitung, "neue", neue)
    antworten: dict[str, tuple[int, str]] = {}

    def speichern(name: str, felder: dict[str, str], neuer: str) -> None:
        try:
            antworten[name] = senden(editor, felder, **{betreff_feld(felder, betreff.strip('"')): neuer})
        except Exception as error:  # noqa: BLE001 – said in the assertion below, not lost in the thread
            antworten[name] = (0, repr(error))

    threads = [
        threading.Thread(target=speichern, args=("a", erste, "Betreff von Frau A")),
        threading.Thread(target=speichern, args=("b", zweite, "Betreff von Herrn B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    status = sorted(code for code, _ in antworten.values())
    assert status == [303, 409], antworten  # one saved (and sent on to its page), one shown the conflict
    gespeichert = next(name for name, (code, _) in antworten.items() if code == 303)
    abgelehnt = antworten["b" if gespeichert == "a" else "a"][1]
    wer = "Frau A" if gespeichert == "a" else "Herrn B"
    assert f"betreff: Betreff von {wer}" in yaml.read_text(encoding="utf-8")
    assert "Die Dateien haben sich geändert, seit Sie das Formular geöffnet haben" in abgelehnt
    assert f"+betreff: Betreff von {wer}" in abgelehnt.replace("&#34;", '"')


def test_an_edit_saved_in_an_editor_during_the_checks_is_kept(editor, data, monkeypatch):
    yaml = data / YAML
    alt = yaml.read_text(encoding="utf-8")
    betreff = next(line.split(": ", 1)[1] for line in alt.splitlines() if line.startswith("betreff: "))
    felder = geoeffnet(editor)
    echt = bearbeitung.neue

    def neue(*args):
        problems = echt(*args)
        yaml.write_text(alt.replace("datum: 2021-05-27", "datum: 2021-05-28"), encoding="utf-8")  # the editor
        return problems

    monkeypatch.setattr(bearbeitung, "neue", neue)
    status, text = senden(editor, felder, **{betreff_feld(felder, betreff.strip('"')): "Neuer Betreff"})
    assert status == 409
    assert "-datum: 2021-05-27\n+datum: 2021-05-28" in text
    assert yaml.read_text(encoding="utf-8") == alt.replace("datum: 2021-05-27", "datum: 2021-05-28")
