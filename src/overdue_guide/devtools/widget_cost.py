"""What the site's own scripts cost a phone at page load: a developer's measurement, not a test.

Serves a built site (default: builds this project's site into a temporary folder), opens
each page given in headless Chromium with the CPU slowed down 4× (CDP
Emulation.setCPUThrottlingRate, as Lighthouse's mobile run does), records the Performance
timeline up to the load event plus a second, and prints per page:
  - the long tasks (> 50 ms) on the main thread, and how much of each is spent in
    widgets.js or in search.js;
  - the total time spent running widgets.js (script evaluation and the callbacks it set up).

    .venv/bin/python -m overdue_guide.devtools.widget_cost [--site DIR] [--runs N] [PATH ...]   e.g.  "" checklist/
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from ..local_site import ROOT, launch_chromium, serve

THROTTLE = 4
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"]
LONG_TASK_MS = 50
OWN_SCRIPT = "widgets.js"


def build_site(into: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(into)], cwd=ROOT, check=True)
    return into


def measure(browser, url: str) -> dict[str, float]:
    """One load of url: the main thread's long tasks and the time spent in widgets.js, in ms."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1000)
    trace = json.loads(browser.stop_tracing())
    context.close()
    return summarise(trace["traceEvents"] if isinstance(trace, dict) else trace)


def summarise(events: list[dict]) -> dict[str, float]:
    main = _main_thread(events)
    tasks = [e for e in events if e.get("tid") == main and e.get("name") == "RunTask" and e.get("ph") == "X"]
    own = [
        e
        for e in events
        if e.get("tid") == main
        and e.get("ph") == "X"
        and e.get("name") in ("EvaluateScript", "FunctionCall", "v8.compile")
        and OWN_SCRIPT in json.dumps(e.get("args", {}))
    ]
    long_tasks = [t["dur"] / 1000 for t in tasks if t["dur"] / 1000 > LONG_TASK_MS]
    own_in_long = (
        sum(
            o["dur"]
            for o in own
            for t in tasks
            if t["dur"] / 1000 > LONG_TASK_MS and t["ts"] <= o["ts"] <= t["ts"] + t["dur"]
        )
        / 1000
    )
    return {
        "long tasks": len(long_tasks),
        "longest task ms": max(long_tasks, default=0.0),
        "blocking ms": sum(t - LONG_TASK_MS for t in long_tasks),
        "widgets.js ms": sum(o["dur"] for o in own) / 1000,
        "widgets.js in long tasks ms": own_in_long,
    }


def _main_thread(events: list[dict]) -> int | None:
    for e in events:
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain":
            return e.get("tid")
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this project's)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("paths", nargs="*", default=["", "checklist/", "negotiation/"])
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        server, base = serve(site)
        with sync_playwright() as p:
            browser = launch_chromium(p)
            print(f"CPU {THROTTLE}× slower, median of {args.runs} loads, 360 × 740 touch")
            for path in args.paths:
                runs = [measure(browser, base + path) for _ in range(args.runs)]
                figures = "  ".join(f"{key} {statistics.median(r[key] for r in runs):.0f}" for key in runs[0])
                print(f"/{path:<14} {figures}")
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
