"""Reads the data folder as it was at a git revision, without touching the working tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Paths, Problem


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True)


def extract(data_dir: Path, rev: str, target: Path, paths: Paths) -> Path:
    """Writes `data_dir` as of `rev` below `target`; returns the extracted data folder."""
    data_dir = data_dir.resolve()
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if top.returncode != 0:
        raise BuildFailed([Problem(paths.where(data_dir), "Der Datenordner liegt in keinem git-Repository – "
                                                          "„diff“ vergleicht Fassungen aus git.")])
    root = Path(top.stdout.decode().strip())
    relative = data_dir.relative_to(root).as_posix() or "."
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root).returncode != 0:
        raise BuildFailed([Problem(paths.where(data_dir), f"Die Revision „{rev}“ gibt es nicht – nennen Sie einen "
                                                          "Commit, Branch oder Tag (z. B. HEAD~1 oder main).")])
    archive = _git(["archive", "--format=tar", rev, "--", relative], root)
    if archive.returncode != 0:
        raise BuildFailed([Problem(paths.where(data_dir), f"In Revision „{rev}“ gibt es den Datenordner "
                                                          f"„{relative}“ noch nicht.")])
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        try:
            tar.extractall(target, filter="data")
        except tarfile.FilterError as error:
            name = getattr(error, "tarinfo", None)
            shown = name.name if name is not None else "?"
            raise BuildFailed([Problem(paths.where(data_dir), f"In Revision „{rev}“ zeigt „{shown}“ außerhalb des "
                                                              "Projekts (Verknüpfung mit absolutem Pfad oder ../) – "
                                                              "„diff“ liest solche Fassungen nicht; entfernen Sie die "
                                                              "Verknüpfung in git.")]) from None
    return target / relative
