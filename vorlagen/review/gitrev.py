"""Reads the data folder as it was at a git revision, without touching the working tree."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE

from vorlagen.core.fmt import speichergroesse, zahl
from vorlagen.core.limits import MAX_DATENORDNER, MAX_NAMEN
from vorlagen.core.problems import FehltHier, Paths, Problem
from vorlagen.core.reads import MAX_DATEI
from vorlagen.review import revisionspfade
from vorlagen.review.revisionspfade import Unlesbar

STUECK = 1024 * 1024  # bytes of a blob copied at a time
GIT_FEHLT = (
    "git ist auf diesem Rechner nicht installiert (oder nicht im Suchpfad PATH) – „vergleichen“ liest die Fassungen "
    "aus git; installieren Sie git (Debian und Ubuntu: sudo apt install git; Windows: Git für Windows) und rufen "
    "Sie den Befehl dann erneut auf."
)
MAX_VERWEIS = 4096  # bytes of a link's target as git stores it (a path; the systems allow at most 4096)
# a new file, never through a name that is there already, never following a link
NEU = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
KANDIDATEN = 200  # commits before a day looked at for the newest (history out of date order: the newest of these)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True)


class OhneGeschichte(Exception):
    """git cannot tell how a folder stood before a day; the German reason (a clause) is the message."""


@dataclass(frozen=True)
class Commit:
    sha: str
    tag: dt.date  # its committer date, in the zone it was made in

    @property
    def kurz(self) -> str:
        return self.sha[:7]


def _gefragt(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """git run for a question about the history; OhneGeschichte when git cannot be run at all."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        raise OhneGeschichte("git lässt sich auf diesem Rechner nicht aufrufen (nicht installiert?)") from None


def letzter_vor(ordner: Path, tag: dt.date) -> tuple[Path, Commit]:
    """The root of the repository `ordner` lies in and the newest commit of HEAD's history dated (committer date, in
    its own zone) before `tag`; OhneGeschichte with the reason when there is none."""
    top = _gefragt(["rev-parse", "--show-toplevel"], ordner)
    if top.returncode != 0:
        raise OhneGeschichte("der Datenordner liegt in keinem git-Repository")
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    # a day later in UTC bounds every zone's day before `tag`; the exact day is compared below, in the commit's zone
    grenze = f"{(tag + dt.timedelta(days=1)).isoformat()} 12:00:00 +0000"
    log = _gefragt(["log", f"--max-count={KANDIDATEN}", f"--before={grenze}", "--format=%H %cI", "HEAD"], root)
    commits = []
    for line in log.stdout.decode("ascii", "replace").splitlines() if log.returncode == 0 else []:
        sha, _, datum = line.partition(" ")
        zeit = dt.datetime.fromisoformat(datum)
        if zeit.date() < tag:
            commits.append((zeit, Commit(sha, zeit.date())))
    if not commits:
        raise OhneGeschichte(f"das git-Repository hat keinen Commit vor dem {tag.strftime('%d.%m.%Y')}")
    return root, max(commits, key=lambda c: c[0])[1]


def unveraendert_seit(root: Path, commit: Commit, ordner: Path) -> bool:
    """Whether `ordner` (inside `root`) is as `commit` left it: no later commit and no change in the working tree
    touched its files, and no data file lies in it that git does not hold."""
    relative = ordner.resolve().relative_to(root.resolve()).as_posix()
    diff = _gefragt(["diff", "--quiet", commit.sha, "--", relative], root)
    if diff.returncode not in (0, 1):
        raise OhneGeschichte(f"git kann {relative}/ nicht mit dem Commit {commit.kurz} vergleichen")
    # a data file git does not hold – new, or ignored – is no state of the history, whatever git ignores
    neu = _gefragt(["ls-files", "-z", "--others", "--", relative], root)
    fremd = [n for n in neu.stdout.split(b"\0") if n.lower().endswith((b".yaml", b".yml"))]
    return diff.returncode == 0 and neu.returncode == 0 and not fremd


def eingecheckt(root: Path, commit: Commit, ordner: Path) -> bool:
    """Whether `commit` holds files below `ordner` (inside `root`)."""
    relative = ordner.resolve().relative_to(root.resolve()).as_posix()
    listing = _gefragt(["ls-tree", "-r", "--name-only", commit.sha, "--", relative], root)
    return listing.returncode == 0 and bool(listing.stdout.strip())


def _git_input(args: list[str], cwd: Path, data: bytes) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=True).stdout


