"""The portable test mode (`./testen.sh --portabel`): with this folder on PYTHONPATH every Python process of the
tests – pytest, the commands it starts, their render workers – lacks the modules Windows lacks, and the program
takes the Windows ways wherever Linux can go them (VORLAGEN_PORTABEL=1, set by testen.sh).

One exception: the build lock's library, filelock, is loaded first and keeps its Linux lock (fcntl). Its Windows
lock calls the Windows kernel, which Linux cannot stand in for; its maintainers test that one on Windows."""

import sys

import filelock  # noqa: F401 – binds fcntl before it goes

for name in ("fcntl", "termios", "pwd", "grp", "resource"):
    sys.modules[name] = None  # `import fcntl` raises ImportError, as on Windows
