"""History and comparison of a Vorlage in the server (issue 56, point 3), against the real server process: who sees
the history and a comparison (the Vorlage's clerks; not a reader, not another Amt's clerk: 404), the comparison of
two commits as `vergleichen` computes it (printed figures old → new, the sign-off that no longer holds), and what
an address may name as a commit (only a full commit id of the history; anything else a German 400 or 404)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from tests.hilfen.server import Klient, gestartet, git, repository

ORDNER = "2021-0123"
VERLAUF = f"/__vorlagen/bearbeiten/verlauf/{ORDNER}"
VERGLEICH = f"/__vorlagen/bearbeiten/vergleich/{ORDNER}"
YAML = Path("data/vorlagen/2021-0123/vorlage.yaml")


def _werte(text: str) -> dict:
    return yaml.safe_load(text)["verteilungen"][0]["werte"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The example repository with one more commit by Anna (a CM day moved from Hennef to Alfter: the days must add
    up to the Stellen's), and the server."""
    wurzel = repository(tmp_path_factory.mktemp("verlauf") / "repo")
    alt = git(wurzel, "rev-parse", "HEAD").strip()
    datei = wurzel / YAML
    vorher = datei.read_text(encoding="utf-8")
    nachher = vorher.replace("      Alfter: 2\n", "      Alfter: 3\n", 1).replace(
        "      Hennef: 1\n", "      Hennef: 0\n", 1
    )
    assert nachher != vorher
    datei.write_text(nachher, encoding="utf-8")
    git(
        wurzel,
        "-c",
        "user.name=Anna Amsel",
        "-c",
        "user.email=anna@stadt.example",
        "commit",
        "-qam",
        "Ein Tag von Hennef nach Alfter",
    )
    neu = git(wurzel, "rev-parse", "HEAD").strip()
    with gestartet(wurzel) as adresse:
        yield adresse, wurzel, alt, neu, _werte(vorher), _werte(nachher)


def _klient(adresse: str, name: str) -> Klient:
    klient = Klient(adresse)
    assert klient.anmelden(name) == 303
    return klient


def test_the_history_lists_the_commits_of_the_vorlage_newest_first_with_who_and_what(server):
    adresse, _, alt, neu, _, _ = server
    status, seite, _ = _klient(adresse, "anna").holen(VERLAUF)
    assert status == 200
    assert "Vorlage 2021-0123: Verlauf" in seite
    assert seite.index(neu) < seite.index(alt)  # newest first
    assert "Anna Amsel" in seite and "Ein Tag von Hennef nach Alfter" in seite
    assert "Einrichtung" in seite and "Beispiel" in seite
    assert f'action="/__vorlagen/bearbeiten/vergleich/{ORDNER}"' in seite


def test_the_vorlage_page_links_its_history_for_its_clerk_only(server):
    adresse = server[0]
    assert f'href="{VERLAUF}"' in _klient(adresse, "anna").holen(f"/__vorlagen/bearbeiten/vorlage/{ORDNER}")[1]
    status, seite, _ = _klient(adresse, "lena").holen(f"/__vorlagen/bearbeiten/vorlage/{ORDNER}")
    assert status == 200 and f'href="{VERLAUF}"' not in seite


