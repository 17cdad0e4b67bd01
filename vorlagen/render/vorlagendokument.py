"""The document of a Vorlage and its Anlagen: where each output file goes (public or intern/), which of them are
public, and their plain text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from vorlagen.core.problems import Where
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.render import plaintext
from vorlagen.render.freigabe import Freigabe

PUBLIC = PurePosixPath("vorlagen")
INTERNAL = PurePosixPath("intern/vorlagen")


@dataclass
class AnlageDoc:
    nummer: int
    titel: str
    oeffentlich: bool
    datei: PurePosixPath  # output path
    quelle: str  # the file named in vorlage.yaml
    html: str | None = None  # a Markdown Anlage, set for print
    pdf: bytes | None = None  # a PDF Anlage, passed through
    querformat: bool = False  # a Markdown Anlage on landscape pages

    @property
    def text(self) -> str | None:
        """The plain-text rendition of a Markdown Anlage."""
        return plaintext.render(self.html) if self.html is not None else None


@dataclass
class VorlageDoc:
    source: VorlageSource
    folder: PurePosixPath  # output folder, public or internal
    anlagen: list[AnlageDoc] = field(default_factory=list)
    web_html: str = ""  # the rest is set by Composer.compose; a planned document has only the above
    print_html: str = ""
    bilder: list[Path] = field(default_factory=list)
    verweise_als_text: list[Where] = field(default_factory=list)  # links to Anlagen its PDFs can only print as text
    freigabe: Freigabe | None = None  # its sign-offs, where the Hausstil asks for some or some are given
    ohne_marken: str | None = None  # an ENTWURF's web HTML without the ENTWURF marks (what `diff` compares)
    word: bool = False  # its PDFs (the Vorlage's, its Anlagen's from Markdown) come with a Word file each

    @property
    def inhalt_html(self) -> str:
        """The web HTML without ENTWURF marks: the content, whatever its sign-offs."""
        return self.ohne_marken if self.ohne_marken is not None else self.web_html

    @property
    def entwurf(self) -> bool:
        """Not released: a required sign-off is missing or stale (every output then says ENTWURF)."""
        return self.freigabe is not None and self.freigabe.entwurf

    @property
    def files(self) -> list[PurePosixPath]:
        """Every output file of this Vorlage."""
        word = (".docx",) if self.word else ()
        own = [self.folder / f"{self.source.slug}{suffix}" for suffix in (".html", ".txt", ".pdf", *word)]
        anlagen = [
            f
            for a in self.anlagen
            for f in (
                [a.datei]
                if a.quelle.endswith(".pdf")
                else [a.datei, a.datei.with_suffix(".txt"), *(a.datei.with_suffix(s) for s in word)]
            )
        ]
        bilder = [self.folder / b.relative_to(self.source.folder).as_posix() for b in self.bilder]
        return own + anlagen + bilder

    @property
    def oeffentlich(self) -> bool:
        return self.source.vorlage.oeffentlich

    def oeffentliche_dateien(self, word: bool) -> list[tuple[PurePosixPath, str, str]]:
        """The public files of a public Vorlage: (output path, its name in a publish bundle and in OParl after
        „vorlage-<slug>“ – „.pdf“, „-anlage-1.pdf“ –, title); `word`: also the Word files of the Vorlage and of its
        Anlagen from Markdown."""
        vorlage, slug = self.source.vorlage, self.source.slug
        found = [(self.folder / f"{slug}.pdf", ".pdf", f"{vorlage.art} {vorlage.nummer}")]
        found += [(self.folder / f"{slug}.docx", ".docx", found[0][2])] if word and self.word else []
        for a in self.anlagen if self.oeffentlich else []:
            if a.oeffentlich:
                found.append((a.datei, f"-anlage-{a.nummer}.pdf", f"Anlage {a.nummer}: {a.titel}"))
                if word and self.word and not a.quelle.endswith(".pdf"):
                    found.append((a.datei.with_suffix(".docx"), f"-anlage-{a.nummer}.docx", found[-1][2]))
        return found

    @property
    def text(self) -> str:
        """The plain-text rendition, as printed."""
        return plaintext.render(self.web_html)


def relative(path: PurePosixPath, base: PurePosixPath) -> str:
    """posixpath.relpath(path, base) for output paths, without asking the system for the working folder."""
    target, start = PurePosixPath(path), PurePosixPath(base)
    if target.is_absolute() or start.is_absolute() or ".." in target.parts or ".." in start.parts:
        return posixpath.relpath(str(path), str(base))
    common = 0
    for mine, theirs in zip(target.parts, start.parts):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start.parts) - common) + list(target.parts[common:])) or "."
