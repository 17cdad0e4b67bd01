"""Entry point: `python build.py` builds data/ into output/; `python build.py check` only checks."""

import sys

from vorlagen.cli import main

if __name__ == "__main__":
    sys.exit(main())
