"""A built site on loopback, and the headless Chromium that opens it.

Shared by the tests, the PDF printer and the page-weight tool (devtools): a static file server in a
thread (the folder it serves can be set after it starts, since a site is built
for the URL it will be served at: Material's instant navigation only follows
links matching site_url), and the one place that starts Chromium (Debian's, or $CHROMIUM).
"""

from __future__ import annotations

import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project (src/overdue_guide/ → the repository)
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Without these Chromium keeps calling Google's hosts (blocked here, and noise in network logs).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_chromium(playwright, executable: str | None = None):
    """Headless Chromium as this project starts it, from a running Playwright (sync API)."""
    return playwright.chromium.launch(executable_path=executable or CHROMIUM, args=CHROMIUM_ARGS)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the server's current `site_root`; quiet, to keep output readable."""

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.site_root))

    def log_message(self, *args):
        pass


class _SiteServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that moves on before a response is sent closes the connection: not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path | None = None):
    """Serve directory on a free loopback port in a thread; return (server, base_url)."""
    server = _SiteServer(("127.0.0.1", 0), _SiteHandler)
    server.site_root = directory
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
