"""Kerberos single sign-on as a town's IT sets it up in front of `vorlagen server`: a KDC of the test's own realm
(MIT krb5 from Debian: `kdb5_util`, `kadmin.local`, `krb5kdc`), a person's ticket by `kinit`, and Apache with
`mod_auth_gssapi` as the reverse proxy, configured with the handbook's own block. Every process is started by the
test and stopped after it.

The realm lives in a folder of its own in the run's temporary folder, not in `tmp_path`: run as root, Apache hands
its requests to workers that run as `nobody`, and those must read the keytab and the realm's configuration – which
they cannot below pytest's folders (readable for their owner only). The folder is removed when the realm ends."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.hilfen import ROOT, free_port

REALM = "RATHAUS.TEST"
HANDBUCH = ROOT / "docs" / "anleitungen" / "server-einrichten.md"
KEYTAB_IM_HANDBUCH = "/etc/apache2/vorlagen.keytab"
MODULE = Path("/usr/lib/apache2/modules")
PROGRAMME = ("kdb5_util", "kadmin.local", "krb5kdc", "kinit", "apache2", "curl")


def fehlende_programme() -> list[str]:
    """What of the KDC, kinit, Apache with mod_auth_gssapi and curl this machine lacks (`scripts/setup.sh --test`
    installs them)."""
    fehlt = [name for name in PROGRAMME if shutil.which(name) is None]
    return fehlt + ([] if (MODULE / "mod_auth_gssapi.so").exists() else ["mod_auth_gssapi"])


@dataclass(frozen=True)
class Bereich:
    """A running realm: the environment in which the Kerberos libraries find it, and the folder it lives in."""

    ordner: Path
    umgebung: dict[str, str]

    def prinzipal(self, name: str, kennwort: str | None = None, keytab: Path | None = None) -> None:
        """A person with a password, or a service whose keys go to `keytab`."""
        if kennwort is not None:
            self._kadmin(f"addprinc -pw {kennwort} {name}")
        else:
            self._kadmin(f"addprinc -randkey {name}")
            self._kadmin(f"ktadd -k {keytab} {name}")

    def _kadmin(self, befehl: str) -> None:
        _laufen(["kadmin.local", "-r", REALM, "-q", befehl], self.umgebung)

    def ticket(self, name: str, kennwort: str) -> dict[str, str]:
        """The environment of a person signed in to the realm (their ticket cache, made by kinit)."""
        umgebung = self.umgebung | {"KRB5CCNAME": f"FILE:{self.ordner / ('cache-' + name)}"}
        _laufen(["kinit", f"{name}@{REALM}"], umgebung, eingabe=kennwort + "\n")
        return umgebung


def _laufen(befehl: list[str], umgebung: dict[str, str], eingabe: str | None = None) -> str:
    fertig = subprocess.run(
        befehl, env=umgebung, input=eingabe, capture_output=True, text=True, timeout=60, check=False
    )
    assert fertig.returncode == 0, f"{befehl[0]}: {fertig.stdout}{fertig.stderr}"
    return fertig.stdout


def _warten_auf(port: int, prozess: subprocess.Popen, protokoll: Path) -> None:
    """Until something listens on the port (a minute at most); the process's log if it ended first."""
    ende = time.monotonic() + 60
    while time.monotonic() < ende:
        if prozess.poll() is not None:
            raise AssertionError(protokoll.read_text(encoding="utf-8", errors="replace"))
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise AssertionError(f"nach einer Minute hört nichts auf Port {port}")


@contextlib.contextmanager
def _prozess(befehl: list[str], umgebung: dict[str, str], port: int, protokoll: Path) -> Iterator[None]:
    with protokoll.open("w", encoding="utf-8") as log:
        prozess = subprocess.Popen(befehl, env=umgebung, stdout=log, stderr=subprocess.STDOUT)
    try:
        _warten_auf(port, prozess, protokoll)
        yield
    finally:
        prozess.send_signal(signal.SIGTERM)
        try:
            prozess.wait(timeout=30)
        except subprocess.TimeoutExpired:
            prozess.kill()
            prozess.wait(timeout=10)


@contextlib.contextmanager
def bereich() -> Iterator[Bereich]:
    """A KDC for the realm RATHAUS.TEST on a free port of 127.0.0.1, in a folder of its own (removed after)."""
    ordner = Path(tempfile.mkdtemp(prefix="kerberos-"))
    try:
        with _kdc(ordner) as laufend:
            yield laufend
    finally:
        shutil.rmtree(ordner)


