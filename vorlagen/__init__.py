"""vorlagen: Sitzungsvorlagen als Code."""


def __getattr__(name: str) -> str:
    """`__version__` is looked up on first use: importlib.metadata costs every command's start otherwise."""
    if name != "__version__":
        raise AttributeError(f"module 'vorlagen' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("vorlagen")
    except PackageNotFoundError:  # run from a checkout without installing: the version pyproject.toml declares
        import tomllib
        from pathlib import Path

        project = Path(__file__).resolve().parent.parent / "pyproject.toml"
        value = tomllib.loads(project.read_text(encoding="utf-8"))["project"]["version"]
    globals()["__version__"] = value
    return value
