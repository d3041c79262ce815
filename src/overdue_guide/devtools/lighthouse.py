"""Lighthouse's mobile figures for our pages beside Material's defaults built from the same docs.

    .venv/bin/python -m overdue_guide.devtools.lighthouse [--runs 5] [PATH ...]     e.g. … "" checklist/

Builds both sites into a temporary folder: ours as scripts/build publishes it (every edition,
the service worker, the downloads' sizes in the footer), and Material's defaults on the same
docs/ (devtools/page_weight.py's default_config). Serves each with deploy/nginx.conf (gzip,
precompressed by overdue_guide/precompress.py) on loopback, runs Lighthouse (tools/lighthouse,
pinned in its package-lock.json) in Debian's Chromium, mobile with its default simulated
throttling, RUNS times per page and site, alternating the sites so that a busy machine slows
both alike, and prints the median of each figure: total blocking time, largest contentful
paint, performance score, with the differences and the goals of issue 20.

A developer's measurement (no test asserts timings): run it on an otherwise quiet machine, after
scripts/setup --test (Debian's Chromium and nginx). It needs Node.js and npm: on first use, and
whenever tools/lighthouse/package-lock.json changes, it installs Lighthouse there with `npm ci`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from .. import local_site, precompress, project
from . import page_weight

# Installed by install() (npm ci) inside the project.
TOOL = "tools/lighthouse"
LIGHTHOUSE = f"{TOOL}/node_modules/lighthouse/cli/index.js"


def lighthouse_cli() -> Path:
    """Lighthouse's command line in the project of the current folder."""
    return project.root() / LIGHTHOUSE


