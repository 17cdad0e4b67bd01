"""Reads the data folder as it was at a git revision, without touching the working tree."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE

from vorlagen.core.problems import FehltHier, Paths, Problem
from vorlagen.core.reads import MAX_DATEI

STUECK = 1024 * 1024  # bytes of a blob copied at a time
GIT_FEHLT = (
    "git ist auf diesem Rechner nicht installiert (oder nicht im Suchpfad PATH) – „vergleichen“ liest die Fassungen "
    "aus git; installieren Sie git (Debian und Ubuntu: sudo apt install git; Windows: Git für Windows) und rufen "
    "Sie den Befehl dann erneut auf."
)
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


def datei_bei(ordner: Path, rev: str, path: Path) -> bytes | None:
    """The bytes of the file `path` (inside the git repository of `ordner`) as of `rev`; None where it has none
    there or is larger than any file vorlagen reads."""
    top = _git(["rev-parse", "--show-toplevel"], ordner)
    if top.returncode != 0:
        return None
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    shown = _git(["cat-file", "blob", f"{rev}:{relative}"], root)
    return shown.stdout if shown.returncode == 0 and len(shown.stdout) <= MAX_DATEI else None


class _Unlesbar(Exception):
    """Why the data folder of a revision is not read: the German message."""


def extract(data_dir: Path, rev: str, target: Path, paths: Paths) -> tuple[Path | None, list[Problem]]:
    """Writes `data_dir` as of `rev` below `target`; the extracted data folder, or None and why not. FehltHier when
    this machine has no git."""
    if shutil.which("git") is None:
        raise FehltHier(GIT_FEHLT)
    data_dir = data_dir.resolve()
    try:
        root, relative = _wurzel_und_revision(data_dir, rev)
        blobs = _blobs(root, rev, relative)
        target = target.resolve()
        _auspacken(root, rev, blobs, target)
    except _Unlesbar as error:
        return None, [Problem(paths.where(data_dir), str(error))]
    return target / relative, []


def _wurzel_und_revision(data_dir: Path, rev: str) -> tuple[Path, str]:
    """The root of the repository `data_dir` lies in and the data folder's path in it; _Unlesbar when there is no
    repository or no such revision."""
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if top.returncode != 0:
        raise _Unlesbar("Der Datenordner liegt in keinem git-Repository – „vergleichen“ vergleicht Fassungen aus git.")
    root = Path(top.stdout.decode().strip())
    relative = data_dir.relative_to(root).as_posix() or "."
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise _Unlesbar(
            f"Die Revision „{rev}“ gibt es nicht – nennen Sie einen Commit, Branch oder Tag (z. B. HEAD~1 oder main)."
        )
    return root, relative


def _blobs(root: Path, rev: str, relative: str) -> list[tuple[bytes, bytes, str]]:
    """(mode, object, path) of every file of the data folder at `rev`; _Unlesbar when the folder is not there yet or
    a file is larger than any vorlagen reads."""
    # read the tree and its blobs as stored: `git archive` would let the revision's .gitattributes hide files
    # (export-ignore) and run filters of the user's git config on them; ls-tree and cat-file apply neither
    listing = _git(["ls-tree", "-r", "-z", rev, "--", relative], root)
    entries = [line.split(b"\t", 1) for line in listing.stdout.split(b"\0") if line]
    if listing.returncode != 0 or not entries:
        raise _Unlesbar(f"In Revision „{rev}“ gibt es den Datenordner „{relative}“ noch nicht.")
    blobs = [
        (meta.split()[0], meta.split()[2], name.decode("utf-8", "surrogateescape"))
        for meta, name in entries
        if meta.split()[1] == b"blob"
    ]
    sizes = _git_input(["cat-file", "--batch-check"], root, b"".join(sha + b"\n" for _, sha, _ in blobs)).split()
    for (_, _, name), groesse in zip(blobs, sizes[2::3]):
        if int(groesse) > MAX_DATEI:
            raise _Unlesbar(
                f"In Revision „{rev}“ ist „{name}“ {int(groesse) // (1024 * 1024)} MB groß – Dateien über "
                f"{MAX_DATEI // (1024 * 1024)} MB liest vorlagen nicht, auch nicht aus git; verkleinern Sie die "
                "Datei in einem neuen Commit und vergleichen Sie mit ihm."
            )
    return blobs


def _auspacken(root: Path, rev: str, blobs: list[tuple[bytes, bytes, str]], target: Path) -> None:
    """Writes each file below `target` as git stores it, then the links; _Unlesbar (and nothing more written) at the
    first link that points outside."""
    links: list[tuple[Path, str]] = []
    with subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=PIPE, stdout=PIPE) as batch:
        assert batch.stdin is not None and batch.stdout is not None
        for mode, sha, name in blobs:
            path = (
                (target / name).resolve() if mode != b"120000" else (target / name).parent.resolve() / Path(name).name
            )
            batch.stdin.write(sha + b"\n")
            batch.stdin.flush()
            size = int(batch.stdout.readline().split()[2])
            link = None
            if mode == b"120000":
                link = batch.stdout.read(size).decode("utf-8", "surrogateescape")
                batch.stdout.read(1)
            if not path.is_relative_to(target) or (
                link is not None
                and (Path(link).is_absolute() or not (path.parent / link).resolve().is_relative_to(target))
            ):
                batch.kill()
                raise _Unlesbar(
                    f"In Revision „{rev}“ zeigt „{name}“ außerhalb des Projekts (Verknüpfung mit absolutem Pfad "
                    "oder ../) – „vergleichen“ liest solche Fassungen nicht; entfernen Sie die Verknüpfung in git."
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            if link is not None:
                links.append((path, link))
                continue
            _blob_schreiben(batch.stdout, path, size)
            batch.stdout.read(1)  # the line feed after each object
        batch.stdin.close()
    _make_links(links)


def _blob_schreiben(stream, path: Path, size: int) -> None:
    """The next `size` bytes of git's output into the file `path`, in pieces: a large blob never sits in memory
    whole."""
    with path.open("wb") as out:
        left = size
        while left:
            piece = stream.read(min(left, STUECK))
            if not piece:
                raise OSError("git cat-file endete vorzeitig")
            out.write(piece)
            left -= len(piece)


def _make_links(links: list[tuple[Path, str]]) -> None:
    """The revision's links (checked to stay inside it), as links where the system lets us make them; else – on
    Windows without the right to make links – as copies of what they point at, links to links in as many passes."""
    copies = []
    for path, link in links:
        try:
            path.symlink_to(link)
        except (OSError, NotImplementedError):
            copies.append((path, link))
    while copies:
        left = []
        for path, link in copies:
            source = path.parent / link
            if source.is_dir():
                shutil.copytree(source, path)
            elif source.is_file():
                shutil.copyfile(source, path)
            else:
                left.append((path, link))  # its target is a link not yet copied, or missing (as a dangling link)
        if len(left) == len(copies):
            return
        copies = left
