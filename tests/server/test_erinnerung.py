"""The reminder a day before a deadline (issue 56, point 2): the clerks of the Vorlagen for a Sitzung that are not yet
released get one e-mail the day before the Gremium's deadline – received by a local SMTP server (aiosmtpd), with the
day injected, never waited for –, and each Vorlage and deadline only once: a second run sends nothing. The state
"released" is the last build's (built here without real PDFs)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import shutil

import pytest

from tests.hilfen import free_port
from tests.hilfen.server import NEU, git, repository, vorlagen, zur_mitzeichnung
from vorlagen.cli import main
from vorlagen.server.erinnerung import erinnern
from vorlagen.server.konfiguration import lesen

FREIGEGEBEN = "2026-0002"  # a Mitteilungsvorlage of KI for the same Sitzung: no sign-off asked, so released


class _Postfach:
    def __init__(self):
        self.briefe: list[tuple[list[str], email.message.Message]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 – aiosmtpd's name
        self.briefe.append(
            (list(envelope.rcpt_tos), email.message_from_bytes(envelope.content, policy=email.policy.default))
        )
        return "250 OK"


@pytest.fixture
def postfach():
    from aiosmtpd.controller import Controller

    fach = _Postfach()
    controller = Controller(fach, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield fach, controller.port
    finally:
        controller.stop()


def _vorlagen(wurzel) -> dt.date:
    """One more Vorlage for the Sitzung of zur_mitzeichnung; the day of its deadline (frist_tage 14 of the ASI in the
    example's koerperschaft.yaml: 40 − 14 days from today)."""
    data = wurzel / "data" / "vorlagen"
    sitzung = f"ASI-{dt.date.today() + dt.timedelta(days=40)}"
    shutil.copytree(data / "2021-0130", data / FREIGEGEBEN)
    yaml = (data / FREIGEGEBEN / "vorlage.yaml").read_text("utf-8").replace("2021/0130", "2026/0002")
    yaml = yaml.replace(
        "  - {sitzung: ASI-2021-06-10, rolle: Kenntnisnahme}\n  - {sitzung: KA-2021-06-21, rolle: Kenntnisnahme}\n",
        f"  - {{sitzung: {sitzung}, rolle: Kenntnisnahme}}\n",
    )
    (data / FREIGEGEBEN / "vorlage.yaml").write_text(yaml, "utf-8")
    git(wurzel, "add", "-A")
    git(wurzel, "-c", "user.name=Einrichtung", "-c", "user.email=it@stadt.example", "commit", "-qm", "Vorlagen")
    return dt.date.today() + dt.timedelta(days=40 - 14)


def test_one_mail_a_day_before_the_deadline_and_never_a_second(tmp_path, postfach, schnellsatz):
    fach, port = postfach
    wurzel = repository(tmp_path / "repo")
    zur_mitzeichnung(wurzel)
    frist = _vorlagen(wurzel)
    assert main(["--data", str(wurzel / "data"), "--out", str(wurzel / "output")]) == 0  # the server's build
    datei = wurzel / "vorlagen-server.toml"
    ohne_post = lesen(datei)
    assert erinnern(ohne_post, wurzel / "data", wurzel / "output", frist - dt.timedelta(days=1)) == [
        "Ohne [post] in der Konfiguration verschickt der Server keine E-Mail – keine Erinnerung versandt."
    ]
    datei.write_text(
        datei.read_text("utf-8")
        + f'\n[post]\nserver = "127.0.0.1"\nport = {port}\nabsender = "vorlagen@stadt.example"\n',
        encoding="utf-8",
    )
    konfiguration = lesen(datei)
    # two days before: nothing is due yet
    vorvortag = frist - dt.timedelta(days=2)
    assert erinnern(konfiguration, wurzel / "data", wurzel / "output", vorvortag) == [
        f"Keine Erinnerung fällig am {vorvortag:%d.%m.%Y}."
    ]
    assert fach.briefe == []
    # the day before: the two clerks of KI each get one mail naming the Vorlage not released, not the released one
    bericht = erinnern(konfiguration, wurzel / "data", wurzel / "output", frist - dt.timedelta(days=1))
    assert bericht == [
        "Erinnerung an anna@stadt.example: 2026/0001",
        "Erinnerung an bert@stadt.example: 2026/0001",
    ]
    assert sorted(an for an, _ in fach.briefe) == [["anna@stadt.example"], ["bert@stadt.example"]]
    an, brief = next(b for b in fach.briefe if b[0] == ["anna@stadt.example"])
    assert (brief["From"], brief["Subject"]) == (
        "vorlagen@stadt.example",
        "Frist für Vorlagen: 1 Vorlage noch nicht freigegeben",
    )
    sitzung = dt.date.today() + dt.timedelta(days=40)
    inhalt = brief.get_content().replace("\r\n", "\n")
    adresse = konfiguration.oeffentlich
    assert inhalt.startswith("Guten Tag Anna Amsel,\n")
    assert (
        "diese Vorlagen Ihres Amts sind noch nicht freigegeben, und ihre Frist endet bald:\n\n- Vorlage 2026/0001: "
        in inhalt
    )
    assert (
        f"  für die Sitzung Ausschuss für Soziales und Integration am {sitzung:%d.%m.%Y} – Frist morgen, am "
        f"{frist:%d.%m.%Y}\n  {adresse}/__vorlagen/bearbeiten/mitzeichnung/{NEU}\n"
    ) in inhalt
    assert "2026/0002" not in inhalt
    # a second run that day, and the run on the day of the deadline: nothing more for these Vorlagen
    for tag in (frist - dt.timedelta(days=1), frist):
        assert erinnern(konfiguration, wurzel / "data", wurzel / "output", tag) == [
            f"Keine Erinnerung fällig am {tag:%d.%m.%Y}."
        ]
    assert len(fach.briefe) == 2
    # the command IT's timer runs: today is not the day before any deadline here
    ergebnis = vorlagen("server", "erinnern", "--config", "vorlagen-server.toml", cwd=wurzel)
    assert (ergebnis.returncode, ergebnis.stdout) == (0, f"Keine Erinnerung fällig am {dt.date.today():%d.%m.%Y}.\n")
    assert len(fach.briefe) == 2
