"""The per-user cache folder comes from platformdirs, never from the folder a command runs in (issue 37, point 4)."""

from __future__ import annotations

from pathlib import Path

from vorlagen.core import usercache


def test_the_cache_lies_in_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "zwischenspeicher"))
    assert usercache.user_cache() == tmp_path / "zwischenspeicher" / "vorlagen"


def test_a_relative_xdg_cache_home_is_ignored_never_a_folder_of_the_project(monkeypatch, tmp_path):
    """The XDG rules: a relative path in XDG_CACHE_HOME is invalid. Taken as it is, the cache would lie in whatever
    folder the command runs in – a data repository, where a git branch could bring files into it."""
    monkeypatch.setenv("XDG_CACHE_HOME", "relativ/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert usercache.user_cache() == tmp_path / ".cache" / "vorlagen"


def test_what_is_kept_is_read_back_under_its_stamp_only(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    usercache.keep("probe", "stempel-1", ["eins", "zwei"])
    assert (tmp_path / "vorlagen" / "probe").is_file()
    assert usercache.read_kept("probe", "stempel-1", 1000) == ["eins", "zwei"]
    assert usercache.read_kept("probe", "stempel-2", 1000) is None
    assert Path(tmp_path / "vorlagen").is_dir()