def install() -> None:
    """Lighthouse as its lock pins it, installed with npm ci once per version of the lock."""
    tool = project.root() / TOOL
    lock = (tool / "package-lock.json").read_bytes()
    stamp = tool / "node_modules" / f".installed-{hashlib.sha256(lock).hexdigest()[:16]}"
    if stamp.exists():
        return
    if shutil.which("npm") is None:
        sys.exit("Lighthouse needs Node.js and npm (apt-get install nodejs npm)")
    command = ["npm", "ci", "--prefix", str(tool), "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run(command, check=True, stdout=sys.stderr)
    stamp.touch()


# (Lighthouse's audit, what we call it, its unit); performance is a category, read apart.
FIGURES = (
    ("total-blocking-time", "total blocking time", "ms"),
    ("largest-contentful-paint", "largest contentful paint", "ms"),
    ("performance", "performance", ""),
)
# Issue 20's goals: ours minus the default's at most this much (performance: at least).
GOALS = {"total-blocking-time": 50, "largest-contentful-paint": 100, "performance": 0}
SITES = ("ours", "Material's default")
LABEL = 26  # the width of the first column
# Lighthouse's simulated throttling scales the CPU time it observes: on a busy machine a run's total
# blocking time can swing by hundreds of ms. Past this spread the output says so.
NOISY_MS = 100


# -----------------------------------------------------------------------------
# Building and serving
# -----------------------------------------------------------------------------


def build_sites(tmp: Path) -> dict[str, Path]:
    """{site: folder served}: each site inside www/ of its own, under the same path (the root)."""
    from .. import build_site

    ours, default = tmp / "ours", tmp / "default"
    build_site.quiet_jieba()
    try:
        build_site.build_all(ours / "site")
    except build_site.BuildFailed as failure:
        sys.exit("our site does not build:\n" + "\n".join(problem.format() for problem in failure.problems))
    page_weight.build(page_weight.default_config(tmp, project.root()), default / "site", "http://127.0.0.1/")
    for site in (ours, default):
        precompress.precompress(site / "site")
    return {"ours": ours, "Material's default": default}


def lighthouse(url: str, out: Path) -> dict[str, float]:
    """One Lighthouse run of url: {audit: value} in ms, and performance out of 100."""
    flags = " ".join(["--headless=new", *local_site.CHROMIUM_ARGS])
    proc = subprocess.run(
        [
            "node",
            str(lighthouse_cli()),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": local_site.CHROMIUM},
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        sys.exit(f"Lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"Lighthouse could not load {url}: {report['runtimeError']}")
    figures = {audit: report["audits"][audit]["numericValue"] for audit, _, _ in FIGURES[:2]}
    figures["performance"] = report["categories"]["performance"]["score"] * 100
    return figures


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {audit: statistics.median(run[audit] for run in runs) for audit, _, _ in FIGURES}


def spread(runs: dict[str, list[dict[str, float]]]) -> str:
    """Each figure's lowest and highest run, so a reader sees how much the median can be trusted."""
    return "\n".join(
        f"{site + ', runs':<{LABEL}}"
        + "".join(
            f"{f'{min(r[audit] for r in results):,.0f}–{max(r[audit] for r in results):,.0f} {unit}':>26}"
            for audit, _, unit in FIGURES
        )
        for site, results in runs.items()
    )


def table(path: str, result: dict[str, dict[str, float]], runs: int) -> str:
    width = 26
    lines = [
        f"/{path}: Lighthouse {lighthouse_version()}, mobile, simulated throttling, gzip (nginx), median of {runs}",
        f"{'':<{LABEL}}" + "".join(f"{name:>{width}}" for _, name, _ in FIGURES),
    ]
    for site in SITES:
        lines.append(
            f"{site:<{LABEL}}"
            + "".join(f"{result[site][audit]:>{width - len(unit) - 1},.0f} {unit}" for audit, _, unit in FIGURES)
        )
    diff = {audit: round(result["ours"][audit]) - round(result[SITES[1]][audit]) for audit, _, _ in FIGURES}
    lines.append(
        f"{'ours - default':<{LABEL}}"
        + "".join(f"{diff[audit]:>+{width - len(unit) - 1},.0f} {unit}" for audit, _, unit in FIGURES)
    )
    verdicts = []
    for audit, _, unit in FIGURES:
        met = diff[audit] >= GOALS[audit] if audit == "performance" else diff[audit] <= GOALS[audit]
        goal = f"{'≥' if audit == 'performance' else '≤'} {GOALS[audit]:+d}{(' ' + unit) if unit else ''}"
        verdicts.append(f"{goal} {'met' if met else 'NOT met'}")
    lines.append(f"{'goal (issue 20)':<{LABEL}}" + "".join(f"{v:>{width}}" for v in verdicts))
    return "\n".join(lines)


def lighthouse_version() -> str:
    package = lighthouse_cli().parent.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m overdue_guide.devtools.lighthouse", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per page and site (the median is printed)")
    parser.add_argument("paths", nargs="*", default=[""], help='pages, e.g. "" checklist/ (default: the home page)')
    args = parser.parse_args(argv)
    install()
    with tempfile.TemporaryDirectory(prefix="guide-lighthouse-") as tmp_name, ExitStack() as servers:
        tmp = Path(tmp_name)
        print("building both sites…", file=sys.stderr, flush=True)
        urls = {
            site: servers.enter_context(local_site.nginx(folder / "site")) for site, folder in build_sites(tmp).items()
        }
        for path in args.paths:
            runs: dict[str, list[dict[str, float]]] = {site: [] for site in SITES}
            for number in range(args.runs):
                for site in SITES:
                    print(f"  /{path} {site}: run {number + 1} of {args.runs}", file=sys.stderr, flush=True)
                    runs[site].append(lighthouse(urls[site] + path, tmp / "report.json"))
            print(table(path, {site: medians(results) for site, results in runs.items()}, args.runs))
            print(spread(runs))
            widest = max(
                max(r["total-blocking-time"] for r in results) - min(r["total-blocking-time"] for r in results)
                for results in runs.values()
            )
            if widest > NOISY_MS:
                print(
                    f"note: total blocking time varied by up to {widest:,.0f} ms between runs: the machine was busy."
                    f" Measure again when it is quiet, or with more --runs."
                )
    return 0


if __name__ == "__main__":
    shutil.which("node") or sys.exit("Lighthouse needs Node.js 18.16 or newer (apt-get install nodejs npm)")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice, printed by each build
    sys.exit(main(sys.argv[1:]))
