"""What WeasyPrint says about this machine rather than about the document: a library it falls back from
(HarfBuzz-Subset → fontTools). Such a notice never fails a document (docs/entwicklung/grundsaetze.md, Grundsatz 20);
the command says it once, in German, and `vorlagen --version` names it. Everything else WeasyPrint warns about is the
document's (render/pdf.py).

A notice is known by the template of WeasyPrint's log message (record.msg, before its values are put in), so that
the font's name in it does not matter; a WeasyPrint that words it otherwise fails a test (tests/render/test_maschine.py)
before it fails a user's build."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from vorlagen.core.problems import FehltHier

HARFBUZZ_SUBSET = "harfbuzz-subset"
HARFBUZZ_VECTOR = "harfbuzz-vector"

# WeasyPrint's message templates (its module pdf/fonts) → what the machine lacks
VORLAGEN = {
    'Using fontTools instead of HarfBuzz-Subset for font "%s". This will be unsupported in future versions of '
    "WeasyPrint. Please install HarfBuzz-Subset >= 4.1.0 with your package manager.": HARFBUZZ_SUBSET,
    "Please install HarfBuzz version 13+ with harfbuzz-vector to display %s COLR emoji fonts.": HARFBUZZ_VECTOR,
}

# what is missing, what follows from it, what to do
FEHLT = {
    HARFBUZZ_SUBSET: (
        "die Bibliothek HarfBuzz-Subset",
        "WeasyPrint bettet die Schriften mit fontTools ein, etwas langsamer; die Seiten sehen gleich aus, die "
        "PDF-Dateien haben aber andere Bytes als auf einem Rechner mit ihr",
        "installieren Sie sie, wenn Sie können (Debian und Ubuntu: sudo apt install libharfbuzz-subset0)",
    ),
    HARFBUZZ_VECTOR: (
        "HarfBuzz 13 mit harfbuzz-vector",
        "farbige Schriften (COLR, etwa Emoji) erscheinen ohne ihre Farben",
        "installieren Sie eine neuere HarfBuzz, wenn ein Dokument sie braucht",
    ),
}

# the one line of a command that needs PDFs on a machine without Pango (as `vorlagen --version` says it)
PANGO_FEHLT = (
    "Diesem Rechner fehlt die Bibliothek Pango – ohne sie setzt WeasyPrint keine PDF-Dateien; installieren Sie sie, "
    "wie die Anleitung „Installation“ des Handbuchs sagt (Debian und Ubuntu: sudo apt install libpango-1.0-0)."
)

_bemerkt: set[str] = set()  # what this process noticed since it last handed it on


def weasyprint_laden() -> None:
    """Imports WeasyPrint (render/libraries.py); where this machine lacks Pango, FehltHier with its one German line –
    WeasyPrint's English banner about it is not printed, and no document is blamed."""
    import contextlib
    import io

    from vorlagen.render.libraries import import_weasyprint

    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import_weasyprint()
    except OSError:  # WeasyPrint: cannot load library 'libpango-1.0-0'
        raise FehltHier(PANGO_FEHLT) from None


def notieren(record: logging.LogRecord) -> bool:
    """Whether a WeasyPrint log record is a notice about the machine; if so, it is kept for the command's line."""
    fehlt = VORLAGEN.get(str(record.msg))
    if fehlt is None:
        return False
    _bemerkt.add(fehlt)
    return True


def genommen() -> tuple[str, ...]:
    """What this process noticed, handed on (a render worker gives it to the command with each result) and forgotten
    here."""
    gesehen = tuple(sorted(_bemerkt))
    _bemerkt.clear()
    return gesehen


def aufnehmen(gesehen: tuple[str, ...]) -> None:
    """What a render worker noticed, kept for the command's line."""
    _bemerkt.update(gesehen)


def zeile(fehlt: tuple[str, ...]) -> str:
    """The one German line for what the machine lacks."""
    teile = [f"{FEHLT[name][0]} – {FEHLT[name][1]}; {FEHLT[name][2]}" for name in fehlt]
    return "Hinweis: Diesem Rechner fehlt " + "; außerdem fehlt ".join(teile) + ". Die Dokumente entstehen trotzdem."


def melden(stream: TextIO | None = None) -> None:
    """Prints the one line for everything noticed during the command (nothing when nothing was) and forgets it."""
    gesehen = genommen()
    if gesehen:
        print(zeile(gesehen), file=stream or sys.stderr)


def fehlende() -> tuple[str, ...]:
    """What this machine's WeasyPrint falls back from in every PDF, asked directly (for `vorlagen --version`; imports
    WeasyPrint). The colour fonts' library is named only when a document uses such a font."""
    from weasyprint.text import ffi

    return () if ffi.harfbuzz_subset is not None and ffi.harfbuzz.hb_version_atleast(4, 1, 0) else (HARFBUZZ_SUBSET,)


def versionstext() -> str:
    """`vorlagen --version`: what this machine gives WeasyPrint – Pango, and whether HarfBuzz-Subset is there."""
    import contextlib
    import io

    from vorlagen.render.libraries import import_weasyprint

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # WeasyPrint prints an English banner when Pango is missing
            import_weasyprint()
        from weasyprint.text import ffi
    except (OSError, ImportError):
        return (
            "Auf diesem Rechner:\n  Pango: nicht gefunden – ohne Pango setzt WeasyPrint keine PDF-Dateien; "
            "installieren Sie es, wie die Anleitung „Installation“ des Handbuchs sagt.\n"
        )
    version = ffi.pango.pango_version()
    pango = f"{version // 10000}.{version // 100 % 100}.{version % 100}"
    _, folge, tun = FEHLT[HARFBUZZ_SUBSET]
    subset = f"fehlt – {folge}; {tun}." if fehlende() else "vorhanden"
    return f"Auf diesem Rechner:\n  Pango {pango}\n  HarfBuzz-Subset: {subset}\n"
