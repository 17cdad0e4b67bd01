"""`python -m vorlagen`: the same as the `vorlagen` command."""

import sys

from vorlagen.cli import main

sys.exit(main())