def test_the_comparison_shows_the_printed_figures_old_to_new_and_the_sign_off_that_no_longer_holds(server):
    adresse, _, alt, neu, vorher, nachher = server
    status, seite, _ = _klient(adresse, "anna").holen(f"{VERGLEICH}?alt={alt}&neu={neu}")
    assert status == 200, seite
    # the seed's values; their sum counted here (a Gemeinde without days, „~“, counts nothing) is the same
    summe = lambda werte: sum((Fraction(w) for w in werte.values() if w is not None), Fraction(0))  # noqa: E731
    assert (vorher["Alfter"], nachher["Alfter"], vorher["Hennef"], nachher["Hennef"]) == (2, 3, 1, 0)
    assert summe(nachher) == summe(vorher)

    def zeile(label: str) -> str:
        start = seite.index(f"{label}</th>")
        return seite[start : seite.index("</tr>", start)]

    alfter = zeile("CM-Einsatz in Tagen pro Arbeitswoche: Alfter")
    assert '<td class="alt">2,00</td>' in alfter and '<td class="neu">3,00</td>' in alfter
    hennef = zeile("CM-Einsatz in Tagen pro Arbeitswoche: Hennef")
    assert '<td class="alt">1,00</td>' in hennef and '<td class="neu">0,00</td>' in hennef
    assert "CM-Einsatz in Tagen pro Arbeitswoche: Summe" not in seite  # the same sum: no change
    assert "Mitzeichnungen, die nicht mehr gelten" in seite and "<li>Kämmerei: veraltet</li>" in seite
    assert f"{adresse}{VERGLEICH}?alt={alt}&amp;neu={neu}" in seite  # the address to send on


def test_the_same_commit_twice_shows_no_change(server):
    adresse, _, alt, _, _, _ = server
    status, seite, _ = _klient(adresse, "anna").holen(f"{VERGLEICH}?alt={alt}&neu={alt}")
    assert status == 200 and "Keine Änderungen" in seite


@pytest.mark.parametrize("name", ["lena", "clara"])
def test_a_reader_and_a_clerk_of_another_amt_get_404_for_history_and_comparison(server, name):
    """The history holds every draft: only who may see the Vorlage's drafts sees it – a sent link included."""
    adresse, _, alt, neu, _, _ = server
    klient = _klient(adresse, name)
    for pfad in (VERLAUF, f"{VERGLEICH}?alt={alt}&neu={neu}"):
        status, seite, _ = klient.holen(pfad)
        assert status == 404 and "Diese Seite gibt es nicht (oder Sie dürfen sie nicht sehen)" in seite
        assert "Alfter" not in seite and alt not in seite


def test_without_a_session_the_history_answers_with_the_login(server):
    status, seite, _ = Klient(server[0]).holen(VERLAUF)
    assert status == 401 and 'name="kennwort"' in seite


@pytest.mark.parametrize(
    "wert",
    ["HEAD~1", "HEAD", "master", "main", "--output=x", "..", "../../etc/passwd", "a" * 41, "0" * 5000, "ABC", ""],
)
def test_an_address_naming_no_full_commit_id_gets_a_german_400(server, wert):
    adresse, wurzel, alt, _, _, _ = server
    status, seite, _ = _klient(adresse, "anna").holen(f"{VERGLEICH}?alt={alt}&neu={wert}")
    assert status == 400, seite
    assert "ist keine Commit-ID" in seite and "wählen Sie die beiden Fassungen im Verlauf" in seite
    assert len(seite) < 1000  # a long value is cut, not echoed whole
    assert not (wurzel / "x").exists() and not (Path.cwd() / "x").exists()


def test_a_commit_id_not_of_this_history_gets_a_german_404(server):
    adresse, wurzel, alt, _, _, _ = server
    blob = git(wurzel, "rev-parse", f"HEAD:{YAML.as_posix()}").strip()  # an object, but no commit
    baum = git(wurzel, "rev-parse", "HEAD^{tree}").strip()
    anna = _klient(adresse, "anna")
    for wert in ("0" * 40, "f" * 64, blob, baum):
        status, seite, _ = anna.holen(f"{VERGLEICH}?alt={wert}&neu={alt}")
        assert status == 404, (wert, seite)
        assert "gibt es im Verlauf dieses Servers nicht" in seite


def test_a_vorlage_that_is_not_there_or_a_path_gets_404(server):
    adresse, _, alt, neu, _, _ = server
    anna = _klient(adresse, "anna")
    for name in ("..", "%2e%2e", "..%2f..%2fdata", "gibt-es-nicht"):
        assert anna.holen(f"/__vorlagen/bearbeiten/verlauf/{name}")[0] == 404
        assert anna.holen(f"/__vorlagen/bearbeiten/vergleich/{name}?alt={alt}&neu={neu}")[0] == 404
