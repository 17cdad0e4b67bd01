"""Output for any console: a character the console's encoding lacks (→ or − through a cp1252 pipe on Windows,
umlauts on an ASCII terminal) is written as its nearest plain-text form instead of ending the command with a
UnicodeEncodeError."""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

HANDLER = "vorlagen-ersatz"  # the name of the error handler the standard streams use
# what a reader understands where the character itself cannot be shown
PLAIN = {
    "→": "->",
    "←": "<-",
    "−": "-",
    "–": "-",
    "—": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "»": '"',
    "«": '"',
    "…": "...",
    "×": "x",
    "·": "*",
    "≠": "!=",
    "≤": "<=",
    "≥": ">=",
    "≈": "~",
    "±": "+/-",
    "€": "EUR",
    "§": "Par.",
    "°": " Grad",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "ß": "ss",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u00ad": "",
}


def plain(character: str) -> str:
    """The nearest ASCII form of one character: from the table, else its letters without accents, else '?'."""
    if character in PLAIN:
        return PLAIN[character]
    decomposed = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode("ascii")
    return decomposed or "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(plain(c) for c in error.object[error.start : error.end]), error.end


codecs.register_error(HANDLER, _replace)


def safe_streams() -> None:
    """Standard output and error write what their encoding lacks in plain form (see PLAIN)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "replace", "backslashreplace"):
            stream.reconfigure(errors=HANDLER)
