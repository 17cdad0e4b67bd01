"""What `vorlagen neu` and `vorlage neu` share: a user's text checked as a YAML value, and a new folder written whole
or not at all."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from vorlagen.core.problems import BuildFailed, Problem, Where, os_error_reason
from vorlagen.core.speichern import ordner_anlegen


def anlegen(folder: Path, files: dict[str, str], was: str) -> None:
    """Makes the new folder `folder` with these text files, whole or not at all (a full disk leaves nothing);
    `was` names it in the message, e.g. „Das Datenrepository“."""
    try:
        ordner_anlegen(folder, {name: text.encode("utf-8") for name, text in files.items()})
    except OSError as error:
        raise BuildFailed(
            [
                Problem(
                    Where(folder.as_posix()),
                    f"{was} lässt sich nicht anlegen ({os_error_reason(error)}) – prüfen Sie freien "
                    "Speicherplatz und Schreibrechte; angelegt wurde nichts.",
                )
            ]
        ) from None


def text_value(label: str, value: str, limit: int = 200) -> str:
    """A user's text as a YAML scalar that reads back exactly as typed (JSON strings are YAML); a line break, a
    control character or an overlong text is refused in German."""
    if len(value) > limit:
        raise BuildFailed(
            [
                Problem(
                    Where(label),
                    f"„{label}“ hat {len(value)} Zeichen – höchstens {limit} sind vorgesehen; kürzen Sie den Text.",
                )
            ]
        )
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value) or not value.strip():
        raise BuildFailed(
            [
                Problem(
                    Where(label),
                    f"„{label}“ muss eine Zeile Text sein, ohne Zeilenumbruch oder "
                    "Steuerzeichen – geben Sie den Text in Anführungszeichen in einer "
                    "Zeile an.",
                )
            ]
        )
    return json.dumps(value, ensure_ascii=False)
