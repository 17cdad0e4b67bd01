"""German for the texts the Furo theme writes in English without asking the translation catalogue: the labels of
its buttons and icons (page.html, partials/icons.html) and of the navigation's expand buttons. Every replaced text
must still be there: after an update of Furo (requirements-handbuch.lock) a missing one stops the build."""

from __future__ import annotations

from typing import Any

from sphinx.errors import ExtensionError

# template → (English, German); the exact text of Furo's template
TEMPLATES = {
    "page.html": (
        ('aria-label="Toggle site navigation sidebar"', 'aria-label="Navigation ein- oder ausblenden"'),
        ('aria-label="Toggle table of contents sidebar"', 'aria-label="Inhaltsverzeichnis ein- oder ausblenden"'),
        (
            'aria-label="Toggle Light / Dark / Auto color theme"',
            'aria-label="Farben wechseln: hell, dunkel, wie das System"',
        ),
    ),
    "partials/icons.html": (
        ("<title>Contents</title>", "<title>Inhalt</title>"),
        ("<title>Menu</title>", "<title>Menü</title>"),
        ("<title>Expand</title>", "<title>Aufklappen</title>"),
        ("<title>Light mode</title>", "<title>Helle Farben</title>"),
        ("<title>Dark mode</title>", "<title>Dunkle Farben</title>"),
        ("<title>Auto light/dark, in light mode</title>", "<title>Farben wie das System, jetzt hell</title>"),
        ("<title>Auto light/dark, in dark mode</title>", "<title>Farben wie das System, jetzt dunkel</title>"),
    ),
}
NAVIGATION = ('aria-label="Toggle navigation of ', 'aria-label="Aufklappen: ')


def _german(name: str, source: str) -> str:
    for english, german in TEMPLATES.get(name, ()):
        if english not in source:
            raise ExtensionError(
                f"furo_deutsch: „{english}“ steht nicht mehr in Furos {name} – passen Sie "
                "docs/_ext/furo_deutsch.py an die neue Fassung von Furo an."
            )
        source = source.replace(english, german)
    return source


def _builder_inited(app: Any) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is None:  # not an HTML builder
        return
    original = templates.get_source

    def get_source(environment: Any, template: str) -> Any:
        source, filename, uptodate = original(environment, template)
        return _german(template.lstrip("!"), source), filename, uptodate

    templates.get_source = get_source


def _page_context(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    tree = context.get("furo_navigation_tree")
    if tree:
        context["furo_navigation_tree"] = tree.replace(*NAVIGATION)


def setup(app: Any) -> dict:
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _page_context, priority=900)  # after Furo's own (500) made the tree
    return {"parallel_read_safe": True, "parallel_write_safe": True}