@contextlib.contextmanager
def _kdc(ordner: Path) -> Iterator[Bereich]:
    port = free_port()
    (ordner / "krb5.conf").write_text(
        f"[libdefaults]\n  default_realm = {REALM}\n  dns_lookup_kdc = false\n  dns_lookup_realm = false\n"
        f"  rdns = false\n  udp_preference_limit = 1\n"
        f"[realms]\n  {REALM} = {{\n    kdc = 127.0.0.1:{port}\n  }}\n"
        f"[domain_realm]\n  localhost = {REALM}\n",
        encoding="utf-8",
    )
    (ordner / "kdc.conf").write_text(
        f"[kdcdefaults]\n  kdc_listen = 127.0.0.1:{port}\n  kdc_tcp_listen = 127.0.0.1:{port}\n"
        f"[realms]\n  {REALM} = {{\n    database_name = {ordner / 'principal'}\n"
        f"    key_stash_file = {ordner / 'stash'}\n    acl_file = {ordner / 'kadm5.acl'}\n  }}\n",
        encoding="utf-8",
    )
    umgebung = {
        "PATH": os.environ["PATH"],
        "KRB5_CONFIG": str(ordner / "krb5.conf"),
        "KRB5_KDC_PROFILE": str(ordner / "kdc.conf"),
        "KRB5RCACHETYPE": "none",  # no replay cache in /var/tmp
    }
    _laufen(["kdb5_util", "create", "-s", "-r", REALM, "-P", "ein-hauptkennwort"], umgebung)
    with _prozess(["krb5kdc", "-n", "-r", REALM], umgebung, port, ordner / "kdc.log"):
        yield Bereich(ordner, umgebung)


def location_des_handbuchs() -> str:
    """The `<Location />` block of the handbook's Kerberos section, as IT copies it."""
    abschnitt = HANDBUCH.read_text(encoding="utf-8").split("## Anmeldung über den Reverse-Proxy (Kerberos)")[1]
    gefunden = re.search(r"^ *<Location />\n.*?^ *</Location>\n", abschnitt, re.MULTILINE | re.DOTALL)
    assert gefunden, "Der Kerberos-Abschnitt des Handbuchs zeigt keinen <Location />-Block"
    return gefunden.group(0)


def _fuer_den_dienst(bereich_: Bereich, keytab: Path) -> str:
    """The lines that name the user Apache's workers run as. As root, Apache gives its requests to workers that run
    as `nobody`: they may pass through the run's folder (not list it) and read the realm's configuration and the
    keytab."""
    if os.geteuid() != 0:
        return ""
    os.chmod(tempfile.gettempdir(), 0o711)  # the run's own folder, removed at the end of the run
    bereich_.ordner.chmod(0o755)
    _laufen(["chown", "nobody:nogroup", str(keytab)], bereich_.umgebung)  # not pwd: the portable tier has none
    return "User nobody\nGroup nogroup\n"


@contextlib.contextmanager
def apache(bereich_: Bereich, port: int, dienst: int, location: str, keytab: Path) -> Iterator[None]:
    """Apache with mod_auth_gssapi on `port` of 127.0.0.1, in front of the server on port `dienst` as the handbook's
    Apache example sets it (ProxyPreserveHost, ProxyPass) with the handbook's `<Location />` block, the keytab in its
    place."""
    ordner = bereich_.ordner
    module = "".join(
        f"LoadModule {name}_module {MODULE / f'mod_{name}.so'}\n"
        for name in (
            "mpm_event",
            "authn_core",
            "authz_core",
            "authz_user",
            "auth_gssapi",
            "headers",
            "proxy",
            "proxy_http",
        )
    )
    konfiguration = (
        f"ServerRoot {ordner}\nListen 127.0.0.1:{port}\nServerName localhost\nPidFile {ordner / 'httpd.pid'}\n"
        f"ErrorLog {ordner / 'error.log'}\nLogLevel info\n{module}{_fuer_den_dienst(bereich_, keytab)}"
        f"ProxyPreserveHost On\nProxyPass / http://127.0.0.1:{dienst}/\nProxyPassReverse / http://127.0.0.1:{dienst}/\n"
        + location.replace(KEYTAB_IM_HANDBUCH, str(keytab))
    )
    (ordner / "httpd.conf").write_text(konfiguration, encoding="utf-8")
    befehl = ["apache2", "-X", "-f", str(ordner / "httpd.conf")]
    with _prozess(befehl, bereich_.umgebung, port, ordner / "apache.log"):
        yield
