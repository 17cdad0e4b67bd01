"""The library versions vorlagen is tested with, and a warning when an installed one that changes the PDFs differs."""

from __future__ import annotations

import functools
import os
import re
import sys

# Every pin of requirements.lock (tests/core/test_versions.py checks that both agree): the same versions give
# byte-identical PDFs. Update both together, deliberately, and re-run the tests.
TESTED = {
    "anyio": "4.16.0",
    "argcomplete": "3.7.2",
    "argon2-cffi": "25.1.0",
    "argon2-cffi-bindings": "26.2.0",
    "babel": "2.18.0",
    "blinker": "1.9.0",
    "brotli": "1.2.1",
    "cffi": "2.1.1",
    "click": "8.5.1",
    "cryptography": "50.0.2",
    "cssselect2": "0.10.1",
    "filelock": "4.2.11",
    "flask": "3.1.3",
    "fonttools": "4.68.0",
    "idna": "3.20",
    "itsdangerous": "2.2.0",
    "jinja2": "3.1.6",
    "joserfc": "1.8.0",
    "lxml": "6.1.3",
    "markdown-it-py": "4.3.0",
    "markupsafe": "3.0.4",
    "mdurl": "0.1.2",
    "pillow": "13.0.0",
    "platformdirs": "4.14.7",
    "pycparser": "3.12",
    "pydyf": "0.13.0",
    "pypdf": "7.1.0",
    "pyphen": "0.18.1",
    "python-docx": "1.2.0",
    "pyyaml": "6.0.3",
    "ruamel.yaml": "0.19.1",
    "tinycss2": "1.5.1",
    "tinyhtml5": "2.1.0",
    "typing-extensions": "4.16.0",
    "tzdata": "2026.6",
    "waitress": "3.0.2",
    "watchfiles": "1.3.0",
    "weasyprint": "70.0",
    "webencodings": "0.6.1",
    "werkzeug": "3.1.9",
    "zopfli": "0.4.3",
}

# The libraries whose version changes the PDFs (layout, hyphenation, fonts, file structure), with their names
PDF_LIBRARIES = {
    "weasyprint": "WeasyPrint",
    "pydyf": "pydyf",
    "fonttools": "fontTools",
    "pyphen": "Pyphen",
    "pypdf": "pypdf",
}
# shown by `vorlagen --version` after them: the libraries vorlagen uses directly
DIRECT = {
    "jinja2": "Jinja2",
    "markdown-it-py": "markdown-it-py",
    "pyyaml": "PyYAML",
    "babel": "Babel",
    "python-docx": "python-docx",
    "filelock": "filelock",
}


def installed(name: str) -> str | None:
    """The installed version of a distribution, None when it is not installed."""
    found = _dist_info().get(_normal(name))
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version  # slow to import (~50 ms): only when needed

    try:
        return version(name)
    except PackageNotFoundError:
        return None


@functools.cache
def _dist_info() -> dict[str, str]:
    """Versions from the names of the `NAME-VERSION.dist-info` folders on sys.path, the first one winning as for
    imports: what importlib.metadata reads, without its cost at every command's start."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info"):
                name, _, number = entry.removesuffix(".dist-info").partition("-")
                found.setdefault(_normal(name), number)
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def drift() -> list[str]:
    """A German warning for every library that changes the PDFs whose installed version is not the tested one."""
    warnings = []
    for name, shown in PDF_LIBRARIES.items():
        have, tested = installed(name), TESTED[name]
        if have != tested:
            warnings.append(
                f"Warnung: {shown} {have or '(nicht gefunden)'} ist installiert, getestet ist {shown} "
                f"{tested} – die PDF-Dateien können von denen der getesteten Fassung abweichen (gleiche "
                f"Quellen, andere Dateien); installieren Sie die getestete mit „pip install "
                f"{name}=={tested}“ (im Repository von vorlagen: ./bauen.sh, unter Windows .\\bauen.cmd)."
            )
    return warnings


def warn_of_drift() -> None:
    """Prints the warnings of drift() on stderr."""
    for warning in drift():
        print(warning, file=sys.stderr)


def version_text(program: str) -> str:
    """`vorlagen --version`: the program's version and the tested library versions beside the installed ones."""
    lines = [
        program,
        f"Python {sys.version.split()[0]}",
        "Bibliotheken (getestet mit; abweichend installierte in Klammern):",
    ]
    for name, shown in {**PDF_LIBRARIES, **DIRECT}.items():
        have, tested = installed(name), TESTED[name]
        differs = "" if have == tested else f" (installiert: {have or 'nicht gefunden'})"
        lines.append(f"  {shown} {tested}{differs}")
    return "\n".join(lines) + "\n"
