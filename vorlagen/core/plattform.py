"""Which ways the program takes where systems differ: Windows', or those of Linux and macOS.

`VORLAGEN_PORTABEL=1` makes Linux take the Windows ways wherever Linux can go them (swapping the output in by
renames, no shared port); the test job `./testen.sh --portabel` runs the tests so (docs/anleitungen/windows.md).
"""

from __future__ import annotations

import os
import sys


def portabel() -> bool:
    """True on Windows, and anywhere VORLAGEN_PORTABEL=1 asks for the Windows ways."""
    return sys.platform == "win32" or os.environ.get("VORLAGEN_PORTABEL") == "1"