def datei_bei(ordner: Path, rev: str, path: Path, grenze: int = MAX_DATEI) -> bytes | None:
    """The bytes of the file `path` (inside the git repository of `ordner`) as of `rev`; None where it has none
    there. Unlesbar when it is larger than `grenze` – its size asked of git before it is read."""
    top = _git(["rev-parse", "--show-toplevel"], ordner)
    if top.returncode != 0:
        return None
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    objekt = _git(["rev-parse", "--verify", "--quiet", f"{rev}:{relative}"], root).stdout.strip()  # fixed from here
    if not objekt or _git(["cat-file", "-t", objekt.decode()], root).stdout.strip() != b"blob":
        return None
    groesse = _git(["cat-file", "-s", objekt.decode()], root)
    if int(groesse.stdout) > grenze:
        raise Unlesbar(
            f"In Revision „{rev}“ ist „{relative}“ {zahl(int(groesse.stdout))} Bytes groß – mehr als "
            f"{zahl(grenze)} Bytes liest vorlagen davon nicht, auch nicht aus git; verkleinern Sie die Datei in "
            "einem neuen Commit und vergleichen Sie mit ihm."
        )
    shown = _git(["cat-file", "blob", objekt.decode()], root)
    return shown.stdout if shown.returncode == 0 else None


@dataclass(frozen=True)
class _Eintrag:
    """A file of a revision as git lists it: mode, object, size (from the listing, before it is read) and path."""

    mode: bytes
    sha: bytes
    groesse: int
    name: str

    @property
    def link(self) -> bool:
        return self.mode == b"120000"


def extract(data_dir: Path, rev: str, target: Path, paths: Paths) -> tuple[Path | None, list[Problem]]:
    """Writes `data_dir` as of `rev` below `target` (a folder that is not there yet: it is made new, and nothing
    written below it is a link); the extracted data folder, or None and why not. FehltHier when this machine has no
    git."""
    if shutil.which("git") is None:
        raise FehltHier(GIT_FEHLT)
    data_dir = data_dir.resolve()
    try:
        root, relative = _wurzel_und_revision(data_dir, rev)
        eintraege = _blobs(root, rev, relative)
        target = target.resolve()
        target.mkdir()
        _auspacken(root, rev, eintraege, target)
    except Unlesbar as error:
        return None, [Problem(paths.where(data_dir), str(error))]
    return target / relative, []


def _wurzel_und_revision(data_dir: Path, rev: str) -> tuple[Path, str]:
    """The root of the repository `data_dir` lies in and the data folder's path in it; Unlesbar when there is no
    repository or no such revision."""
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if top.returncode != 0:
        raise Unlesbar("Der Datenordner liegt in keinem git-Repository – „vergleichen“ vergleicht Fassungen aus git.")
    root = Path(top.stdout.decode().strip())
    relative = data_dir.relative_to(root).as_posix() or "."
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise Unlesbar(
            f"Die Revision „{rev}“ gibt es nicht – nennen Sie einen Commit, Branch oder Tag (z. B. HEAD~1 oder main)."
        )
    return root, relative


def _blobs(root: Path, rev: str, relative: str) -> list[_Eintrag]:
    """Every file of the data folder at `rev` with its mode, object and size; Unlesbar when the folder is not there
    yet, a path could reach outside, or a file (or all together) is larger than vorlagen reads – sizes from git's
    listing, before any blob is read."""
    # read the tree and its blobs as stored: `git archive` would let the revision's .gitattributes hide files
    # (export-ignore) and run filters of the user's git config on them; ls-tree and cat-file apply neither
    listing = _git(["ls-tree", "-r", "-z", "-l", rev, "--", relative], root)
    zeilen = [line.split(b"\t", 1) for line in listing.stdout.split(b"\0") if line]
    if listing.returncode != 0 or not zeilen:
        raise Unlesbar(f"In Revision „{rev}“ gibt es den Datenordner „{relative}“ noch nicht.")
    if len(zeilen) > MAX_NAMEN:
        raise Unlesbar(
            f"In Revision „{rev}“ hat der Datenordner mehr als {zahl(MAX_NAMEN)} Dateien – so viele liest "
            "vorlagen nicht; verkleinern Sie den Datenordner in einem neuen Commit und vergleichen Sie mit ihm."
        )
    eintraege = []
    for meta, name in zeilen:
        mode, art, sha, groesse = meta.split()
        if art == b"blob":
            eintraege.append(_Eintrag(mode, sha, int(groesse), name.decode("utf-8", "surrogateescape")))
    revisionspfade.pruefen(rev, [e.name for e in eintraege])
    for eintrag in eintraege:
        grenze = MAX_VERWEIS if eintrag.link else MAX_DATEI
        if eintrag.groesse > grenze:
            raise Unlesbar(
                f"In Revision „{rev}“ ist „{eintrag.name}“ {speichergroesse(eintrag.groesse)} groß – Dateien "
                f"über {speichergroesse(MAX_DATEI)} liest vorlagen nicht, auch nicht aus git; verkleinern Sie die "
                "Datei in einem neuen Commit und vergleichen Sie mit ihm."
            )
    if sum(e.groesse for e in eintraege) > MAX_DATENORDNER:
        raise Unlesbar(
            f"In Revision „{rev}“ ist der Datenordner zusammen größer als {speichergroesse(MAX_DATENORDNER)} – so "
            "viel liest vorlagen nicht; verkleinern Sie den Datenordner in einem neuen Commit und vergleichen Sie mit "
            "ihm."
        )
    return eintraege


