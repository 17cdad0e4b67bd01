"""The complete, commented configuration `vorlagen server konfiguration` prints for the data repository at hand:
it works as it is (127.0.0.1, a port that was free, local accounts, the state file beside it)."""

from __future__ import annotations

import os
import socket
from pathlib import Path


def freier_port(adresse: str = "127.0.0.1") -> int:
    """A port no program listens on now (the system picks it)."""
    with socket.socket() as probe:
        probe.bind((adresse, 0))
        return int(probe.getsockname()[1])


def muster(repository: Path, datei: Path, port: int) -> str:
    """A complete configuration for this data repository that works as it is (written to `datei`)."""
    relativ = Path(_relativ(repository, datei.parent)).as_posix()
    return MUSTER.format(repository=repository.as_posix(), relativ=relativ, port=port)


def _relativ(ziel: Path, von: Path) -> str:
    try:
        return os.path.relpath(ziel, von)
    except ValueError:  # another drive (Windows)
        return str(ziel)


MUSTER = """\
# Konfiguration von „vorlagen server“ für das Datenrepository {repository}
# Start: vorlagen server --config DIESE-DATEI – die erste Zeile nennt die Adresse.

[server]
# Wo der Server lauscht: 127.0.0.1 ist nur dieser Rechner. Davor steht der Reverse-Proxy mit TLS (Handbuch:
# „Der Server für das ganze Haus“); Port {port} war beim Erzeugen frei.
adresse = "127.0.0.1"
port = {port}
# Die Adresse, die die Benutzer im Browser öffnen. Hinter dem Reverse-Proxy: https://… – dann gehen die
# Anmelde-Cookies nur über TLS. Andere Host- und Origin-Angaben weist der Server ab.
oeffentlich = "http://127.0.0.1:{port}"
# Das Datenrepository (relativ zu dieser Datei): jede Speicherung ist ein git-Commit darin.
datenrepository = "{relativ}"
# Konten, Sitzungen und Protokoll in einer SQLite-Datei (relativ zu dieser Datei) – sichern Sie sie mit.
zustand = "vorlagen-server.sqlite"
# Nach so vielen Minuten ohne Aktivität endet eine Sitzung.
sitzung_minuten = 60
# Das git-Remote (etwa der git-Server der Stadt), von dem der Server vor jeder Seite einer Vorlage und jeder
# Speicherung holt und an das er jeden Commit sendet. Ohne Angabe bleibt alles in diesem Repository.
# remote = "origin"

[anmeldung]
# Lokale Konten: vorlagen server konto anlegen NAME --rolle ROLLE [--amt AMT] --config DIESE-DATEI
lokal = true
# Anmeldung über den Reverse-Proxy (nach Kerberos-Anmeldung): die Kopfzeile mit dem Benutzernamen, geglaubt nur
# von diesen Adressen. Ohne beide Angaben gilt keine solche Kopfzeile.
# proxy_kopf = "X-Remote-User"
# proxys = ["127.0.0.1"]

# Anmeldung über OpenID Connect (Keycloak, ADFS, Entra ID): die Adresse des Anbieters (Issuer), der Client dieses
# Servers dort (Weiterleitung: OEFFENTLICH/anmelden/oidc/zurueck) und die Angaben, die Benutzername und Gruppen tragen.
# [oidc]
# anbieter = "https://anmeldung.stadt.example/realms/rathaus"
# client_id = "vorlagen"
# client_secret = "…"
# benutzer = "preferred_username"
# gruppen = "groups"

# E-Mail über den Mailserver der Stadt: an die Mitzeichnenden, wenn eine Vorlage an ihre Rolle geht, und an die
# Sachbearbeitung, wenn sie zurückkommt. Ohne [post] schickt der Server keine E-Mail.
# [post]
# server = "mail.stadt.example"
# port = 587
# absender = "vorlagen@stadt.example"
# starttls = true

# Weitere Rechte je Person (oder je Gruppe des Identitätsanbieters), zusätzlich zu denen der Konten.
# Rollen: Sachbearbeitung (je federführendem Amt), Mitzeichnung (je Rolle des Hausstils, z. B. Kämmerei),
# Sitzungsdienst, Lesen (nur öffentliche Vorlagen).
# [[recht]]
# person = "mueller"
# rolle = "Sachbearbeitung"
# amt = "KI"
"""
