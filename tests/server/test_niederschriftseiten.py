"""After the meeting in the browser (issue 56, point 5): the Sitzungsdienst enters a TOP's result – decision, votes,
a changed Beschluss – into the Niederschrift's files as a commit of its own, a new Niederschrift gets its head, the
Niederschrift and the Auszüge are built with one click and show what was entered; the Beschlusskontrolle lists what
is open. Attacked like the other writes: a person without the right, impossible votes, a stale form, a Sitzung yet
to come – each refused with its German message and nothing written. Against the real server process; the figures
come from the example's KA-2021-06-21 (nine members present, all with a vote)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.hilfen.server import Klient, angemeldet, formular, gestartet, git, repository

SEITE = "/__vorlagen/bearbeiten/niederschrift/"
KA = f"{SEITE}KA-2021-06-21"
NEU = "KA-2021-09-20"  # a Sitzung held, without a Niederschrift yet (added here)
KOMMEND = f"KA-{dt.date.today() + dt.timedelta(days=30)}"
ABGELAUFEN = (
    "Dieses Formular gehört zu einer früheren Anmeldung (oder zu keiner) – laden "
    "Sie die Seite neu; Ihre Eingaben sind nicht gespeichert.\n"
)
NUR_LESEN = (
    "Niederschriften und Beschlusskontrolle sind Seiten des Sitzungsdienstes – Ihr Konto hat dieses Recht nicht.\n"
)
KEIN_RECHT = (
    "Ergebnisse in die Niederschrift eintragen darf nur der Sitzungsdienst – Ihr Konto hat dieses Recht nicht; "
    "nichts gespeichert.\n"
)
KEIN_BAU = (
    "Niederschrift und Auszüge bauen darf nur der Sitzungsdienst – Ihr Konto hat dieses Recht nicht; nichts gebaut.\n"
)


def _sitzungen(wurzel) -> None:
    sitzungen = wurzel / "data" / "sitzungen"
    (sitzungen / f"{NEU}.yaml").write_text(
        'gremium: KA\ndatum: 2021-09-20\nbeginn: "16:00 Uhr"\nort: Kreishaus\ntagesordnung:\n  oeffentlich:\n'
        '    - {top: "1", titel: Bericht der Verwaltung}\n    - {top: "2", titel: Resolution zur Integration}\n',
        encoding="utf-8",
    )
    (sitzungen / f"{KOMMEND}.yaml").write_text(
        f'gremium: KA\ndatum: {KOMMEND[3:]}\nbeginn: "16:00 Uhr"\nort: Kreishaus\ntagesordnung:\n  oeffentlich:\n'
        '    - {top: "1", titel: Bericht}\n',
        encoding="utf-8",
    )
    git(wurzel, "add", "-A")
    git(wurzel, "-c", "user.name=Einrichtung", "-c", "user.email=it@stadt.example", "commit", "-qm", "Sitzungen")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    wurzel = repository(tmp_path_factory.mktemp("server"))
    _sitzungen(wurzel)
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel


def _token(klient: Klient) -> str:
    status, seite, _ = klient.holen("/__vorlagen/bearbeiten/start")
    assert status == 200
    return formular(seite, "/abmelden")["token"]


def _formular(klient: Klient, pfad: str, top: str) -> dict[str, str]:
    """The TOP's form as the page shows it."""
    seite = klient.holen(pfad)[1]
    teil = re.search(rf'<form[^>]*class="top" data-top="{re.escape(top)}">.*?</form>', seite, re.S)
    assert teil, seite
    return formular(teil.group(0), f"{pfad}/eintragen")


def _top(klient: Klient, pfad: str, top: str, **felder) -> tuple[int, str]:
    """The TOP's form as the page shows it, with these fields changed, sent."""
    status, text, _ = klient.holen(f"{pfad}/eintragen", _formular(klient, pfad, top) | felder)
    return status, text


def _commits(wurzel) -> int:
    return len(git(wurzel, "log", "--format=%H").splitlines())


def test_only_the_sitzungsdienst_sees_enters_or_builds(server):
    adresse, wurzel = server
    vorher = _commits(wurzel)
    for was in ("eintragen", "kopf", "bauen"):
        status, seite, _ = Klient(adresse).holen(f"{KA}/{was}", {"top": "2", "ergebnis": "Kenntnisnahme"})
        assert (status, '<form method="post" action="/anmelden"' in seite) == (401, True)
    sina = angemeldet(adresse, "sina")
    for name in ("anna", "lena", "karl"):
        klient = angemeldet(adresse, name)
        for pfad in (SEITE, KA, "/__vorlagen/bearbeiten/beschlusskontrolle", f"{KA}/datei/niederschrift.pdf"):
            assert klient.holen(pfad)[:2] == (403, NUR_LESEN)
        token = _token(klient)
        felder = {"token": token, "top": "2", "ergebnis": "Kenntnisnahme", "beginn": "9 Uhr"}
        assert klient.holen(f"{KA}/eintragen", felder)[:2] == (403, KEIN_RECHT)
        assert klient.holen(f"{SEITE}{NEU}/kopf", felder)[:2] == (403, KEIN_RECHT)
        assert klient.holen(f"{KA}/bauen", felder)[:2] == (403, KEIN_BAU)
        # the Sitzungsdienst's token in another person's session is no token
        assert klient.holen(f"{KA}/eintragen", felder | {"token": _token(sina)})[:2] == (403, ABGELAUFEN)
    assert sina.holen(f"{KA}/eintragen", {"token": "falsch", "top": "2"})[:2] == (403, ABGELAUFEN)
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""
    assert _commits(wurzel) == vorher


