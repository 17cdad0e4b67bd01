"""A text file's bytes as UTF-8 text, or why not: the line of the first byte that is no UTF-8 and the encoding the
file seems to be in (an old Windows editor saves Windows-1252). Never a guess used as the text – bytes that are
no UTF-8 are an error, never an empty or a wrongly read file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NichtUtf8(ValueError):
    """A file that is not UTF-8: the line of its first byte that is not, and the encoding it seems to be in."""

    zeile: int
    vermutlich: str | None  # None: no guess fits

    def __str__(self) -> str:
        return f"Zeile {self.zeile}: kein UTF-8" + (f" (vermutlich {self.vermutlich})" if self.vermutlich else "")


def als_text(raw: bytes) -> str:
    """`raw` as UTF-8 (a byte order mark is dropped); NichtUtf8 where it is no UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NichtUtf8(raw[: error.start].count(b"\n") + 1, vermutlich(raw)) from None


def vermutlich(raw: bytes) -> str | None:
    """The encoding bytes that are no UTF-8 seem to be in, as editors name it; None when none of these fits."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        return None
    return "Windows-1252 (ANSI)"
