"""The editing session of one preview: the token every write must carry, and the texts the forms were opened with.

The token is made when the preview starts and lives only in its pages: a page of another origin cannot read it
(the browser keeps pages apart, the server answers only its own host names), so it cannot send a form that writes.
The texts are kept by their hash, so that a form opened on a file that changed since can show what changed.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections import OrderedDict

from vorlagen.core.reads import digest

GEMERKT = 64  # texts kept for showing what changed (the files of the forms open at once, and their drafts)


class Sitzung:
    """Token and remembered texts of one preview; safe for the server's threads."""

    token_im_feld = False  # the preview's forms carry the token in their address, checked before the body is read

    def __init__(self) -> None:
        self.token = secrets.token_urlsafe(32)
        self._texte: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def echt(self, token: str | None) -> bool:
        """Whether a request carries this session's token (compared in constant time)."""
        return token is not None and hmac.compare_digest(token.encode(), self.token.encode())

    def merken(self, text: str | None) -> str:
        """The hash of a file's text as the form shows it („-“: no such file yet); the text is kept for a while."""
        if text is None:
            return "-"
        stand = digest(text.encode("utf-8"))
        with self._lock:
            self._texte[stand] = text
            self._texte.move_to_end(stand)
            while len(self._texte) > GEMERKT:
                self._texte.popitem(last=False)
        return stand

    def text(self, stand: str) -> str | None:
        """A text remembered by its hash; None when it is no longer kept (or there was no file)."""
        with self._lock:
            return self._texte.get(stand)
