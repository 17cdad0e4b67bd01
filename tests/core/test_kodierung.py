"""Bytes that are no UTF-8 are an error naming their line and the encoding they seem to be in – never a text read
wrongly or an empty one (issue 54, point 12)."""

from __future__ import annotations

import pytest

from vorlagen.core.kodierung import NichtUtf8, als_text, vermutlich


def test_utf8_with_and_without_byte_order_mark_is_the_text():
    assert als_text("Büro\n".encode()) == "Büro\n"
    assert als_text("\ufeffBüro\n".encode()) == "Büro\n"


@pytest.mark.parametrize(
    "raw, zeile, kodierung",
    [
        ("Erste Zeile\nZweite: Büro\n".encode("cp1252"), 2, "Windows-1252 (ANSI)"),
        ("Kosten: 12 €\n".encode("cp1252"), 1, "Windows-1252 (ANSI)"),  # the euro sign is 0x80 in Windows-1252
        ("Büro\n".encode("utf-16"), 1, "UTF-16"),
        (b"a\nb\n\x81\x8d\n", 3, None),  # bytes Windows-1252 leaves undefined: no guess
    ],
)
def test_bytes_that_are_no_utf8_name_their_line_and_encoding(raw, zeile, kodierung):
    with pytest.raises(NichtUtf8) as error:
        als_text(raw)
    assert (error.value.zeile, error.value.vermutlich) == (zeile, kodierung)
    assert vermutlich(raw) == kodierung
