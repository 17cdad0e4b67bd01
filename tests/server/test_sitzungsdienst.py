"""The Sitzungsdienst's page of a Sitzung (issue 56, point 4) over HTTP, against the server's application: a released
Vorlage put on the agenda, moved and removed – each the Sitzung's file changed as a careful person would and a commit
by the person signed in; an ENTWURF refused with the sign-off it lacks, a non-public Vorlage kept out of the public
part, a stale page and a bad number refused; an ENTWURF put on the agenda by hand keeps Mappe and bundle from being
built – and nobody but the Sitzungsdienst sees or does any of it. (The build of the bundle and publishing it:
test_sitzungsdienst_browser.py.) One server process for the module, started from the example's built output
(tests/hilfen/vorgebaut.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.hilfen.server import Klient, angemeldet, formular, gestartet, git, repository, zur_mitzeichnung
from vorlagen.server.protokoll import eintraege

KEIN_RECHT = (
    "Tagesordnung, Sitzungsmappe und Veröffentlichung bearbeitet nur der Sitzungsdienst – Ihr Konto hat dieses "
    "Recht nicht; nichts geändert.\n"
)
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Anmeldung (oder zu keiner) – laden "
    "Sie die Seite neu; Ihre Eingaben sind nicht gespeichert.\n"
)
SCHRITTE = ("setzen", "entfernen", "verschieben", "bauen", "veroeffentlichen")


def _kennung() -> str:
    return f"ASI-{dt.date.today() + dt.timedelta(days=40)}"  # the Sitzung zur_mitzeichnung adds


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    wurzel = repository(tmp_path_factory.mktemp("server"))
    zur_mitzeichnung(wurzel)
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel


def _seite() -> str:
    return f"/__vorlagen/bearbeiten/sitzung/{_kennung()}"


def _formular(klient: Klient, was: str, index: int = 0) -> dict[str, str]:
    """The fields of the page's form for `was` (the form of the TOP in row `index` for entfernen, verschieben)."""
    status, seite, _ = klient.holen(_seite())
    assert status == 200
    aktion = f"{_seite()}/{was}"
    teile = seite.split(f'action="{aktion}"')
    assert len(teile) > index + 1, f"kein Formular {was}"
    return formular(f'<form method="post" action="{aktion}"' + teile[index + 1], aktion)


def _datei(wurzel) -> str:
    return (wurzel / "data" / "sitzungen" / f"{_kennung()}.yaml").read_text("utf-8")


def _commits(wurzel) -> int:
    return len(git(wurzel, "log", "--format=%H").splitlines())


