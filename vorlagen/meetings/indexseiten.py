"""The overview pages of the output (public and internal index.html) and the shared assets they and the documents
link to (stylesheets, fonts, the Hausstil's CSS and logo)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from vorlagen.compute.anfragen import offene_anfragen
from vorlagen.core.problems import Problem, raise_if
from vorlagen.core.reads import read_file
from vorlagen.meetings.niederschrift import NiederschriftDoc
from vorlagen.meetings.tagesordnung import SitzungDoc
from vorlagen.render import drucksachen
from vorlagen.render.document import Composer
from vorlagen.render.public import document as shown
from vorlagen.render.vorlagendokument import INTERNAL, PUBLIC, VorlageDoc, relative

ASSETS = PurePosixPath("assets")


def seiten(
    composer: Composer,
    docs: list[VorlageDoc],
    oeffentlich: list[VorlageDoc],
    sitzungen: list[SitzungDoc],
    minutes: list[NiederschriftDoc],
    mappen: set[str],
    kontrolle: list[tuple[str, PurePosixPath]],
    roots: tuple[Path, ...],
) -> dict[PurePosixPath, bytes]:
    """The assets and both overview pages; the public one lists only the public documents `oeffentlich` (of an
    ENTWURF its last released state), the internal one every document of `docs` (an ENTWURF where it lies, in
    intern/) and the Auszüge of the Niederschriften and the Beschlusskontrolle. `roots` are the folders assets may
    come from."""
    facts = composer.facts
    files = {
        ASSETS / name: read_file(asset, within=roots)
        for name, asset in composer.templates.asset_files(facts.koerperschaft.hausstil.schrift).items()
    }
    if facts.stylesheet:
        files[ASSETS / "hausstil.css"] = read_file(facts.stylesheet, within=roots)
    if facts.logo:
        files[ASSETS / f"logo{facts.logo.suffix}"] = read_file(facts.logo, within=roots)
    public = [shown(d) for d in oeffentlich]
    # the public page sees only the public Niederschrift's folder; the internal one also Auszüge and Beschlusskontrolle
    offen: dict[str, dict] = {m.id: dict(ordner=m.folder(False), intern=None, auszuege=[]) for m in minutes}
    intern = {
        m.id: dict(
            ordner=m.folder(False),
            intern=m.folder(True),
            auszuege=[(e.punkt.top, m.folder(True) / e.auszug) for e in m.eintraege if e.auszug in m.auszuege],
        )
        for m in minutes
    }
    files[PurePosixPath("index.html")], found = _index(
        composer, public, sitzungen, mappen, offen, [], PUBLIC.parent, "Sitzungen und Vorlagen"
    )
    files[INTERNAL.parent / "index.html"], more = _index(
        composer, docs, sitzungen, mappen, intern, kontrolle, INTERNAL.parent, "Sitzungen und Vorlagen (intern)"
    )
    raise_if(found + more)
    return files


def _index(
    composer: Composer,
    docs: list[VorlageDoc],
    sitzungen: list[SitzungDoc],
    mappen: set[str],
    niederschriften: dict[str, dict],
    kontrolle: list[tuple[str, PurePosixPath]],
    base: PurePosixPath,
    titel: str,
) -> tuple[bytes, list[Problem]]:
    """An overview page at `base`, and the problems of its template."""

    def link(path: PurePosixPath) -> str:
        return relative(path, base)

    html, problems = composer.templates.render(
        "index.html.j2",
        koerperschaft=composer.facts.koerperschaft,
        docs=docs,
        mappen=mappen,
        sitzungen=sorted(sitzungen, key=lambda s: (s.sitzung.datum, s.id)),  # by date, as the column says
        niederschriften=niederschriften,
        kontrolle=kontrolle,
        titel=titel,
        assets=link(ASSETS) + "/",
        link=link,
        intern=base != PUBLIC.parent,
        anfragen=offene_anfragen(composer.facts) if base != PUBLIC.parent else [],  # for the Sitzungsdienst
        einreicher={  # who submitted each Antrag and Anfrage, with the day
            d.source.kennung: wer for d in docs if (wer := drucksachen.eingereicht(composer.facts, d.source.vorlage))
        },
    )
    return html.encode(), problems
