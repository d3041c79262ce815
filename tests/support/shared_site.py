"""One build of the real site for a whole test run, shared by every pytest-xdist worker.

Most test files only read the site scripts/build publishes. Built once per worker, the same
site was made twice on a two-CPU machine, each build a minute of CPU (two editions, their
single pages, PDFs printed in Chromium, zips). Instead the controller process picks the
site's URL and serves a shared folder there for the whole run (it idles otherwise, and
outlives every worker); the first worker that needs the site builds it into that folder
under a file lock, and the others wait for it only when they reach a test that needs it.
The URL has to be one for all: the site is built for it (Material's instant navigation
only follows links matching site_url). Without xdist (-n 0) each run builds its own, as before.
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
from pathlib import Path

import pytest

from overdue_guide import build_site
from overdue_guide.local_site import serve

FOLDER_KEY = "shared_full_site_folder"
URL_KEY = "shared_full_site_url"


def start(config) -> None:
    """In the controller: a folder for the site and a server for it, handed to each worker."""
    folder = Path(tempfile.mkdtemp(prefix="guide-full-site-"))
    server, url = serve(folder / "site")
    config.stash[_STATE] = (folder, server, url)


def for_worker(config) -> dict[str, str]:
    """What a worker needs to find the shared site: its folder and the URL it is served at."""
    folder, _, url = config.stash[_STATE]
    return {FOLDER_KEY: str(folder), URL_KEY: url}


def stop(config) -> None:
    """In the controller, after every worker has finished: the server and the folder go."""
    state = config.stash.get(_STATE, None)
    if state is not None:
        folder, server, _ = state
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


def shared(config) -> tuple[Path, str] | None:
    """In a worker: the shared folder and URL, or None when there is no controller (-n 0)."""
    given = getattr(config, "workerinput", {})
    return (Path(given[FOLDER_KEY]), given[URL_KEY]) if FOLDER_KEY in given else None


def built_once(folder: Path, url: str) -> Path:
    """The site in the shared folder, built by the first worker to ask; the others wait for it.

    A failed build is written down, so every worker reports it instead of building it again."""
    site, failed = folder / "site", folder / "build-failed.txt"
    with open(folder / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if a worker dies
        if failed.exists():
            pytest.fail(f"the shared build of the site failed:\n{failed.read_text(encoding='utf-8')}")
        if not site.is_dir():  # scripts/build publishes atomically: the folder is there only when complete
            try:
                build_site.build_all(site, site_url=url)
            except build_site.BuildFailed as failure:
                failed.write_text("\n".join(problem.format() for problem in failure.problems), encoding="utf-8")
                raise
    return site


_STATE = pytest.StashKey[tuple]()
