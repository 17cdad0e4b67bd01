"""The preview's server as the tests run it: in a thread of the test's process, stopped and closed after."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def im_hintergrund(httpd: Any) -> Iterator[Any]:
    """Serves `httpd` (building/localserver.server) in a thread while the block runs; shut down and closed after."""
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
