"""vorlagen: Sitzungsvorlagen als Code."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vorlagen")
except PackageNotFoundError:  # run from a checkout without installing
    __version__ = "0.2.0"
