"""Where a German word may break at the end of a line, as LibreOffice's hyphenation finds it, with the house's words.

The German dictionary has two levels of patterns: the first finds the parts of a compound, the second the syllables
of each part (libhyphen's `NEXTLEVEL`). pyphen reads both levels as one and so allows breaks such as „Bea-rbeitung“
and „Stelle-numfang“; this module runs the levels one after the other, as libhyphen does. A break that would leave
a piece without a vowel („Zusamme-n-a-rbeit“) is dropped: the piece stays with its neighbour. The words of the
Hausstil come first: a word listed with its breaks breaks only there, a word listed without breaks never.
"""

from __future__ import annotations

from pyphen import DataInt, HyphDict

Level = dict[str, tuple[int, bytes | tuple[int, ...]]]  # pattern letters → offset of the first value, the values

VOWELS = frozenset("aeiouäöüy")
COMPOUND_MIN = 2  # letters a part of a compound keeps on either side of a break inside it (COMPOUNDLEFTHYPHENMIN)
SUFFIX = 3  # letters a form may add to a word of the house and still break as it does: „Stellenumfangs“


class Silben(HyphDict):
    """pyphen's dictionary for WeasyPrint, answering with the two levels and the house's words."""

    def __init__(self, levels: tuple[Level, ...], nohyphen: tuple[str, ...] = ()):  # nothing to read: parsed before
        self.levels = levels
        self.patterns = levels[-1]
        self.maxlen = max((len(key) for level in levels for key in level), default=1)
        self.nohyphen = nohyphen
        self.cache: dict[str, list[DataInt]] = {}
        self.house: dict[str, tuple[int, ...]] = {}  # a word of the house, lower case → where it may break
        self.words: tuple[str, ...] = ()  # the house's words as written, whose breaks `house` holds

    def positions(self, word: str) -> list[DataInt]:
        """The breaks of `word` (the number of letters before each)."""
        lower = word.lower()
        own = self.own(lower)
        if own is not None:
            return [DataInt(point) for point in own]
        points = self.cache.get(lower)
        if points is None:
            found = _vowel_in_each_piece(lower, self.points(lower))
            points = self.cache[lower] = [DataInt(point) for point in found]
        return points

    def own(self, lower: str) -> tuple[int, ...] | None:
        """The breaks of a word of the house or of a form of it with up to SUFFIX more letters, else None."""
        for cut in range(min(SUFFIX, len(lower) - 1) + 1):
            points = self.house.get(lower[: len(lower) - cut])
            if points is not None:
                return points
        return None

    def points(self, word: str) -> list[int]:
        """The breaks the patterns allow: libhyphen's hnj_hyphen_hyphenate2 with its default minimums."""
        values = self._level(word, 0, True, True)
        for nohyphen in self.nohyphen:  # e.g. „-“: no break right before or after a hyphen
            start = word.find(nohyphen)
            while start >= 0:
                for point in (start, start + len(nohyphen)):
                    values[min(point, len(word))] = 0
                start = word.find(nohyphen, start + 1)
        return [point for point in range(2, len(word) - 1) if values[point] % 2]

    def _level(self, word: str, level: int, starts: bool, ends: bool) -> list[int]:
        """The value of each break (index: letters before it) from the patterns of `level`; on a level with a next
        one, each part between its breaks is hyphenated again on its own and, where it has none, by the next level.
        `starts` and `ends`: the word begins or ends the whole word (else the compound minimums apply)."""
        values = self._values(word, self.levels[level])
        if level + 1 >= len(self.levels):
            return values
        result, begin = list(values), 0
        for index in range(len(word)):
            if values[index + 1] % 2 or (begin > 0 and index + 1 == len(word)):
                if index > begin:
                    part = self._level(
                        word[begin : index + 1], level, starts and begin == 0, ends and not values[index + 1] % 2
                    )
                    result[begin + 1 : index + 1] = part[1 : index - begin + 1]
                begin = index + 1
        if begin == 0:  # no part: the syllables from the next level
            result = self._level(word, level + 1, starts, ends)
            if not starts:
                result[1:COMPOUND_MIN] = [0] * len(result[1:COMPOUND_MIN])
            if not ends:
                tail = max(len(word) - COMPOUND_MIN + 1, 1)
                result[tail:] = [0] * len(result[tail:])
        return result

    def _values(self, word: str, level: Level) -> list[int]:
        """Liang's pattern values between the letters of `word` (index: letters before), none at its edges."""
        pointed = f".{word}."
        references = [0] * (len(pointed) + 1)
        for start in range(len(pointed) - 1):
            for end in range(start + 1, min(start + self.maxlen, len(pointed)) + 1):
                pattern = level.get(pointed[start:end])
                if pattern:
                    offset, digits = pattern
                    for index, value in enumerate(digits, start + offset):
                        references[index] = max(references[index], value)
        values = references[1 : len(word) + 2]
        values[0] = values[-1] = 0
        return values


def _vowel_in_each_piece(word: str, points: list[int]) -> list[int]:
    """The breaks without those that leave a piece with no vowel: such a piece joins the piece before it, or the
    one after it where it ends in s and that begins with ch („Fort-schrei-bung“, not „Forts-chreibung“)."""
    bounds = [0, *points, len(word)]
    kept = set(points)
    for index in range(len(bounds) - 1):
        start, end = bounds[index], bounds[index + 1]
        if any(letter in VOWELS for letter in word[start:end]):
            continue
        if start == 0 or (word[start:end].endswith("s") and word[end:].startswith("ch")):
            kept.discard(end)
        else:
            kept.discard(start)
    return sorted(kept)


def house_points(words: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    """The house's words as written (breaks as hyphens: „Stel-len-um-fang“; none: never broken) → lower case word
    and its breaks."""
    house = {}
    for written in words:
        points, letters = [], 0
        for piece in written.split("-")[:-1]:
            letters += len(piece)
            points.append(letters)
        house[written.replace("-", "").lower()] = tuple(points)
    return house
