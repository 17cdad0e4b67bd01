"""Sign-offs through the server (issue 56, point 1): the clerk sends a Vorlage to the Kämmerei, the Kämmerei sends
it back with a comment or signs – what `vorlagen zeichnen` writes, with the name of the person signed in, as their
commit; a change after the sign-off makes it stale and the page asks again. Attacked as the other writes are:
without a session, with a forged token, from a role without the right – each time nothing is written. Against the
real server process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.hilfen import ROOT
from tests.hilfen.server import NEU, Klient, angemeldet, formular, gestartet, git, repository, zur_mitzeichnung
from vorlagen.server.protokoll import eintraege

SEITE = f"/__vorlagen/bearbeiten/mitzeichnung/{NEU}"
VORLAGE = f"/__vorlagen/bearbeiten/vorlage/{NEU}"
LISTE = "/__vorlagen/bearbeiten/mitzeichnung/"
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Anmeldung (oder zu keiner) – laden "
    "Sie die Seite neu; Ihre Eingaben sind nicht gespeichert.\n"
)
KEIN_RECHT = (
    "Mitzeichnen oder zurückgeben als „Kämmerei“ darf nur, wer dafür das Recht Mitzeichnung hat – Ihr Konto "
    "hat es nicht; nichts eingetragen.\n"
)
NUR_SACHBEARBEITUNG = (
    "Zur Mitzeichnung senden darf nur die Sachbearbeitung des federführenden Amts dieser Vorlage – Ihr Konto "
    "hat dieses Recht nicht; nichts gesendet.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    wurzel = repository(tmp_path_factory.mktemp("server"))
    zur_mitzeichnung(wurzel)
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel


def _token(klient: Klient) -> str:
    status, seite, _ = klient.holen(LISTE)
    assert status == 200
    return formular(seite, "/abmelden")["token"]


def _unveraendert(wurzel, zustand_vorher: int) -> None:
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    assert len(git(wurzel, "log", "--format=%H").splitlines()) == 2
    assert len(eintraege(wurzel / "vorlagen-server.sqlite")) == zustand_vorher


def _schreibe(klient: Klient, was: str, token: str, **felder) -> tuple[int, str]:
    status, text, _ = klient.holen(f"{SEITE}/{was}", {"token": token, **felder})
    return status, text


def test_every_new_write_without_a_session_or_with_a_forged_token_writes_nothing(server):
    adresse, wurzel = server
    vorher = len(eintraege(wurzel / "vorlagen-server.sqlite"))
    felder = {"rolle": "Kämmerei", "kommentar": "Angriff"}
    for was in ("senden", "zeichnen", "zurueckgeben"):
        status, seite, _ = Klient(adresse).holen(f"{SEITE}/{was}", felder)
        assert (status, '<form method="post" action="/anmelden"' in seite) == (401, True)
    karl, anna = angemeldet(adresse, "karl"), angemeldet(adresse, "anna")
    fremd = _token(anna)
    for klient in (karl, anna):
        for was in ("senden", "zeichnen", "zurueckgeben"):
            for token in ("falsch", "", fremd if klient is karl else _token(karl)):
                assert _schreibe(klient, was, token, **felder) == (403, ABGELAUFEN)
    _unveraendert(wurzel, vorher + 2)  # the two sign-ins, nothing else


def test_a_role_without_the_right_is_refused_at_each_write(server):
    adresse, wurzel = server
    vorher = len(eintraege(wurzel / "vorlagen-server.sqlite"))
    lena, clara, rita = (angemeldet(adresse, n) for n in ("lena", "clara", "rita"))
    for klient in (lena, clara, rita):
        token = _token(klient)
        assert _schreibe(klient, "senden", token) == (403, NUR_SACHBEARBEITUNG)
        assert _schreibe(klient, "zeichnen", token, rolle="Kämmerei") == (403, KEIN_RECHT)
        assert _schreibe(klient, "zurueckgeben", token, rolle="Kämmerei", kommentar="Nein") == (403, KEIN_RECHT)
    # Rechtsamt may sign as Rechtsamt, but this Vorlage asks only the Kämmerei
    status, text = _schreibe(rita, "zeichnen", _token(rita), rolle="Rechtsamt")
    assert (status, text) == (
        403,
        "Diese Vorlage braucht keine Mitzeichnung „Rechtsamt“ (der Hausstil verlangt Kämmerei) – nichts eingetragen.\n",
    )
    # a Vorlage already decided (2021/0123, its last Sitzung on 21.06.2021) is not signed with today's date
    karl = angemeldet(adresse, "karl")
    status, text, _ = karl.holen(
        "/__vorlagen/bearbeiten/mitzeichnung/2021-0123/zeichnen", {"token": _token(karl), "rolle": "Kämmerei"}
    )
    assert (status, text) == (
        409,
        "Die Vorlage ist schon beraten (die letzte Sitzung ihrer Beratungsfolge war am 21.06.2021) – im Browser "
        "wird mit dem heutigen Tag gezeichnet; wurde vor der Sitzung gezeichnet, trägt das der Sitzungsdienst mit "
        "„vorlagen zeichnen … --datum“ ein. Nichts gezeichnet.\n",
    )
    # the clerk of the Vorlage's Amt may send, not sign
    anna = angemeldet(adresse, "anna")
    assert _schreibe(anna, "zeichnen", _token(anna), rolle="Kämmerei") == (403, KEIN_RECHT)
    # the sign-off page shows the draft's changes: not to a reader or another Amt's clerk, nor linked for them
    for klient in (lena, clara):
        assert klient.holen(SEITE)[0] == 404
        stand = 'id="mitzeichnungsstand">Mitzeichnung: noch nicht zur Mitzeichnung gesandt</p>'
        assert stand in klient.holen(VORLAGE)[1]
    assert rita.holen(SEITE)[0] == 200 and anna.holen(SEITE)[0] == 200
    # a non-public Vorlage is not there for Lesen, not even to send or sign
    status, _, _ = lena.holen("/__vorlagen/bearbeiten/mitzeichnung/2021-0130/zeichnen", {"token": _token(lena)})
    assert status == 404
    _unveraendert(wurzel, vorher + 5)


def _stand(klient: Klient) -> str:
    status, seite, _ = klient.holen(VORLAGE)
    assert status == 200
    return seite.split('id="mitzeichnungsstand">', 1)[1].split(" – <a", 1)[0]


def test_sent_returned_signed_and_stale_again(server):
    adresse, wurzel = server
    anna, karl = angemeldet(adresse, "anna"), angemeldet(adresse, "karl")
    assert _stand(anna) == "Mitzeichnung: noch nicht zur Mitzeichnung gesandt"
    assert NEU not in karl.holen(LISTE)[1]
    assert _schreibe(anna, "senden", _token(anna))[0] == 303
    assert _stand(anna) == "Mitzeichnung: zur Mitzeichnung bei Kämmerei"
    assert f'href="{SEITE}"' in karl.holen(LISTE)[1]
    status, seite, _ = karl.holen(SEITE)
    assert status == 200 and "Mitzeichnen als Kämmerei</button>" in seite
    # sent back without a comment: refused; with one: shown in the Vorlage's state
    assert _schreibe(karl, "zurueckgeben", _token(karl), rolle="Kämmerei", kommentar="  ")[0] == 422
    kommentar = "Bitte die Deckung für 2022 nennen."
    assert _schreibe(karl, "zurueckgeben", _token(karl), rolle="Kämmerei", kommentar=kommentar)[0] == 303
    assert _stand(anna) == "Mitzeichnung: zurückgegeben von Kämmerei (Karl Kämmerer)"
    assert f'<q class="kommentar">{kommentar}</q>' in anna.holen(SEITE)[1]
    assert NEU not in karl.holen(LISTE)[1]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""  # asking and sending back write no data
    # changed while the Kämmerei had the page open: its sign-off would bind what it never saw – refused
    zeichnen = formular(karl.holen(SEITE)[1], f"{SEITE}/zeichnen")
    felder = formular(anna.holen(VORLAGE)[1], VORLAGE) | {"f:betreff": "Kommunales Integrationsmanagement"}
    assert anna.holen(VORLAGE, felder)[0] == 303
    yaml = (wurzel / f"data/vorlagen/{NEU}/vorlage.yaml").read_bytes()
    status, text, _ = karl.holen(f"{SEITE}/zeichnen", zeichnen)
    assert (status, text) == (
        409,
        "Die Vorlage druckt jetzt anderes als auf der Seite, die Sie geöffnet hatten (jemand hat sie inzwischen "
        "geändert) – nichts gezeichnet; laden Sie die Seite neu, prüfen Sie das PDF und zeichnen Sie dann.\n",
    )
    assert not (wurzel / f"data/vorlagen/{NEU}/mitzeichnungen.yaml").exists()
    assert (wurzel / f"data/vorlagen/{NEU}/vorlage.yaml").read_bytes() == yaml
    # sent again and signed: a commit of Karl's with what `vorlagen zeichnen` writes, his name from the sign-in
    assert _schreibe(anna, "senden", _token(anna))[0] == 303
    zeichnen = formular(karl.holen(SEITE)[1], f"{SEITE}/zeichnen") | {"name": "Jemand anderes"}
    assert karl.holen(f"{SEITE}/zeichnen", zeichnen)[0] == 303
    assert git(wurzel, "log", "-1", "--format=%an <%ae>: %s") == (
        f"Karl Kämmerer <karl@stadt.example>: Vorlage {NEU}: mitgezeichnet als Kämmerei (im Browser)\n"
    )
    assert sorted(git(wurzel, "show", "--name-only", "--format=", "HEAD").split()) == [
        f"data/vorlagen/{NEU}/gezeichnet/kaemmerei.txt",
        f"data/vorlagen/{NEU}/mitzeichnungen.yaml",
    ]
    assert '    name: "Karl Kämmerer"\n' in (wurzel / f"data/vorlagen/{NEU}/mitzeichnungen.yaml").read_text("utf-8")
    freigabe = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "freigabe", "2026/0001"],
        cwd=wurzel,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert freigabe.returncode == 0, freigabe.stdout + freigabe.stderr
    assert "  Kämmerei: gültig (Karl Kämmerer," in freigabe.stdout
    ereignisse = [(e[1], e[2], e[3]) for e in eintraege(wurzel / "vorlagen-server.sqlite") if e[3] == NEU]
    assert ereignisse == [
        ("anna", "Zur Mitzeichnung gesandt: Kämmerei", NEU),
        ("karl", f"Zurückgegeben als Kämmerei: {kommentar}", NEU),
        ("anna", "Speichern", NEU),
        ("anna", "Zur Mitzeichnung gesandt: Kämmerei", NEU),
        ("karl", "Mitzeichnung als Kämmerei", NEU),
    ]
    # a change after the sign-off: the sign-off no longer holds, the page says so and offers to sign again
    felder = formular(anna.holen(VORLAGE)[1], VORLAGE) | {"f:betreff": "Ein anderer Betreff"}
    assert anna.holen(VORLAGE, felder)[0] == 303
    seite = karl.holen(SEITE)[1]
    assert "gilt nicht mehr" in seite and "Erneut mitzeichnen als Kämmerei</button>" in seite
    assert "Kämmerei: veraltet (Karl Kämmerer" in seite
