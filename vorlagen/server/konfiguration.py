"""The server's configuration file (TOML): where it listens, the data repository, the state file, how people sign
in and which rights they have – read and checked before anything starts, every refusal in German with file and
line; and the complete, commented file `vorlagen server konfiguration` prints."""

from __future__ import annotations

import re
import tomllib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.pfade import gezeigt
from vorlagen.core.problems import Problem, Where
from vorlagen.server import post as postweg
from vorlagen.server.rechte import ROLLEN, Recht

MAX_GROESSE = 256 * 1024  # bytes of a configuration file (a long one has a few hundred lines)
SERVER = {"adresse", "port", "oeffentlich", "datenrepository", "zustand", "sitzung_minuten", "remote"}
ANMELDUNG = {"lokal", "proxy_kopf", "proxys"}
RECHT = {"person", "gruppe", "rolle", "amt"}
OIDC = {"anbieter", "client_id", "client_secret", "benutzer", "gruppen"}


@dataclass(frozen=True)
class Oidc:
    """The town's identity provider (OpenID Connect): its issuer, this server's client, and which claims name the
    user and their groups."""

    anbieter: str
    client_id: str
    client_secret: str
    benutzer: str = "preferred_username"
    gruppen: str = "groups"


@dataclass(frozen=True)
class Konfiguration:
    datei: Path
    adresse: str
    port: int
    oeffentlich: str  # the address people open, e.g. https://vorlagen.stadt.de (Host and Origin are checked)
    datenrepository: Path
    zustand: Path
    sitzung_minuten: int = 60
    lokal: bool = True
    rechte: tuple[Recht, ...] = ()
    proxy_kopf: str = ""  # the header in which the reverse proxy names the signed-in user („“: none)
    proxys: tuple[str, ...] = ()  # the addresses of the reverse proxies whose header is believed
    oidc: Oidc | None = None
    remote: str = ""  # the git remote the server pulls from before and pushes to after each save („“: none)
    post: postweg.Post | None = None  # the mail server of [post] (None: no e-mail)

    @property
    def tls(self) -> bool:
        """Behind TLS: the cookies are sent only over https (Secure)."""
        return self.oeffentlich.startswith("https://")

    @property
    def hosts(self) -> frozenset[str]:
        """The Host headers the server answers: its public address and where it listens."""
        oeffentlich = urllib.parse.urlsplit(self.oeffentlich).netloc.lower()
        return frozenset({oeffentlich, f"{self.adresse}:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset({self.oeffentlich.lower().rstrip("/"), *(f"http://{h}" for h in self.hosts)})


class Ungueltig(Exception):
    """A configuration the server does not start with: the problem, in German, with file and line."""


# makes the refusal of a value: fehler(abschnitt, key, meldung), with the file's name and the line of `key`
Fehler = Callable[[str, str | None, str], Ungueltig]


def lesen(datei: Path) -> Konfiguration:
    """The configuration in `datei`; Ungueltig names the first problem."""
    try:
        roh = datei.read_bytes()[: MAX_GROESSE + 1]
    except OSError:
        raise Ungueltig(
            f"{gezeigt(datei)}: Die Konfiguration lässt sich nicht lesen – prüfen Sie Pfad und Rechte; "
            "eine neue gibt „vorlagen server konfiguration“ aus."
        ) from None
    if len(roh) > MAX_GROESSE:
        raise Ungueltig(f"{gezeigt(datei)}: Die Konfiguration ist größer als 256 KB – so lang ist keine.")
    try:
        text = roh.decode("utf-8-sig")
        werte = tomllib.loads(text)
    except UnicodeDecodeError:
        raise Ungueltig(
            f"{gezeigt(datei)}: Die Konfiguration ist nicht in UTF-8 gespeichert – speichern Sie sie "
            "im Editor als UTF-8."
        ) from None
    except tomllib.TOMLDecodeError as error:
        zeile = re.search(r"line (\d+)", str(error))
        raise Ungueltig(
            str(
                Problem(
                    Where(gezeigt(datei), int(zeile.group(1)) if zeile else None),
                    "Diese Zeile ist kein gültiges TOML – prüfen Sie Anführungszeichen, das Gleichheitszeichen und die "
                    "eckigen Klammern (Muster: „vorlagen server konfiguration“).",
                )
            )
        ) from None
    return _pruefen(datei, text, werte)


def _fehler(datei: Path, text: str, abschnitt: str, key: str | None, meldung: str) -> Ungueltig:
    return Ungueltig(str(Problem(Where(gezeigt(datei), zeile(text, abschnitt, key)), meldung)))


def zeile(text: str, abschnitt: str, key: str | None) -> int | None:
    """The line of `key` in the section `abschnitt` (of its first table; None: the header), None when not written."""
    drin = abschnitt == ""
    for nummer, line in enumerate(text.splitlines(), 1):
        kopf = re.match(r"\s*\[\[?\s*([A-Za-z_]+)\s*\]\]?", line)
        if kopf:
            drin = kopf.group(1) == abschnitt
            if drin and key is None:
                return nummer
        elif drin and key is not None and re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return nummer
    return None


def _pruefen(datei: Path, text: str, werte: dict) -> Konfiguration:
    def fehler(abschnitt: str, key: str | None, meldung: str) -> Ungueltig:
        return _fehler(datei, text, abschnitt, key, meldung)

    for name in werte:
        if name not in ("server", "anmeldung", "recht", "oidc", "post"):
            raise fehler(
                "",
                name if not isinstance(werte[name], dict) else None,
                f"Unbekannter Abschnitt „{name}“ – erlaubt sind [server], [anmeldung], [oidc], [post] und [[recht]].",
            )
    server = werte.get("server")
    if not isinstance(server, dict):
        raise fehler(
            "",
            None,
            "Der Abschnitt [server] fehlt – er nennt Adresse, Port und Datenrepository "
            "(Muster: „vorlagen server konfiguration“).",
        )
    for name, erlaubt in (("server", SERVER), ("anmeldung", ANMELDUNG)):
        unbekannt = sorted(set(werte.get(name, {})) - erlaubt)
        if unbekannt:
            raise fehler(
                name,
                unbekannt[0],
                f"Unbekannte Angabe „{unbekannt[0]}“ in [{name}] – erlaubt sind: {', '.join(sorted(erlaubt))}.",
            )
    adresse, port, oeffentlich, minuten = _lauschen(server, fehler)
    pfade = _pfade(datei, server, fehler)
    lokal = werte.get("anmeldung", {}).get("lokal", True)
    if not isinstance(lokal, bool):
        raise fehler("anmeldung", "lokal", "„lokal“ ist true oder false (ohne Anführungszeichen).")
    return Konfiguration(
        datei.resolve(),
        adresse,
        port,
        str(oeffentlich).rstrip("/"),
        pfade["datenrepository"],
        pfade["zustand"],
        minuten,
        lokal,
        _rechte(werte.get("recht", []), fehler),
        *_proxy(werte.get("anmeldung", {}), fehler),
        _oidc(werte.get("oidc"), fehler),
        _remote(server.get("remote", ""), fehler),
        postweg.lesen(werte.get("post"), fehler),
    )


def _remote(remote: object, fehler: Fehler) -> str:
    if not isinstance(remote, str) or not re.fullmatch(r"[A-Za-z0-9._-]{0,100}", remote):
        raise fehler(
            "server",
            "remote",
            "„remote“ ist der Name eines git-Remotes des Datenrepositorys in "
            'Anführungszeichen, z. B. remote = "origin" (git remote -v zeigt sie).',
        )
    return remote


def _oidc(abschnitt: dict | None, fehler: Fehler) -> Oidc | None:
    """The identity provider of [oidc], None without the section."""
    if abschnitt is None:
        return None
    unbekannt = sorted(set(abschnitt) - OIDC)
    if unbekannt:
        raise fehler(
            "oidc",
            unbekannt[0],
            f"Unbekannte Angabe „{unbekannt[0]}“ in [oidc] – erlaubt sind: {', '.join(sorted(OIDC))}.",
        )
    for key in ("anbieter", "client_id", "client_secret", "benutzer", "gruppen"):
        wert = abschnitt.get(key, "-")
        if not isinstance(wert, str) or not wert.strip():
            raise fehler(
                "oidc",
                key if key in abschnitt else None,
                f"„{key}“ fehlt in [oidc] oder ist kein Text in "
                "Anführungszeichen – der Identitätsanbieter nennt den Wert.",
            )
    anbieter = urllib.parse.urlsplit(abschnitt["anbieter"])
    if anbieter.scheme not in ("http", "https") or not anbieter.netloc:
        raise fehler(
            "oidc",
            "anbieter",
            "„anbieter“ ist die Adresse (Issuer) des Identitätsanbieters, z. B. "
            'anbieter = "https://anmeldung.stadt.example/realms/rathaus".',
        )
    return Oidc(
        abschnitt["anbieter"].rstrip("/"),
        abschnitt["client_id"],
        abschnitt["client_secret"],
        abschnitt.get("benutzer", "preferred_username"),
        abschnitt.get("gruppen", "groups"),
    )


def _proxy(anmeldung: dict, fehler: Fehler) -> tuple[str, tuple[str, ...]]:
    """The reverse proxy's user header and the addresses it is believed from: both or neither."""
    kopf, proxys = anmeldung.get("proxy_kopf", ""), anmeldung.get("proxys", [])
    if not isinstance(kopf, str) or (kopf and not re.fullmatch(r"[A-Za-z0-9-]{1,64}", kopf)):
        raise fehler(
            "anmeldung",
            "proxy_kopf",
            '„proxy_kopf“ ist der Name einer Kopfzeile in Anführungszeichen, z. B. proxy_kopf = "X-Remote-User".',
        )
    if not isinstance(proxys, list) or not all(isinstance(p, str) and _ip(p) for p in proxys):
        raise fehler(
            "anmeldung",
            "proxys",
            '„proxys“ ist eine Liste von IP-Adressen in Anführungszeichen, z. B. proxys = ["127.0.0.1"].',
        )
    if bool(kopf) != bool(proxys):
        raise fehler(
            "anmeldung",
            "proxy_kopf" if kopf else "proxys",
            "„proxy_kopf“ und „proxys“ gehören "
            "zusammen: die Kopfzeile des Reverse-Proxys gilt nur von seinen Adressen – nennen Sie beide.",
        )
    return kopf, tuple(proxys)


def _ip(text: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _lauschen(server: dict, fehler: Fehler) -> tuple[str, int, str, int]:
    """Where the server listens, the address people open, and the minutes a session lasts."""
    adresse = server.get("adresse", "127.0.0.1")
    if not isinstance(adresse, str) or not re.fullmatch(r"[0-9A-Za-z.:-]{1,100}", adresse):
        raise fehler(
            "server",
            "adresse",
            '„adresse“ ist eine IP-Adresse oder ein Rechnername in Anführungszeichen, z. B. adresse = "127.0.0.1".',
        )
    port = server.get("port")
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise fehler(
            "server", "port", "„port“ ist eine ganze Zahl von 1 bis 65535 ohne Anführungszeichen, z. B. port = 8471."
        )
    oeffentlich = server.get("oeffentlich", f"http://{adresse}:{port}")
    teile = urllib.parse.urlsplit(oeffentlich) if isinstance(oeffentlich, str) else None
    if teile is None or teile.scheme not in ("http", "https") or not teile.netloc or teile.path not in ("", "/"):
        raise fehler(
            "server",
            "oeffentlich",
            "„oeffentlich“ ist die Adresse, die die Benutzer im Browser öffnen, "
            'ohne Pfad, z. B. oeffentlich = "https://vorlagen.stadt.de".',
        )
    minuten = server.get("sitzung_minuten", 60)
    if not isinstance(minuten, int) or isinstance(minuten, bool) or not 5 <= minuten <= 24 * 60:
        raise fehler(
            "server",
            "sitzung_minuten",
            "„sitzung_minuten“ ist eine ganze Zahl von 5 bis 1440 – nach so "
            "vielen Minuten ohne Aktivität endet eine Sitzung.",
        )
    return adresse, port, oeffentlich, minuten


def _pfade(datei: Path, server: dict, fehler: Fehler) -> dict[str, Path]:
    """The data repository and the state file, relative to the configuration."""
    pfade: dict[str, Path] = {}
    for key, standard in (("datenrepository", "."), ("zustand", "vorlagen-server.sqlite")):
        wert = server.get(key, standard)
        if not isinstance(wert, str) or not wert.strip():
            raise fehler("server", key, f"„{key}“ ist ein Pfad in Anführungszeichen (relativ zu dieser Datei).")
        pfade[key] = (datei.parent / wert).resolve()
    wurzel = pfade["datenrepository"]
    if not (wurzel / "vorlagen.toml").is_file() and not (wurzel / "data" / "koerperschaft.yaml").is_file():
        raise fehler(
            "server",
            "datenrepository",
            f"In {gezeigt(pfade['datenrepository'])} liegt kein "
            "Datenrepository (keine vorlagen.toml) – nennen Sie den Ordner, in dem vorlagen.toml liegt.",
        )
    return pfade


def _rechte(eintraege: object, fehler: Fehler) -> tuple[Recht, ...]:
    if not isinstance(eintraege, list):
        raise fehler("recht", None, "Rechte stehen je in einem eigenen Abschnitt [[recht]] (mit zwei Klammern).")
    rechte = []
    for eintrag in eintraege:
        unbekannt = sorted(set(eintrag) - RECHT)
        if unbekannt:
            raise fehler(
                "recht",
                unbekannt[0],
                f"Unbekannte Angabe „{unbekannt[0]}“ in [[recht]] – erlaubt sind: person, gruppe, rolle, amt.",
            )
        rolle = eintrag.get("rolle")
        if rolle not in ROLLEN:
            raise fehler("recht", "rolle", f"Unbekannte Rolle „{rolle}“ – erlaubt sind: {', '.join(ROLLEN)}.")
        if ("person" in eintrag) == ("gruppe" in eintrag):
            raise fehler("recht", None, 'Ein [[recht]] nennt genau eines: person = "…" oder gruppe = "…".')
        amt = eintrag.get("amt", "")
        if rolle in ("Sachbearbeitung", "Mitzeichnung") and not amt:
            raise fehler("recht", "rolle", f'Die Rolle {rolle} gilt je Amt – nennen Sie es: amt = "…".')
        rechte.append(Recht(str(eintrag.get("person", "")), str(eintrag.get("gruppe", "")), rolle, str(amt)))
    return tuple(rechte)
