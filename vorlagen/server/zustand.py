"""The server's state beside the data: one embedded SQLite file (accounts, sessions, failed sign-ins, audit log, the
texts forms were opened on, sign-ins begun at the identity provider and the people it named, the steps of each Vorlage's
sign-offs: asked, sent back, signed). The data repository stays the single source of every Vorlage."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS konten (
    name TEXT PRIMARY KEY, anzeigename TEXT NOT NULL, email TEXT NOT NULL, kennwort TEXT NOT NULL,
    rolle TEXT NOT NULL, amt TEXT NOT NULL, angelegt TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sitzungen (
    kennung TEXT PRIMARY KEY, name TEXT NOT NULL, csrf TEXT NOT NULL, angelegt REAL NOT NULL, zuletzt REAL NOT NULL);
CREATE TABLE IF NOT EXISTS fehlversuche (schluessel TEXT NOT NULL, zeit REAL NOT NULL);
CREATE INDEX IF NOT EXISTS fehlversuche_schluessel ON fehlversuche (schluessel, zeit);
CREATE TABLE IF NOT EXISTS protokoll (
    zeit TEXT NOT NULL, person TEXT NOT NULL, ereignis TEXT NOT NULL, vorlage TEXT NOT NULL, commit_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS texte (stand TEXT PRIMARY KEY, text TEXT NOT NULL, zeit REAL NOT NULL);
CREATE TABLE IF NOT EXISTS oidc_anfragen (
    state TEXT PRIMARY KEY, nonce TEXT NOT NULL, verifier TEXT NOT NULL, weiter TEXT NOT NULL, zeit REAL NOT NULL);
CREATE TABLE IF NOT EXISTS entwuerfe (
    kennung TEXT PRIMARY KEY, pfad TEXT NOT NULL, felder TEXT NOT NULL, zeit REAL NOT NULL);
CREATE TABLE IF NOT EXISTS mitzeichnung (
    vorlage TEXT NOT NULL, rolle TEXT NOT NULL, zustand TEXT NOT NULL, person TEXT NOT NULL, anzeigename TEXT NOT NULL,
    zeit TEXT NOT NULL, kommentar TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS personen (
    name TEXT PRIMARY KEY, anzeigename TEXT NOT NULL, email TEXT NOT NULL, gruppen TEXT NOT NULL, zeit REAL NOT NULL);
"""
WARTEN = 10.0  # seconds a write waits for another one (SQLite's own lock)


_FADEN = threading.local()  # each thread's connection: (state file, connection) – one, kept open


def _verbindung(datei: Path) -> sqlite3.Connection:
    """This thread's connection to the state file, opened once and kept: opening costs the tables' check, and the
    last connection to close would fold the journal into the file and remove it (a disk write per request)."""
    kennung = (str(datei.resolve()), datei.stat().st_ino)
    offen = getattr(_FADEN, "offen", None)
    if offen is not None and offen[0] == kennung:
        return offen[1]
    if offen is not None:
        offen[1].close()
        _FADEN.offen = None
    verbindung = sqlite3.connect(datei, timeout=WARTEN, isolation_level=None, check_same_thread=False)
    try:
        verbindung.execute("PRAGMA busy_timeout=10000")
        verbindung.execute("PRAGMA journal_mode=WAL")
        # WAL's own advice: a commit need not wait for the disk; a power cut may take the last ones, never the file
        verbindung.execute("PRAGMA synchronous=NORMAL")
        verbindung.executescript(SCHEMA)
    except BaseException:
        verbindung.close()
        raise
    _FADEN.offen = (kennung, verbindung)
    return verbindung


@contextlib.contextmanager
def verbunden(datei: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the state file, its tables made; committed at the end of the block, rolled back on an error.
    A new file is made readable for the service's user alone (it holds password hashes and session ids); SQLite
    gives its journal files the same rights."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(datei, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    verbindung = _verbindung(datei)
    try:
        verbindung.execute("BEGIN IMMEDIATE")
        try:
            yield verbindung
        except BaseException:
            verbindung.execute("ROLLBACK")
            raise
        verbindung.execute("COMMIT")
    except sqlite3.Error:  # a connection in doubt is not kept
        verbindung.close()
        _FADEN.offen = None
        raise
