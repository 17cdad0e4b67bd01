"""A Vorlage's history from git: the commits of HEAD's history that touched its folder – who (the name the commit
carries), when, the message –, newest first and bounded; the check of a commit id named in an address before it
reaches a git command (a full hexadecimal commit id of HEAD's history, nothing else); and the link to the history
on the Vorlage's page."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from vorlagen.building.bearbeiten.routen import WURZEL

MAX_EINTRAEGE = 200  # commits a history lists
ZEIT = 30  # seconds a git command of the history may take
COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # a full commit id (SHA-1 or SHA-256), lower case
TRENNER = "\x1f"


class VerlaufFehlt(Exception):
    """git cannot read the history: the German message for the page."""


@dataclass(frozen=True)
class Eintrag:
    """One commit of a Vorlage's history."""

    sha: str
    name: str
    email: str
    zeit: dt.datetime  # its author date, in the zone it was made in
    nachricht: str

    @property
    def kurz(self) -> str:
        return self.sha[:10]

    @property
    def wann(self) -> str:
        return self.zeit.strftime("%d.%m.%Y, %H:%M Uhr")


def _git(wurzel: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", "-C", str(wurzel), "--literal-pathspecs", "--no-pager", *args],
            capture_output=True,
            timeout=ZEIT,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.TimeoutExpired):
        raise VerlaufFehlt("git antwortet nicht (nicht installiert oder blockiert) – fragen Sie die IT.") from None


def _eintraege(ausgabe: bytes) -> list[Eintrag]:
    result = []
    for satz in ausgabe.decode("utf-8", "replace").split("\0"):
        teile = satz.strip("\n").split(TRENNER)
        if len(teile) == 5:
            sha, name, email, zeit, nachricht = teile
            result.append(Eintrag(sha, name, email, dt.datetime.fromisoformat(zeit), nachricht))
    return result


def eintraege(wurzel: Path, ordner: Path, anzahl: int = MAX_EINTRAEGE) -> list[Eintrag]:
    """The commits of HEAD's history that touched `ordner` (a folder inside the repository `wurzel`), newest first,
    at most `anzahl`."""
    relativ = ordner.resolve().relative_to(wurzel.resolve()).as_posix()
    format_ = TRENNER.join(("%H", "%an", "%ae", "%aI", "%s"))
    log = _git(wurzel, "log", "-z", f"--max-count={anzahl}", f"--format={format_}", "HEAD", "--", relativ)
    if log.returncode != 0:
        raise VerlaufFehlt("git kann den Verlauf nicht lesen (ein Repository ohne Commit?) – fragen Sie die IT.")
    return _eintraege(log.stdout)


def eintrag(wurzel: Path, sha: str) -> Eintrag | None:
    """The commit `sha` (checked with `im_verlauf`) as a history lists it."""
    format_ = TRENNER.join(("%H", "%an", "%ae", "%aI", "%s"))
    log = _git(wurzel, "log", "-z", "--max-count=1", f"--format={format_}", sha, "--")
    gefunden = _eintraege(log.stdout) if log.returncode == 0 else []
    return gefunden[0] if gefunden else None


def ist_commit_id(text: str) -> bool:
    """Whether `text` has the form of a full commit id (40 or 64 hexadecimal digits, lower case)."""
    return COMMIT.fullmatch(text) is not None


def im_verlauf(wurzel: Path, sha: str) -> bool:
    """Whether `sha` (a full commit id, ist_commit_id) names a commit of HEAD's history in the repository `wurzel`:
    no other object, no commit of another branch or outside the history."""
    if not ist_commit_id(sha):
        return False
    art = _git(wurzel, "cat-file", "-t", sha)
    if art.returncode != 0 or art.stdout.strip() != b"commit":
        return False
    return _git(wurzel, "merge-base", "--is-ancestor", sha, "HEAD").returncode == 0


def adresse(ordner: str) -> str:
    """The address of a Vorlage's history."""
    return f"{WURZEL}verlauf/{urllib.parse.quote(ordner, safe='')}"


def verweis(html: bytes, ordner: str, zeigen: bool) -> bytes:
    """The Vorlage's page with the link to its history below its heading, for those who may see it."""
    if not zeigen:
        return html
    link = f'<p class="verlauf"><a href="{escape(adresse(ordner))}">Verlauf und Vergleich der Fassungen</a></p>'
    return html.replace(b"</h1>", b"</h1>\n" + link.encode("utf-8"), 1)
