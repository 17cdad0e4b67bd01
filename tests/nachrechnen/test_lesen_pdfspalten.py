"""lesen/pdfspalten.py reads the text runs of a PDF page where they stand through pypdf's private layout module
(`pypdf._text_extraction._layout_mode`): pypdf's public API gives a page's text, even laid out, but not the runs
with their places, which the columns of a table need. So pypdf is pinned (pyproject.toml, requirements.lock,
core/versions.TESTED), and this test fails with a clear message when the pin moves or the installed pypdf no longer
has the private names pdfspalten.py uses – before a PDF is read differently without anyone noticing."""

from __future__ import annotations

import importlib
import re

import pypdf

from tests.hilfen import ROOT
from vorlagen.core.versions import TESTED

# (module, names) of pypdf that pdfspalten.py uses although pypdf does not publish them
PRIVATE = (
    ("pypdf._text_extraction._layout_mode", ("fixed_char_width",)),
    ("pypdf._text_extraction._layout_mode._fixed_width_page", ("recurse_to_target_op", "set_font_operation")),
    ("pypdf._text_extraction._layout_mode._text_state_manager", ("TextStateManager",)),
)
# what pdfspalten.py reads of each text operation pypdf's layout gives, and of its font
DATA = (
    (
        "pypdf._text_extraction._layout_mode._text_state_params",
        "TextStateParams",
        ("tx", "ty", "text", "displaced_tx", "font_height", "space_tx", "flip_vertical", "rotated", "font"),
    ),
    ("pypdf.generic._font", "Font", ("interpretable",)),
)


def test_pypdf_is_pinned_to_the_version_whose_private_layout_pdfspalten_reads():
    pinned = {
        "pyproject.toml": re.findall(r'"pypdf==([\d.]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")),
        "requirements.lock": re.findall(r"^pypdf==([\d.]+)", (ROOT / "requirements.lock").read_text(), re.M),
        "core/versions.py": [TESTED["pypdf"]],
    }
    assert all(found == [pypdf.__version__] for found in pinned.values()), (
        f"pypdf {pypdf.__version__} ist installiert, festgelegt ist {pinned}: nachrechnen liest PDF-Spalten über "
        "pypdfs internes Layout (lesen/pdfspalten.py) – prüfen Sie es mit der neuen Version, bevor Sie die "
        "Festlegung an allen drei Stellen ändern."
    )


def test_the_private_names_pdfspalten_uses_are_there():
    missing = []
    for module, names in PRIVATE:
        try:
            loaded = importlib.import_module(module)
        except ImportError:
            missing.append(module)
            continue
        missing += [f"{module}.{name}" for name in names if not hasattr(loaded, name)]
    if not hasattr(pypdf.PageObject, "_layout_mode_fonts"):
        missing.append("pypdf.PageObject._layout_mode_fonts")
    for module, name, fields in DATA:
        try:
            kept = getattr(importlib.import_module(module), name).__dataclass_fields__
        except (ImportError, AttributeError):
            missing.append(f"{module}.{name}")
            continue
        missing += [f"{name}.{field}" for field in fields if field not in kept]
    assert missing == [], (
        f"pypdf {pypdf.__version__} hat nicht mehr, was lesen/pdfspalten.py von seinem internen Layout liest: "
        f"{', '.join(missing)} – passen Sie pdfspalten.py an oder bleiben Sie bei der festgelegten Version."
    )
