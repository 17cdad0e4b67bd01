"""The server attacked as an attacker would (issue 55, point 7): every write without a session, with another
person's session, with a forged CSRF token, from another origin or host, from a role without the right; a login
flood; session fixation. Against the real server process; each attack asserts that nothing was written."""

from __future__ import annotations

import base64
import html.parser

import pytest

from tests.hilfen.server import Klient, formular, gestartet, git, repository

VORLAGE = "/__vorlagen/bearbeiten/vorlage/2021-0123"
ANMELDEN_NOETIG = '<form method="post" action="/anmelden"'
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Anmeldung (oder zu keiner) – laden "
    "Sie die Seite neu; Ihre Eingaben sind nicht gespeichert.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    wurzel = repository(tmp_path_factory.mktemp("server"))
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel


def _formular(klient: Klient) -> dict[str, str]:
    status, seite, _ = klient.holen(VORLAGE)
    assert status == 200
    return formular(seite, VORLAGE)


def test_every_page_without_a_session_answers_with_the_login(server):
    adresse, _ = server
    for pfad in ("/", "/__vorlagen/bearbeiten/", VORLAGE, "/__vorlagen/bearbeiten/vorlage/2021-0130"):
        status, seite, _ = Klient(adresse).holen(pfad)
        assert (status, ANMELDEN_NOETIG in seite) == (401, True)


