"""The data repository's git: every save a commit by the person who made it (author and committer from the
sign-in, never a shared technical user), and who last changed a file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from vorlagen.server.rechte import Person

ZEIT = 60  # seconds a git command may take


class GitFehler(Exception):
    """git refused: the message in German for the page."""


def _git(wurzel: Path, *args: str, env: dict | None = None, ok: tuple[int, ...] = (0,)) -> str:
    try:
        ergebnis = subprocess.run(
            ["git", "-C", str(wurzel), "-c", "commit.gpgsign=false", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=ZEIT,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        raise GitFehler("git antwortet nicht (nicht installiert oder blockiert) – fragen Sie die IT.") from None
    if ergebnis.returncode not in ok:
        raise GitFehler(
            f"git hat den Schritt abgelehnt (git {args[0]}, Rückgabe {ergebnis.returncode}) – fragen "
            "Sie die IT; die Dateien sind gespeichert, der Commit fehlt."
        )
    return ergebnis.stdout


def kopf(wurzel: Path) -> str:
    """The commit HEAD names („“ before the first commit, or when git does not answer)."""
    try:
        return _git(wurzel, "rev-parse", "--verify", "--quiet", "HEAD").strip()
    except GitFehler:
        return ""


def ist_repository(wurzel: Path) -> bool:
    try:
        return _git(wurzel, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitFehler:
        return False


def einchecken(wurzel: Path, dateien: list[Path], person: Person, nachricht: str) -> str:
    """Commits exactly these files as the person; the commit's id."""
    namen = [os.path.relpath(d, wurzel) for d in dateien]
    _git(wurzel, "add", "--", *namen)
    _git(wurzel, "commit", "--quiet", "--no-verify", "-m", nachricht, "--", *namen, env=_als(person))
    return _git(wurzel, "rev-parse", "HEAD").strip()


def _als(person: Person) -> dict[str, str]:
    """Author and committer: the person signed in."""
    return {
        "GIT_AUTHOR_NAME": person.anzeigename,
        "GIT_AUTHOR_EMAIL": person.email,
        "GIT_COMMITTER_NAME": person.anzeigename,
        "GIT_COMMITTER_EMAIL": person.email,
    }


def zuletzt_von(wurzel: Path, datei: Path) -> str:
    """Who last committed the file („Name <e-mail>“), or a word that says it is not committed."""
    name = os.path.relpath(datei, wurzel)
    try:
        if _git(wurzel, "status", "--porcelain", "--", name).strip():
            return "jemand außerhalb des Servers (nicht eingecheckt)"
        wer = _git(wurzel, "log", "-1", "--format=%an <%ae>", "--", name).strip()
    except GitFehler:
        wer = ""
    return wer or "jemand außerhalb des Servers (nicht eingecheckt)"


def holen(wurzel: Path, remote: str, person: Person) -> str:
    """Brings in the commits of the remote's branch: when they only add to this one, by moving forward; when both
    sides have commits of their own that touch different lines, by a merge commit of `person` (whose page or save
    asked for the pull) that is sent back at once. Each changed file is written through core/schreibvorgang (never
    over a file changed here since), then HEAD and the index moved. "" when done or nothing to do, else why not
    (German, for the service's log)."""
    zweig = _git(wurzel, "symbolic-ref", "--short", "HEAD").strip()
    _git(wurzel, "fetch", "--quiet", remote, zweig)
    neu = _git(wurzel, "rev-parse", "FETCH_HEAD").strip()
    if neu == _git(wurzel, "rev-parse", "HEAD").strip():
        return ""
    try:
        _git(wurzel, "merge-base", "--is-ancestor", "HEAD", neu)
    except GitFehler:
        try:
            _git(wurzel, "merge-base", "--is-ancestor", neu, "HEAD")
            return ""  # the remote is behind: the next save sends what it lacks
        except GitFehler:
            return _zusammenfuehren(wurzel, remote, neu, person)
    return _vorruecken(wurzel, neu)


def _vorruecken(wurzel: Path, ziel: str) -> str:
    """The working tree, index and HEAD moved to the commit `ziel`, every changed file through the one safe way."""
    from vorlagen.core.schreibvorgang import Aenderung, schreiben, stand_von

    namen = [n for n in _git(wurzel, "diff", "--name-only", "-z", "HEAD", ziel).split("\0") if n]
    aenderungen = [
        Aenderung(wurzel / n, _inhalt(wurzel, ziel, n), stand_von(_inhalt(wurzel, "HEAD", n))) for n in namen
    ]
    problems = schreiben(wurzel, [wurzel], aenderungen)
    if problems:
        return "; ".join(str(p) for p in problems)
    _git(wurzel, "read-tree", ziel)
    _git(wurzel, "update-ref", "HEAD", ziel)
    return ""


def _zusammenfuehren(wurzel: Path, remote: str, neu: str, person: Person) -> str:
    """Both sides have commits of their own: merged by git without touching the working tree (merge-tree), as a
    commit of the person with both as parents, when no line was changed on both sides; else said, and nothing
    changed."""
    ausgabe = _git(wurzel, "merge-tree", "--write-tree", "--no-messages", "--name-only", "HEAD", neu, ok=(0, 1))
    baum, *konflikte = [z for z in ausgabe.splitlines() if z.strip()]
    if konflikte:
        return (
            f"Die Commits von „{remote}“ und die dieses Servers ändern dieselben Zeilen ({', '.join(konflikte)}) – "
            "führen Sie sie mit git zusammen; der Server speichert weiter hier und holt danach wieder."
        )
    nachricht = f"Zusammengeführt: die Commits von „{remote}“ mit denen des Servers (im Browser)"
    zusammen = _git(wurzel, "commit-tree", baum, "-p", "HEAD", "-p", neu, "-m", nachricht, env=_als(person)).strip()
    meldung = _vorruecken(wurzel, zusammen)
    return meldung or senden(wurzel, remote)


def _inhalt(wurzel: Path, stand: str, name: str) -> bytes | None:
    """The bytes of a file in a commit, None when it has none."""
    try:
        ergebnis = subprocess.run(
            ["git", "-C", str(wurzel), "show", f"{stand}:{name}"], capture_output=True, timeout=ZEIT, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        raise GitFehler("git antwortet nicht (nicht installiert oder blockiert) – fragen Sie die IT.") from None
    return ergebnis.stdout if ergebnis.returncode == 0 else None


def senden(wurzel: Path, remote: str) -> str:
    """Pushes this branch to the remote; "" when done, else why not (German, for the service's log)."""
    zweig = _git(wurzel, "symbolic-ref", "--short", "HEAD").strip()
    try:
        _git(wurzel, "push", "--quiet", remote, f"HEAD:refs/heads/{zweig}")
    except GitFehler:
        return (
            f"Der Commit ließ sich nicht an „{remote}“ senden – er ist hier gespeichert; der nächste gelingende "
            "Versand nimmt ihn mit."
        )
    return ""
