"""The house's words in a Word file, as the PDF's hyphenation takes them (render/silben.py): a word written with its
breaks gets Word's optional hyphens there (Word then breaks it nowhere else), a word never to be broken is marked as
not to be proofed – Word and LibreOffice do not hyphenate such text. Word's own hyphenation (w:autoHyphenation)
does the rest."""

from __future__ import annotations

import re

from vorlagen.render.silben import SUFFIX, house_points
from vorlagen.render.word.aussehen import Zeichen
from vorlagen.render.word.wml import WEICH, rpr, text

_BUCHSTABE = r"[^\W\d_]"


class Silben:
    def __init__(self, woerter: tuple[str, ...]):
        self.punkte = house_points(woerter)
        names = sorted(self.punkte, key=len, reverse=True)
        self.muster = (
            re.compile(
                rf"(?<!{_BUCHSTABE})(?:{'|'.join(map(re.escape, names))}){_BUCHSTABE}{{0,{SUFFIX}}}(?!{_BUCHSTABE})",
                re.IGNORECASE,
            )
            if names
            else None
        )

    def laeufe(self, value: str, look: Zeichen, basis: Zeichen, stil: str = "") -> str:
        """The runs of one text of one look: the house's words broken as the house breaks them."""
        props = rpr(look, basis, stil=stil)
        if self.muster is None:
            return text(value, props)
        runs, start = [], 0
        for match in self.muster.finditer(value):
            word = match[0]
            points = self._punkte(word)
            if points is None:
                continue
            runs.append(text(value[start : match.start()], props) if match.start() > start else "")
            if points:
                runs.append(text("".join(WEICH + c if i in points else c for i, c in enumerate(word)), props))
            else:
                runs.append(text(word, rpr(look, basis, "<w:noProof/>", stil)))
            start = match.end()
        runs.append(text(value[start:], props) if start < len(value) or not runs else "")
        return "".join(runs)

    def _punkte(self, word: str) -> set[int] | None:
        """Where a word of the house (or a form of it with up to SUFFIX more letters) breaks; empty: never."""
        lower = word.lower()
        for cut in range(SUFFIX + 1):
            points = self.punkte.get(lower[: len(lower) - cut])
            if points is not None:
                return set(points)
        return None
