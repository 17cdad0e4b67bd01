"""`vorlagen server`: the multi-user service (vorlagen/server/), its configuration and its local accounts.

vorlagen server --config FILE                              start it
vorlagen server konfiguration                              print a configuration for this data repository
vorlagen server konto anlegen NAME --rolle R [--amt A] --config FILE   make (or renew) a local account
vorlagen server erinnern --config FILE                     today's deadline reminders (daily, from a systemd timer)
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from vorlagen.server.rechte import ROLLEN

if TYPE_CHECKING:
    from vorlagen.server.konfiguration import Konfiguration

KONFIGURATION = "vorlagen-server.toml"


def options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "aufgabe",
        nargs="*",
        metavar="AUFGABE",
        help="leer: den Server starten; „konfiguration“; „konto anlegen NAME“; „erinnern“",
    )
    parser.add_argument("--config", type=Path, metavar="DATEI", help="die Konfigurationsdatei des Servers")
    parser.add_argument(
        "--rolle",
        choices=ROLLEN,
        metavar="ROLLE",
        help="die Rolle eines neuen Kontos: Sachbearbeitung, Mitzeichnung, Sitzungsdienst oder Lesen",
    )
    parser.add_argument(
        "--amt", default="", help="das Amt (Sachbearbeitung) oder die Rolle des Hausstils (Mitzeichnung) des Kontos"
    )
    parser.add_argument(
        "--anzeigename", default="", metavar="NAME", help="der volle Name für die Commits (Standard: NAME)"
    )
    parser.add_argument("--email", default="", metavar="ADRESSE", help="die E-Mail-Adresse für die Commits")


def run(args: argparse.Namespace) -> int:
    aufgabe = list(args.aufgabe)
    if aufgabe == ["konfiguration"]:
        return _konfiguration()
    if args.config is None:
        print(
            "Nennen Sie die Konfiguration mit --config DATEI – eine erste gibt „vorlagen server konfiguration“ aus.",
            file=sys.stderr,
        )
        return 2
    from vorlagen.server.konfiguration import Ungueltig, lesen

    try:
        konfiguration = lesen(args.config)
        if aufgabe[:2] == ["konto", "anlegen"] and len(aufgabe) == 3:
            return _konto(konfiguration, aufgabe[2], args)
        if aufgabe == ["erinnern"]:
            from vorlagen.server.erinnerung import ausfuehren

            return ausfuehren(konfiguration)
        if aufgabe:
            print(
                f"Unbekannte Aufgabe „{' '.join(aufgabe)}“ – möglich sind: „konfiguration“, „konto anlegen "
                "NAME“ und „erinnern“; ohne Aufgabe startet der Server.",
                file=sys.stderr,
            )
            return 2
        from vorlagen.server.dienst import starten

        return starten(konfiguration)
    except Ungueltig as fehler:
        print(fehler, file=sys.stderr)
        return 2


def _konfiguration() -> int:
    from vorlagen.load.settings import locate
    from vorlagen.server.muster import freier_port, muster

    repository, problems = locate()
    if repository is None:
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        return 1
    print(muster(repository.root, repository.root / KONFIGURATION, freier_port()), end="")
    return 0


def _konto(konfiguration: Konfiguration, name: str, args: argparse.Namespace) -> int:
    import re

    from vorlagen.server import konten

    if not re.fullmatch(r"[A-Za-z0-9._@-]{1,100}", name):
        print(
            f"Der Kontoname „{name}“ geht nicht – Buchstaben ohne Umlaute, Ziffern, . _ - @, höchstens 100.",
            file=sys.stderr,
        )
        return 2
    if args.rolle is None or (args.rolle in ("Sachbearbeitung", "Mitzeichnung") and not args.amt):
        print("Nennen Sie die Rolle mit --rolle (Sachbearbeitung und Mitzeichnung mit --amt).", file=sys.stderr)
        return 2
    kennwort = _kennwort()
    if len(kennwort) < konten.MIN_LAENGE:
        print(f"Das Kennwort ist kürzer als {konten.MIN_LAENGE} Zeichen – kein Konto angelegt.", file=sys.stderr)
        return 2
    neu = konten.anlegen(
        konfiguration.zustand, name, kennwort, args.rolle, args.amt, args.anzeigename or name, args.email
    )
    was = f"{args.rolle}{f', {args.amt}' if args.amt else ''}"
    print(f"Konto „{name}“ {'angelegt' if neu else 'erneuert'} ({was}).")
    return 0


def _kennwort() -> str:
    """The password: without echo from a terminal (asked twice), else the first line of standard input."""
    if sys.stdin.isatty():
        erstes = getpass.getpass("Kennwort: ")
        if getpass.getpass("Kennwort noch einmal: ") != erstes:
            print("Die beiden Eingaben sind verschieden – kein Konto angelegt.", file=sys.stderr)
            return ""
        return erstes
    return sys.stdin.readline(1024).rstrip("\r\n")
