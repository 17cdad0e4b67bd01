"""argparse speaks German: its usage lines, headings and error messages."""

from __future__ import annotations

import argparse

from vorlagen.core.fmt import numerus

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "optional arguments": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "die Programmversion zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "the following arguments are required: %s": "es fehlt: %s",
    "expected one argument": "erwartet einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "invalid choice: %(value)r (choose from %(choices)s)": "„%(value)s“ geht nicht – möglich sind: %(choices)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert „%(value)s“",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option %(option)s: %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s",
    "ignored explicit argument %r": "überflüssiger Wert %r",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "unexpected option string: %s": "unerwartete Option: %s",
    "expected %s argument": "erwartet %s Wert",
    "expected %s arguments": "erwartet %s Werte",
}


def _translate(message: str) -> str:
    return GERMAN.get(message, message)


def _ntranslate(singular: str, plural: str, count: int) -> str:
    return _translate(numerus(count, singular, plural))


def speak_german() -> None:
    """argparse looks its texts up through module-level gettext names at call time; answer in German."""
    vars(argparse).update(_=_translate, ngettext=_ntranslate)
