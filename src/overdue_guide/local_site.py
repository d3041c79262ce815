"""A built site on loopback, and the headless Chromium that opens it.

Shared by the tests, the PDF printer and the developer tools (page weight, Lighthouse): a
static file server in a thread (the folder it serves can be set after it
starts: Material's instant navigation only follows links matching site_url,
so most tests serve a site at the URL it was built for), Debian's nginx with
deploy/nginx.conf, unprivileged, and the one place that starts Chromium (Debian's, or $CHROMIUM).
"""

from __future__ import annotations

import http.server
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import project

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


# What the browser tests drive: Debian's chromium-headless-shell (the old headless mode, which
# Playwright itself uses for headless runs) where scripts/setup --test installed it, as it opens a page
# in about half the time and CPU of the whole browser. The PDF edition is still printed by chromium, so
# the published files do not depend on it, and the developer tools measure with it. $CHROMIUM, where
# set, is used for all of them.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"


def test_browser() -> str:
    """The Chromium the tests drive: $CHROMIUM if set, else the headless shell if installed, else chromium."""
    if "CHROMIUM" not in os.environ and os.access(HEADLESS_SHELL, os.X_OK):
        return HEADLESS_SHELL
    return CHROMIUM


def launch_chromium(playwright, executable: str | None = None):
    """Headless Chromium as this project starts it, from a running Playwright (sync API)."""
    return playwright.chromium.launch(executable_path=executable or CHROMIUM, args=CHROMIUM_ARGS)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the server's current `site_root`; quiet, to keep output readable."""

    # Keep-alive, as any real host: with HTTP/1.0 each file of each page took a new connection.
    protocol_version = "HTTP/1.1"

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.site_root))

    def log_message(self, *args):
        pass


class _SiteServer(http.server.ThreadingHTTPServer):
    site_root: Path | None = None  # the folder served: set after the server starts (see serve)

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


# -----------------------------------------------------------------------------
# nginx with deploy/nginx.conf
# -----------------------------------------------------------------------------

NGINX = os.environ.get("NGINX", shutil.which("nginx") or "/usr/sbin/nginx")
NGINX_CONF = "deploy/nginx.conf"  # in the project
# The http block around deploy/nginx.conf, as a distribution's nginx.conf has it, with every file
# nginx writes in its own folder: no root, no /var, nothing left behind.
NGINX_MAIN = """
worker_processes 1;
user {user};
pid {work}/nginx.pid;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/guide.conf;
}}
"""


def nginx_server_block(port: int, root: Path, error_page: str, conf: Path) -> str:
    """A project's deploy/nginx.conf (`conf`) with its three CHANGE lines set: loopback port, the folder, the
    404 page."""
    text = conf.read_text(encoding="utf-8")
    for pattern, value in (
        (r"listen \S+;", f"listen 127.0.0.1:{port};"),
        (r"root \S+;", f"root {root};"),
        (r"error_page 404 \S+;", f"error_page 404 {error_page};"),
    ):
        text, count = re.subn(pattern + r"(?=\s*# CHANGE)", value.replace("\\", "\\\\"), text)
        if count != 1:
            raise ValueError(f"{conf}: expected one «{pattern} # CHANGE» line")
    return text


@contextmanager
def nginx(www: Path, *, error_page: str = "/404.html", project_root: Path | None = None) -> Iterator[str]:
    """Serve www with the project's deploy/nginx.conf (that of the current folder unless given) on a free
    loopback port; yield its base URL."""
    conf = (project.root() if project_root is None else project_root) / NGINX_CONF
    if not Path(NGINX).is_file():
        raise FileNotFoundError(f"no nginx at {NGINX}: scripts/setup --test installs Debian's (or set NGINX)")
    work = Path(tempfile.mkdtemp(prefix="guide-nginx-"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (work / "guide.conf").write_text(nginx_server_block(port, www.absolute(), error_page, conf), encoding="utf-8")
    # user: as root, nginx would run its worker as nobody, who cannot read a private temporary folder.
    (work / "nginx.conf").write_text(
        NGINX_MAIN.format(work=work, user=pwd.getpwuid(os.getuid()).pw_name), encoding="utf-8"
    )
    log = work / "error.log"
    proc = subprocess.Popen(
        [NGINX, "-p", str(work), "-e", str(log), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"nginx did not start:\n{log.read_text(errors='replace') if log.exists() else ''}"
                    ) from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