def _auspacken(root: Path, rev: str, eintraege: list[_Eintrag], target: Path) -> None:
    """Writes each file below `target` (a folder this run made, holding no link) as git stores it; a link of the
    revision becomes a copy of the file it names inside the data folder, any other link is Unlesbar. No link is
    ever made or followed: each file is created new, never through an existing name."""
    with subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=PIPE, stdout=PIPE) as batch:
        assert batch.stdin is not None and batch.stdout is not None
        try:
            verweise = {e.name: _lesen(batch, e).decode("utf-8", "surrogateescape") for e in eintraege if e.link}
            dateien = {e.name: e for e in eintraege if not e.link}
            quelle = {name: revisionspfade.ziel(rev, name, verweise, dateien) for name in verweise}
            kopien = sum(dateien[q].groesse for q in quelle.values())
            if kopien + sum(e.groesse for e in dateien.values()) > MAX_DATENORDNER:
                raise Unlesbar(
                    f"In Revision „{rev}“ ist der Datenordner mit den Dateien, auf die seine Verknüpfungen zeigen, "
                    f"größer als {speichergroesse(MAX_DATENORDNER)} – so viel liest vorlagen nicht; verkleinern Sie "
                    "ihn in einem neuen Commit und vergleichen Sie mit ihm."
                )
            namen: dict[str, list[str]] = {name: [name] for name in dateien}  # a file, and the links to it
            for link, datei in quelle.items():
                namen[datei].append(link)
            for eintrag in dateien.values():
                _blob_schreiben(batch, eintrag, [target.joinpath(*n.split("/")) for n in namen[eintrag.name]])
        finally:
            batch.stdin.close()
            batch.kill()


def _lesen(batch: subprocess.Popen, eintrag: _Eintrag) -> bytes:
    """The whole (small, checked) content of one blob."""
    assert batch.stdin is not None and batch.stdout is not None
    _kopf(batch, eintrag)
    inhalt = batch.stdout.read(eintrag.groesse)
    batch.stdout.read(1)  # the line feed after each object
    return inhalt


def _kopf(batch: subprocess.Popen, eintrag: _Eintrag) -> None:
    """Asks git for the blob of `eintrag` and reads the head of its answer: the object listed, of the size listed."""
    assert batch.stdin is not None and batch.stdout is not None
    batch.stdin.write(eintrag.sha + b"\n")
    batch.stdin.flush()
    kopf = batch.stdout.readline().split()
    if len(kopf) != 3 or kopf[1] != b"blob" or int(kopf[2]) != eintrag.groesse:
        raise OSError("git cat-file lieferte nicht das gelistete Objekt")


def _blob_schreiben(batch: subprocess.Popen, eintrag: _Eintrag, paths: list[Path]) -> None:
    """The blob of `eintrag` into new files at `paths` (its own and those of links to it), in pieces: a large blob
    never sits in memory whole."""
    assert batch.stdin is not None and batch.stdout is not None
    _kopf(batch, eintrag)
    outs = []
    try:
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
            outs.append(os.fdopen(os.open(path, NEU, 0o644), "wb"))
        left = eintrag.groesse
        while left:
            piece = batch.stdout.read(min(left, STUECK))
            if not piece:
                raise OSError("git cat-file endete vorzeitig")
            for out in outs:
                out.write(piece)
            left -= len(piece)
    finally:
        for out in outs:
            out.close()
    batch.stdout.read(1)  # the line feed after each object
