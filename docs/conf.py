"""Sphinx settings of the handbook (German, MyST Markdown, Furo). Build: see docs/entwicklung/handbuch.md."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE / "_ext"), str(HERE.parent)]  # the reference is generated from this checkout's code

from vorlagen import __version__  # noqa: E402

project = "vorlagen"
author = "vorlagen"
copyright = "vorlagen"  # noqa: A001 – the Sphinx setting's name
version = release = __version__
language = "de"

extensions = ["myst_parser", "referenz", "furo_deutsch"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "README.md"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

html_theme = "furo"
html_title = f"vorlagen {version} – Handbuch"
html_last_updated_fmt = None  # no date from the clock: same sources, same pages
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_permalinks_icon = "#"
pygments_style = "default"
locale_dirs = ["locale"]  # German for the few texts of the Furo theme that Sphinx does not translate
html_show_copyright = False