def test_a_write_without_a_session_is_the_login_and_writes_nothing(server):
    adresse, wurzel = server
    vorher = (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes()
    status, seite, _ = Klient(adresse).holen(VORLAGE, {"f:betreff": "Angriff", "aktion": "speichern"})
    assert (status, ANMELDEN_NOETIG in seite) == (401, True)
    assert (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes() == vorher


def test_a_forged_or_foreign_csrf_token_writes_nothing(server):
    adresse, wurzel = server
    vorher = (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes()
    anna, bert = Klient(adresse), Klient(adresse)
    assert anna.anmelden("anna") == 303 and bert.anmelden("bert") == 303
    felder = _formular(anna) | {"f:betreff": "Gefälscht"}
    fremd = _formular(bert)["token"]
    for token in ("falsch", fremd, ""):
        status, text, _ = anna.holen(VORLAGE, felder | {"token": token})
        assert (status, text) == (403, ABGELAUFEN)
    assert (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes() == vorher


def test_a_token_only_in_the_address_is_refused_like_a_forged_one(server):
    """The right token, but in the query string (where a proxy's log would keep it): refused as if it were missing."""
    adresse, wurzel = server
    vorher = (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes()
    anna = Klient(adresse)
    assert anna.anmelden("anna") == 303
    felder = _formular(anna) | {"f:betreff": "Über die Adresse"}
    token = felder.pop("token")
    status, text, _ = anna.holen(f"{VORLAGE}?token={token}", felder)
    assert (status, text) == (403, ABGELAUFEN)
    status, text, _ = anna.holen(f"/abmelden?token={token}", {})
    assert (status, text) == (403, ABGELAUFEN)
    assert anna.holen("/__vorlagen/bearbeiten/")[0] == 200  # still signed in: the logout did not count either
    assert (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes() == vorher


class _Adressen(html.parser.HTMLParser):
    """Every attribute of a page that holds a given text, but the value of the hidden field named „token“."""

    def __init__(self, gesucht: str):
        super().__init__()
        self.gesucht, self.fundstellen, self.felder = gesucht, [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, wert in attrs:
            if wert and self.gesucht in wert:
                if (tag, name, a.get("type"), a.get("name")) == ("input", "value", "hidden", "token"):
                    self.felder += 1
                else:
                    self.fundstellen.append((tag, name, wert))


def test_no_page_of_the_server_carries_the_token_in_an_address(server):
    adresse, _ = server
    anna = Klient(adresse)
    assert anna.anmelden("anna") == 303
    token = _formular(anna)["token"]
    seiten = [anna.holen(pfad)[1] for pfad in ("/__vorlagen/bearbeiten/", VORLAGE)]
    seiten.append(anna.holen(VORLAGE, _formular(anna) | {"f:datum": "kein Datum"})[1])  # the page with a message
    for seite in seiten:
        adressen = _Adressen(token)
        adressen.feed(seite)
        assert adressen.fundstellen == [] and adressen.felder >= 1
        assert f"token={token}" not in seite


def test_another_persons_session_cookie_without_their_token_writes_nothing(server):
    """Bert's stolen cookie in a client that does not have his page (so not his token)."""
    adresse, wurzel = server
    vorher = (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes()
    bert, dieb = Klient(adresse), Klient(adresse)
    assert bert.anmelden("bert") == 303
    felder = _formular(bert)
    status, _, _ = dieb.holen(
        VORLAGE,
        felder | {"f:betreff": "Gestohlen"},
        {"Cookie": "vorlagen_sitzung=" + bert.cookie("vorlagen_sitzung")[:-2] + "xx"},
    )
    assert status == 401
    assert (wurzel / "data/vorlagen/2021-0123/vorlage.yaml").read_bytes() == vorher


def test_a_write_from_another_origin_or_host_is_refused(server):
    adresse, wurzel = server
    anna = Klient(adresse)
    assert anna.anmelden("anna") == 303
    felder = _formular(anna) | {"f:betreff": "Von fremder Seite"}
    anna.origin = "http://angreifer.example"
    status, text, _ = anna.holen(VORLAGE, felder)
    assert (status, text) == (
        403,
        f"Gespeichert wird nur aus den Seiten dieses Servers – öffnen Sie {adresse} und senden Sie dort.\n",
    )
    status, text, _ = anna.holen(VORLAGE, kopf={"Host": "angreifer.example"})
    assert (status, text) == (
        400,
        f"Dieser Server antwortet nur unter seiner eigenen Adresse – öffnen Sie {adresse}.\n",
    )
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_a_role_without_the_right_cannot_write_or_see(server):
    adresse, wurzel = server
    clara, lena = Klient(adresse), Klient(adresse)
    assert clara.anmelden("clara") == 303 and lena.anmelden("lena") == 303
    for klient in (clara, lena):
        felder = _formular(klient) | {"f:betreff": "Ohne Recht"}
        status, text, _ = klient.holen(VORLAGE, felder)
        assert (status, text) == (
            403,
            "Diese Vorlage darf nur die Sachbearbeitung ihres federführenden Amts ändern – "
            "Ihr Konto hat dieses Recht nicht; nichts gespeichert.\n",
        )
    # 2021-0130 is not public: Lesen does not see it, not even in the list
    assert lena.holen("/__vorlagen/bearbeiten/vorlage/2021-0130")[0] == 404
    assert "2021-0130" not in lena.holen("/__vorlagen/bearbeiten/")[1]
    assert "2021-0123" in lena.holen("/__vorlagen/bearbeiten/")[1]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_a_clerk_cannot_hand_a_vorlage_to_an_amt_not_theirs(server):
    adresse, wurzel = server
    anna = Klient(adresse)
    assert anna.anmelden("anna") == 303
    status, text, _ = anna.holen(VORLAGE, _formular(anna) | {"f:federfuehrend": "BA"})
    assert (status, text) == (
        403,
        "Federführend kann nur ein Amt sein, für das Sie Sachbearbeitung haben (KI) – nichts gespeichert.\n",
    )
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_a_login_flood_is_slowed_and_says_nothing_about_the_name(server):
    adresse, _ = server
    flut = Klient(adresse)
    antworten = [flut.anmelden(name, "falsch-falsch") for name in ("niemand", "anna")]
    assert antworten == [401, 401]
    _, unbekannt, _ = flut.holen(
        "/anmelden", formular(flut.holen("/anmelden")[1], "/anmelden") | {"benutzer": "niemand", "kennwort": "x" * 12}
    )
    _, falsch, _ = flut.holen(
        "/anmelden", formular(flut.holen("/anmelden")[1], "/anmelden") | {"benutzer": "bert", "kennwort": "x" * 12}
    )
    assert unbekannt == falsch  # the same page for an unknown name and a wrong password
    for _ in range(4):
        flut.anmelden("bert", "falsch-falsch")
    # the fifth failure for „bert“ is reached: even the right password now waits, no session is made
    status = flut.anmelden("bert")
    assert status == 429 and flut.cookie("vorlagen_sitzung") is None
    _, seite, kopf = flut.holen(
        "/anmelden",
        formular(flut.holen("/anmelden")[1], "/anmelden") | {"benutzer": "bert", "kennwort": "ein-langes-kennwort"},
    )
    assert f"Zu viele Fehlversuche – melden Sie sich in {kopf['Retry-After']} Sekunden wieder an." in seite
    assert 0 < int(kopf["Retry-After"]) <= 60


def test_a_session_id_planted_before_the_login_never_becomes_the_session(server):
    adresse, _ = server
    opfer = Klient(adresse)
    geplant = "vom-angreifer-gesetzt-0123456789"
    _, seite, _ = opfer.holen("/anmelden", kopf={"Cookie": f"vorlagen_sitzung={geplant}"})
    felder = formular(seite, "/anmelden") | {"benutzer": "anna", "kennwort": "ein-langes-kennwort"}
    status, _, kopf = opfer.holen(
        "/anmelden", felder, {"Cookie": f"vorlagen_sitzung={geplant}; vorlagen_anmeldung={felder['vor']}"}
    )
    assert status == 303
    neu = kopf["Set-Cookie"].split("vorlagen_sitzung=")[1].split(";")[0]
    assert neu != geplant and len(neu) >= 40
    angreifer = Klient(adresse)
    assert angreifer.holen("/__vorlagen/bearbeiten/", kopf={"Cookie": f"vorlagen_sitzung={geplant}"})[0] == 401


def test_cookies_are_httponly_and_samesite_and_pages_carry_a_csp_without_inline_script(server):
    adresse, _ = server
    anna = Klient(adresse)
    _, seite, _ = anna.holen("/anmelden")
    felder = formular(seite, "/anmelden") | {"benutzer": "anna", "kennwort": "ein-langes-kennwort"}
    status, _, kopf = anna.holen("/anmelden", felder)
    assert status == 303
    assert "HttpOnly" in kopf["Set-Cookie"] and "SameSite=Lax" in kopf["Set-Cookie"]
    _, seite, kopf = anna.holen(VORLAGE)
    assert "script-src 'self'" in kopf["Content-Security-Policy"]
    assert "unsafe-inline" not in kopf["Content-Security-Policy"]
    assert "<script>" not in seite and "<script src=" in seite


def test_logout_ends_the_session(server):
    adresse, _ = server
    anna = Klient(adresse)
    assert anna.anmelden("anna") == 303
    cookie = anna.cookie("vorlagen_sitzung")
    _, seite, _ = anna.holen("/__vorlagen/bearbeiten/")
    token = formular(seite, "/abmelden")["token"]
    assert anna.holen("/abmelden", {"token": token})[0] == 303
    assert Klient(adresse).holen("/__vorlagen/bearbeiten/", kopf={"Cookie": f"vorlagen_sitzung={cookie}"})[0] == 401


def test_no_path_outside_the_vorlage_can_be_named(server):
    adresse, wurzel = server
    anna = Klient(adresse)
    assert anna.anmelden("anna") == 303
    for pfad in ("/__vorlagen/bearbeiten/vorlage/..%2F..%2Fvorlagen.toml", "/__vorlagen/bearbeiten/vorlage/.."):
        assert anna.holen(pfad)[0] == 404
    token = _formular(anna)["token"]
    fremd = wurzel / "data/vorlagen/2021-0130/vorlage.yaml"
    vorher = fremd.read_bytes()
    inhalt = base64.b64encode(b"nummer: Angriff\n").decode()
    status, _, _ = anna.holen(
        "/__vorlagen/bearbeiten/entscheiden/2021-0123",
        {"token": token, "meins:../2021-0130/vorlage.yaml": inhalt, "basis:../2021-0130/vorlage.yaml": "-"},
    )
    assert status == 400 and fremd.read_bytes() == vorher
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