def test_impossible_results_are_refused_with_their_reason(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    vorher = _commits(wurzel)
    gezaehlt = {"ergebnis": "Beschluss", "abstimmung": "gezaehlt", "angenommen": "angenommen"}
    faelle = [
        (
            gezaehlt | {"ja": "acht"},
            "„Ja“: „acht“ ist keine ganze Zahl – tragen Sie die Zahl der Stimmen in Ziffern ein (z. B. 8) oder lassen "
            "Sie das Feld leer, wenn sie nicht festgehalten ist; nichts gespeichert.",
        ),
        (gezaehlt | {"nein": "-1"}, "„Nein“: Stimmen können nicht negativ sein (-1) – nichts gespeichert."),
        (
            gezaehlt | {"ja": "9", "nein": "1", "enthaltung": "0"},  # nine members are present, all with a vote
            "Nicht gespeichert:\nTOP 2: 9 Ja + 1 Nein + 0 Enthaltungen = 10 Stimmen, aber nur 9 stimmberechtigte "
            "Mitglieder sind anwesend – prüfen Sie die Stimmen und die Anwesenheit.",
        ),
        (
            gezaehlt | {"ja": "2", "nein": "5", "enthaltung": ""},
            "Nicht gespeichert:\nTOP 2: „angenommen“ passt nicht zu 2 Ja und 5 Nein (mehr Nein- als Ja-Stimmen: "
            "abgelehnt) – prüfen Sie Ergebnis und Stimmen.",
        ),
        (
            {"ergebnis": "Kenntnisnahme", "abstimmung": "einstimmig"},
            "Stimmen gehören nur zu einem Beschluss – wählen Sie als Ergebnis „Beschluss“ oder „keine Abstimmung "
            "festgehalten“; nichts gespeichert.",
        ),
        (
            {
                "ergebnis": "Kenntnisnahme",
                "abstimmung": "keine",
                "ja": "",
                "nein": "",
                "enthaltung": "",
                "beschluss": "Neu.",
            },
            "Ein geänderter Beschlusstext gehört nur zu einem Beschluss – wählen Sie als Ergebnis „Beschluss“ oder "
            "leeren Sie das Feld; nichts gespeichert.",
        ),
    ]
    offen = _formular(sina, KA, "2")  # refused entries change nothing: the same form for each
    for felder, meldung in faelle:
        assert sina.holen(f"{KA}/eintragen", offen | felder)[:2] == (422, meldung + "\n"), felder
    status, text, _ = sina.holen(f"{KA}/eintragen", offen | {"ergebnis": "gebilligt"})
    assert status == 422 and text.startswith("„gebilligt“ ist kein Ergebnis, das eine Niederschrift festhält")
    assert "Beschluss, Kenntnisnahme, ungeändert beschlossen" in text
    # a form opened before another's entry: refused, the other's entry stays
    alt = formular(re.search(r'<form[^>]*data-top="4">.*?</form>', sina.holen(KA)[1], re.S).group(0), f"{KA}/eintragen")
    assert _top(sina, KA, "4", ergebnis="vertagt")[0] == 303
    status, text, _ = sina.holen(f"{KA}/eintragen", alt | {"ergebnis": "abgesetzt"})
    assert (status, text) == (
        409,
        "Das Ergebnis von TOP 4 hat inzwischen jemand anderes geändert – laden Sie die Seite neu und prüfen Sie es; "
        "Ihre Eingaben sind nicht gespeichert.\n",
    )
    assert (
        '  - {top: "4", ergebnis: vertagt}\n'
        in (wurzel / "data/sitzungen/KA-2021-06-21/niederschrift.yaml").read_text()
    )
    # a Sitzung yet to come, a TOP not on the agenda
    token = _token(sina)
    status, text, _ = sina.holen(f"{SEITE}{KOMMEND}/eintragen", {"token": token, "top": "1"})
    tag = dt.date.fromisoformat(KOMMEND[3:]).strftime("%d.%m.%Y")
    assert (status, text) == (
        409,
        f"Die Sitzung am {tag} hat noch nicht stattgefunden – Ergebnisse trägt der Sitzungsdienst nach der Sitzung "
        "ein; nichts gespeichert.\n",
    )
    status, text, _ = sina.holen(f"{KA}/eintragen", {"token": token, "top": "9"})
    assert (status, text) == (404, "TOP „9“ steht nicht auf der Tagesordnung – nichts gespeichert.\n")
    assert _commits(wurzel) == vorher + 1  # only TOP 4's entry
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_an_entered_result_is_the_niederschrift_file_committed_by_the_person(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    beschluss = "Der Kreisausschuss beschließt das Integrationsmanagement mit einer Laufzeit bis 2023."
    felder = {"ergebnis": "Beschluss", "abstimmung": "gezaehlt", "ja": "7", "nein": "1", "enthaltung": "1"}
    assert _top(sina, KA, "2", **felder, angenommen="angenommen", beschluss=beschluss)[0] == 303
    assert git(wurzel, "log", "-1", "--format=%an <%ae>|%cn|%s") == (
        "Sina Sommer <sina@stadt.example>|Sina Sommer|Niederschrift KA-2021-06-21: Ergebnis zu TOP 2 eingetragen "
        "(im Browser)\n"
    )
    assert sorted(git(wurzel, "show", "--name-only", "--format=", "HEAD").split()) == [
        "data/sitzungen/KA-2021-06-21/niederschrift.yaml",
        "data/sitzungen/KA-2021-06-21/top-2-beschluss.md",
    ]
    diff = git(wurzel, "show", "--format=", "-U0", "HEAD", "--", "data/sitzungen/KA-2021-06-21/niederschrift.yaml")
    geaendert = [z for z in diff.splitlines() if z[:1] in "+-" and not z.startswith(("+++", "---"))]
    assert geaendert == [
        "-    abstimmung: {ja: 8, nein: 0, enthaltung: 1, ergebnis: angenommen}",
        "+    beschluss: top-2-beschluss.md",
        "+    abstimmung: {ja: 7, nein: 1, enthaltung: 1, ergebnis: angenommen}",
    ]
    assert (wurzel / "data/sitzungen/KA-2021-06-21/top-2-beschluss.md").read_text("utf-8") == beschluss + "\n"
    # a TOP without an entry gets one, in the agenda's order (between TOP 2 and TOP 4)
    assert _top(sina, KA, "3", ergebnis="Kenntnisnahme", abstimmung="keine")[0] == 303
    text = (wurzel / "data/sitzungen/KA-2021-06-21/niederschrift.yaml").read_text("utf-8")
    punkte = text.split("punkte:\n", 1)[1].split("\n  - ")[1:]
    assert punkte[0] == '{top: "3", ergebnis: Kenntnisnahme}' and punkte[1].startswith('{top: "4", ergebnis: ')
    seite = sina.holen(KA)[1]
    assert 'value="7"' in seite and beschluss in seite  # the page shows what is recorded now
    # the Beschluss unchanged again: its line and its file go, in one commit
    assert _top(sina, KA, "2", beschluss="")[0] == 303
    assert not (wurzel / "data/sitzungen/KA-2021-06-21/top-2-beschluss.md").exists()
    assert "beschluss:" not in (wurzel / "data/sitzungen/KA-2021-06-21/niederschrift.yaml").read_text("utf-8")
    assert git(wurzel, "show", "--name-status", "--format=", "HEAD").split() == [
        "M",
        "data/sitzungen/KA-2021-06-21/niederschrift.yaml",
        "D",
        "data/sitzungen/KA-2021-06-21/top-2-beschluss.md",
    ]
    assert git(wurzel, "status", "--porcelain", "--", "data") == ""


def test_a_new_niederschrift_gets_its_head_then_its_results(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    pfad = f"{SEITE}{NEU}"
    seite = sina.holen(pfad)[1]
    assert 'class="top"' not in seite
    kopf = formular(seite, f"{pfad}/kopf") | {"beginn": "16:00 Uhr", "ende": "17:10 Uhr", "vorsitz": "Herr Becker"}
    status, text, _ = sina.holen(f"{pfad}/kopf", kopf | {"anzahl": "neun"})
    assert (status, text) == (
        422,
        "„Anwesende stimmberechtigte Mitglieder“: „neun“ ist keine ganze Zahl – tragen Sie die Zahl der Stimmen in "
        "Ziffern ein (z. B. 8) oder lassen Sie das Feld leer, wenn sie nicht festgehalten ist; nichts gespeichert.\n",
    )
    status, text, _ = sina.holen(f"{pfad}/kopf", kopf | {"anzahl": "12", "mitgliederzahl": "10"})
    assert (status, text) == (
        422,
        "Nicht gespeichert:\n12 Mitglieder sind anwesend, das Gremium hat aber nur 10 – prüfen Sie beide Zahlen.\n",
    )
    assert not (wurzel / f"data/sitzungen/{NEU}").exists()
    assert sina.holen(f"{pfad}/kopf", kopf | {"anzahl": "12", "mitgliederzahl": "15"})[0] == 303
    assert (wurzel / f"data/sitzungen/{NEU}/niederschrift.yaml").read_text("utf-8") == (
        'beginn: "16:00 Uhr"\nende: "17:10 Uhr"\nvorsitz: Herr Becker\nanwesend:\n  anzahl: 12\n  mitgliederzahl: 15\n'
        "punkte: []\n"
    )
    status, text, _ = sina.holen(f"{pfad}/kopf", kopf | {"anzahl": "12"})
    assert (status, text) == (
        409,
        "Diese Sitzung hat schon eine Niederschrift – nichts angelegt; laden Sie die Seite neu.\n",
    )
    # TOP 2 has no Vorlage: a Beschluss needs its text
    status, text = _top(sina, pfad, "2", ergebnis="Beschluss", abstimmung="einstimmig")
    assert (status, text) == (
        422,
        "Nicht gespeichert:\nTOP 2: Für diesen Beschluss gibt es keinen Beschlussvorschlag einer Vorlage – tragen Sie "
        "den Beschlusstext als Markdown-Datei unter „beschluss“ ein.\n",
    )
    resolution = "Der Kreisausschuss unterstützt die Resolution."
    assert _top(sina, pfad, "2", ergebnis="Beschluss", abstimmung="einstimmig", beschluss=resolution)[0] == 303
    assert _top(sina, pfad, "1", ergebnis="Kenntnisnahme")[0] == 303
    assert (
        (wurzel / f"data/sitzungen/{NEU}/niederschrift.yaml")
        .read_text("utf-8")
        .endswith(
            'punkte:\n  - {top: "1", ergebnis: Kenntnisnahme}\n'
            '  - {top: "2", ergebnis: Beschluss, beschluss: top-2-beschluss.md, abstimmung: {einstimmig: true}}\n'
        )
    )
    log = git(wurzel, "log", "-3", "--format=%an|%s").splitlines()
    assert log == [
        f"Sina Sommer|Niederschrift {NEU}: Ergebnis zu TOP 1 eingetragen (im Browser)",
        f"Sina Sommer|Niederschrift {NEU}: Ergebnis zu TOP 2 eingetragen (im Browser)",
        f"Sina Sommer|Niederschrift {NEU}: angelegt (im Browser)",
    ]


@pytest.mark.langsam  # waits for the server's first build of the example with its PDFs, then builds again: ~25 s
def test_built_with_one_click_the_niederschrift_shows_the_entered_result(server):
    adresse, wurzel = server
    sina = angemeldet(adresse, "sina")
    beschluss = "Der Kreisausschuss beschließt ohne Gegenstimme."
    felder = {"ergebnis": "Beschluss", "abstimmung": "gezaehlt", "ja": "6", "nein": "0", "enthaltung": "2"}
    assert _top(sina, KA, "2", **felder, angenommen="angenommen", beschluss=beschluss)[0] == 303
    status, text, kopf = sina.holen(f"{KA}/bauen", {"token": _token(sina)})
    assert (status, kopf.get("Location")) == (303, f"{KA}?erledigt=gebaut"), text
    seite = sina.holen(KA)[1]
    assert f'href="{KA}/datei/auszug-top-2.pdf"' in seite and f'href="{KA}/datei/niederschrift.pdf"' in seite
    status, niederschrift, _ = sina.holen(f"{KA}/datei/niederschrift.txt")
    assert status == 200
    assert beschluss in niederschrift
    assert "mit 6 Ja-Stimmen, 0 Nein-Stimmen und 2 Enthaltungen angenommen" in niederschrift
    status, pdf = sina.datei(f"{KA}/datei/auszug-top-2.pdf")
    assert (status, pdf[:5]) == (200, b"%PDF-")
    assert sina.holen(f"{KA}/datei/..%2Fvorlagen-server.sqlite")[0] == 404


def test_the_beschlusskontrolle_lists_what_is_open(server):
    adresse, _ = server
    seite = angemeldet(adresse, "sina").holen("/__vorlagen/bearbeiten/beschlusskontrolle")[1]
    tabelle = seite.split('id="auftraege">', 1)[1].split("</table>", 1)[0]
    # the example's one Auftrag (ASI-2021-06-10, TOP 3): due 30.09.2021, never done
    assert "30.09.2021 – überfällig" in tabelle and "<td>KI</td>" in tabelle
    assert "Ausschuss für Soziales und Integration am 10.06.2021, TOP 3" in tabelle
    assert tabelle.count("<tr") == 2  # the head and the one Auftrag
