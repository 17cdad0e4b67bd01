"""A comparison of two revisions, run for a page: in a process of its own (it builds the Vorlage twice, which takes
seconds, and must neither hold the server's save lock nor slow the other users' pages in this process), ended when
it takes longer than its time, and only a few at once – one more is refused with a German message."""

from __future__ import annotations

import multiprocessing
import sys
import tempfile
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from vorlagen.core.fmt import dezimalkomma
from vorlagen.review.vorlagenvergleich import Vorlagenvergleich, vorlage

ZEIT = 90.0  # seconds a comparison may take
GLEICHZEITIG = 2  # comparisons at once
_plaetze = threading.BoundedSemaphore(GLEICHZEITIG)

ZU_LANG = (
    "Der Vergleich hat länger als {sekunden} Sekunden gedauert und wurde abgebrochen – vergleichen Sie zwei "
    "Fassungen, die näher beieinanderliegen, oder versuchen Sie es später noch einmal, wenn der Server weniger zu "
    "tun hat."
)
BELEGT = (
    "Gerade laufen schon {anzahl} Vergleiche auf dem Server – versuchen Sie es in einer Minute noch einmal "
    "(die Adresse bleibt gültig)."
)
ABGESTUERZT = (
    "Der Vergleich ist mit einem Fehler abgebrochen – versuchen Sie es noch einmal; bleibt der Fehler, nennen Sie "
    "der IT die Uhrzeit (das Protokoll des Dienstes sagt, was geschah)."
)


class Abgebrochen(Exception):
    """The comparison did not run to its end: the German message for the page."""


def _lauf(sender: Connection, data: Path, alt: str, neu: str, ordner: str, einstellungen: Path, tmp: Path) -> None:
    """The comparison in the child process; its result (or nothing, when it fails) sent back."""
    try:
        sender.send(vorlage(data, alt, neu, ordner, einstellungen, tmp))
    finally:
        sender.close()


def vergleichen(
    data: Path, alt: str, neu: str, ordner: str, einstellungen: Path, sekunden: float = ZEIT
) -> Vorlagenvergleich:
    """review/vorlagenvergleich.vorlage in a process of its own, bounded by `sekunden`; Abgebrochen when it took longer,
    failed, or GLEICHZEITIG comparisons run already."""
    if not _plaetze.acquire(blocking=False):
        raise Abgebrochen(BELEGT.format(anzahl=GLEICHZEITIG))
    try:
        with tempfile.TemporaryDirectory(prefix="vorlagen-vergleich-") as tmp:
            return _im_prozess((data, alt, neu, ordner, einstellungen, Path(tmp)), sekunden)
    finally:
        _plaetze.release()


def _im_prozess(args: tuple, sekunden: float) -> Vorlagenvergleich:
    """The comparison in a spawned process, ended after `sekunden`."""
    kontext = multiprocessing.get_context("spawn")  # a fresh process: the server's threads are not copied
    empfang, sender = kontext.Pipe(duplex=False)
    prozess = kontext.Process(target=_lauf, args=(sender, *args), name="vorlagen-vergleich", daemon=True)
    prozess.start()
    sender.close()
    try:
        if not empfang.poll(sekunden):
            raise Abgebrochen(ZU_LANG.format(sekunden=dezimalkomma(f"{sekunden:g}")))
        try:
            return empfang.recv()
        except (EOFError, OSError):
            print("Ein Vergleich ist abgebrochen (siehe oben).", file=sys.stderr, flush=True)
            raise Abgebrochen(ABGESTUERZT) from None
    finally:
        empfang.close()
        if prozess.is_alive():
            prozess.kill()
        prozess.join(timeout=10)