def test_nobody_but_the_sitzungsdienst_sees_or_changes_a_sitzung(server):
    adresse, wurzel = server
    vorher, datei = _commits(wurzel), _datei(wurzel)
    for name in ("anna", "karl", "lena"):
        klient = angemeldet(adresse, name)
        status, text, _ = klient.holen(_seite())
        assert (status, text) == (403, KEIN_RECHT)
        token = formular(klient.holen("/__vorlagen/bearbeiten/start")[1], "/abmelden")["token"]
        felder = {"token": token, "vorlage": "2021/0123", "top": "1", "teil": "oeffentlich", "stand": "x"}
        for was in SCHRITTE:
            assert klient.holen(f"{_seite()}/{was}", felder)[:2] == (403, KEIN_RECHT), (name, was)
        assert klient.holen(f"{_seite()}/paket/SHA256SUMS")[:2] == (403, KEIN_RECHT)
        assert "/__vorlagen/bearbeiten/sitzung/" not in klient.holen("/__vorlagen/bearbeiten/start")[1]
    # without a session: the login; with a forged token: refused, as every write of the server
    for was in SCHRITTE:
        status, seite, _ = Klient(adresse).holen(f"{_seite()}/{was}", {"token": "x"})
        assert (status, '<form method="post" action="/anmelden"' in seite) == (401, True)
    sina = angemeldet(adresse, "sina")
    for was in SCHRITTE:
        assert sina.holen(f"{_seite()}/{was}", {"token": "gefälscht"})[:2] == (403, ABGELAUFEN)
    assert sina.holen("/__vorlagen/bearbeiten/sitzung/ASI-1999-01-01")[0] == 404
    assert sina.holen("/__vorlagen/bearbeiten/sitzung/..%2Fkoerperschaft")[0] == 404
    assert (_commits(wurzel), _datei(wurzel)) == (vorher, datei)
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_an_entwurf_is_refused_with_the_sign_off_it_lacks(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    vorher, datei = _commits(wurzel), _datei(wurzel)
    felder = _formular(sina, "setzen") | {"vorlage": "2026/0001", "top": "1", "teil": "oeffentlich"}
    status, text, _ = sina.holen(f"{_seite()}/setzen", felder)
    assert (status, text) == (
        409,
        "Die Vorlage 2026/0001 ist noch ein ENTWURF – offen ist die Mitzeichnung: Kämmerei (fehlt). Auf eine "
        "Tagesordnung kommt sie erst, wenn alle verlangten Mitzeichnungen gelten; nichts geändert.\n",
    )
    assert (_commits(wurzel), _datei(wurzel)) == (vorher, datei)


def test_put_on_moved_and_removed_each_a_commit_of_the_sitzungsdienst(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    kopf = _datei(wurzel)
    assert "tagesordnung" not in kopf
    felder = _formular(sina, "setzen") | {"vorlage": "2021/0123", "top": "1", "teil": "oeffentlich", "vor": ""}
    status, _, antwort = sina.holen(f"{_seite()}/setzen", felder)
    assert (status, antwort["Location"]) == (303, f"{_seite()}?erledigt=gesetzt")
    assert _datei(wurzel) == kopf + 'tagesordnung:\n  oeffentlich:\n    - {top: "1", vorlage: "2021/0123"}\n'
    assert git(wurzel, "log", "-1", "--format=%an <%ae>|%cn|%s") == (
        f"Sina Sommer <sina@stadt.example>|Sina Sommer|Sitzung {_kennung()}: Vorlage 2021/0123 als TOP 1 auf die "
        "Tagesordnung gesetzt (öffentlich) (im Browser)\n"
    )
    assert git(wurzel, "show", "--name-only", "--format=", "HEAD").split() == [f"data/sitzungen/{_kennung()}.yaml"]
    # the same form again: the agenda changed since the page showed it
    status, text, _ = sina.holen(f"{_seite()}/setzen", felder | {"vorlage": "2021/0130", "top": "2"})
    assert (status, text) == (
        409,
        "Die Tagesordnung wurde geändert, seit Sie die Seite geöffnet haben – laden Sie die Seite neu und versuchen "
        "Sie es dann noch einmal; nichts geändert.\n",
    )
    # a non-public Vorlage in the public part: refused with the words of `pruefen`
    felder = _formular(sina, "setzen") | {"vorlage": "2021/0130", "top": "2", "teil": "oeffentlich"}
    status, text, _ = sina.holen(f"{_seite()}/setzen", felder)
    assert (status, text) == (
        422,
        "Nichts geändert:\nTOP 2: Die Vorlage 2021/0130 ist nichtöffentlich und darf nicht im öffentlichen Teil "
        "stehen – verschieben Sie den TOP unter „nichtoeffentlich“.\n",
    )
    status, text, _ = sina.holen(f"{_seite()}/setzen", felder | {"teil": "nichtoeffentlich", "top": "1"})
    assert (status, text) == (
        422,
        f"Nichts geändert:\nTOP 1 steht zweimal in der Tagesordnung von „{_kennung()}“ – nummerieren Sie eindeutig.\n",
    )
    status, text, _ = sina.holen(f"{_seite()}/setzen", felder | {"teil": "nichtoeffentlich", "top": "zwei"})
    assert (status, text) == (
        422,
        "„zwei“ ist keine Nummer eines TOPs – schreiben Sie sie wie „5“ oder „5.1“; nichts geändert.\n",
    )
    assert sina.holen(f"{_seite()}/setzen", felder | {"teil": "nichtoeffentlich"})[0] == 303
    # moved: TOP 1 becomes TOP 3 at the end of the public part; then it goes before nothing else and is removed
    assert sina.holen(f"{_seite()}/verschieben", _formular(sina, "verschieben") | {"neue_nummer": "3"})[0] == 303
    assert _datei(wurzel) == kopf + (
        'tagesordnung:\n  oeffentlich:\n    - {top: "3", vorlage: "2021/0123"}\n'
        '  nichtoeffentlich:\n    - {top: "2", vorlage: "2021/0130"}\n'
    )
    seite = sina.holen(_seite())[1]
    assert seite.index('data-top="3" data-teil="oeffentlich"') < seite.index(
        'data-top="2" data-teil="nichtoeffentlich"'
    )
    assert sina.holen(f"{_seite()}/entfernen", _formular(sina, "entfernen", 1))[0] == 303
    assert _datei(wurzel) == kopf + 'tagesordnung:\n  oeffentlich:\n    - {top: "3", vorlage: "2021/0123"}\n'
    log = git(wurzel, "log", "-4", "--format=%an: %s").splitlines()
    assert log == [
        f"Sina Sommer: Sitzung {_kennung()}: TOP 2 von der Tagesordnung genommen (im Browser)",
        f"Sina Sommer: Sitzung {_kennung()}: TOP 1 verschoben, jetzt TOP 3 (öffentlich) (im Browser)",
        f"Sina Sommer: Sitzung {_kennung()}: Vorlage 2021/0130 als TOP 2 auf die Tagesordnung gesetzt "
        "(nichtöffentlich) (im Browser)",
        f"Sina Sommer: Sitzung {_kennung()}: Vorlage 2021/0123 als TOP 1 auf die Tagesordnung gesetzt "
        "(öffentlich) (im Browser)",
    ]
    protokoll = [e[2] for e in eintraege(wurzel / "vorlagen-server.sqlite") if e[1] == "sina" and e[4]]
    assert protokoll[-1] == f"Sitzung {_kennung()}: TOP 2 von der Tagesordnung genommen"
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_an_entwurf_put_on_the_agenda_by_hand_keeps_the_mappe_and_the_bundle_from_being_built(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    datei = wurzel / "data" / "sitzungen" / f"{_kennung()}.yaml"
    kopf = datei.read_text("utf-8").split("tagesordnung:", 1)[0]  # whatever the tests before put on it
    tagesordnung = '  oeffentlich:\n    - {top: "3", vorlage: "2021/0123"}\n    - {top: "4", vorlage: "2026/0001"}\n'
    datei.write_text(f"{kopf}tagesordnung:\n{tagesordnung}", encoding="utf-8")
    git(wurzel, "-c", "user.name=Von Hand", "-c", "user.email=hand@stadt.example", "commit", "-qam", "TOP 4")
    status, _, antwort = sina.holen(f"{_seite()}/bauen", _formular(sina, "bauen"))
    assert status == 303 and antwort["Location"].startswith(f"{_seite()}?bau=")
    seite = sina.holen(antwort["Location"].removeprefix(adresse))[1]
    probleme = seite.split('id="bau-probleme">', 1)[1].split("</div>", 1)[0]
    assert (
        f"Die Vorlage 2026/0001 ist noch ein ENTWURF – die Sitzungsmappe und das Veröffentlichungspaket der Sitzung "
        f"{_kennung()} entstehen erst, wenn sie freigegeben ist." in probleme
    )
    assert 'id="kein-paket"' in seite and 'id="bau-fertig"' not in seite
    assert not (wurzel / "output" / "publish" / _kennung()).exists()
    # the rest was built without the Mappe: the build queue's last build succeeded
    stand = json.loads(sina.holen("/__vorlagen/stand/2021-0123")[1])
    assert stand["version"] >= 2 and stand["probleme"] == []
