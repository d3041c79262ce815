"""Benchmark: what the hooks add to the build time of a large site.

Writes a synthetic site into a temporary folder: N pages of Chinese text (the
guide's own sentences, with glossary terms sprinkled in), a glossary of M terms
and a checklist with an action for every tenth page. Its mkdocs.yml INHERITs
this project's, so the theme, plugins, Markdown extensions and assets are the
real ones; only the nav is short (Material renders the whole nav into every
page, which would make the base build quadratic and hide the hooks' cost).
Builds it with the hooks and without (alternating, best of --runs, default 3)
and prints the wall-clock and CPU time (user + system) and the peak memory of
each build. The overhead is computed from CPU time, which other work on the
machine disturbs far less than wall-clock time. Before the totals, one
instrumented build each way shows where the difference goes: Material's search
parsing the pages (each glossary mark is one more tag) and each hook's events:

    where the time goes (one instrumented build each way, CPU):
      ...
    with hooks:    12.34 s wall, 11.90 s CPU, 190 MiB peak
    without hooks: 11.78 s wall, 11.41 s CPU, 160 MiB peak
    peak memory with hooks: 1.19 x without
    hooks overhead: +4.3%

With --scale, it first builds sites of 250, 500, 1,000 and 2,000 pages (one
build each way) and prints what the hooks cost per page at each size.

    scripts/bench [--pages N] [--terms M] [--runs R] [--scale]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from .. import project, yaml_source

CHECKLIST_EVERY = 10  # one checklist action for every tenth page

# Characters synthetic terms are made of: common in the guide's register, so terms look like its words.
# Characters made-up terms are made of: the heavenly stems and earthly branches, which form no
# word of either script with the text around them, so the synthetic site passes the content lint
# (a real site does; random words would not).
TERM_CHARACTERS = "甲乙丙丁戊己庚辛壬癸子寅卯辰巳午未申酉戌亥"  # not 丑 (also Simplified for 醜)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, metavar="N", help="pages to generate (default 1000)")
    parser.add_argument("--terms", type=int, default=300, metavar="M", help="glossary terms (default 300)")
    parser.add_argument("--runs", type=int, default=3, metavar="R", help="builds of each kind, best counts (default 3)")
    parser.add_argument("--scale", action="store_true", help="first, the hooks' cost per page at 250 to 2,000 pages")
    args = parser.parse_args(argv)
    if min(args.pages, args.terms, args.runs) < 1:
        parser.error("--pages, --terms and --runs must be at least 1")
    root = project.root()  # the project in the current folder: its hooks, theme, data and sentences
    if args.scale:
        scale(args.terms, root)

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        site = Path(tmp)
        write_site(site, args.pages, args.terms, root)
        print(
            f"synthetic site: {args.pages} pages, {args.terms} glossary terms, "
            f"{args.pages // CHECKLIST_EVERY} checklist actions",
            flush=True,
        )
        runs: dict[str, list[tuple[float, float, float]]] = {"with": [], "without": []}
        for _ in range(args.runs):
            for variant in runs:
                wall, cpu, peak = time_build(site, f"mkdocs-{variant}.yml", site / f"out-{variant}")
                runs[variant].append((wall, cpu, peak))
                print(f"  build {variant} hooks: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MiB peak", flush=True)
        explain(site)
    best = {variant: tuple(min(run[i] for run in times) for i in range(3)) for variant, times in runs.items()}
    for variant, (wall, cpu, peak) in best.items():
        print(f"{variant + ' hooks:':14} {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MiB peak")
    print(f"peak memory with hooks: {best['with'][2] / best['without'][2]:.2f} x without")
    print(f"hooks overhead: {(best['with'][1] / best['without'][1] - 1) * 100:+.1f}%")


def scale(terms: int, root: Path) -> None:
    """The hooks' CPU time per page at several sizes: flat means they cost the same per page."""
    print("hooks' cost per page (one build each way):")
    for pages in (250, 500, 1000, 2000):
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            site = Path(tmp)
            write_site(site, pages, terms, root)
            cpu = {
                variant: time_build(site, f"mkdocs-{variant}.yml", site / f"out-{variant}")[1]
                for variant in ("with", "without")
            }
        print(
            f"  {pages:5} pages: {(cpu['with'] - cpu['without']) / pages * 1000:.2f} ms per page "
            f"({cpu['with']:.2f} s vs {cpu['without']:.2f} s CPU)",
            flush=True,
        )


# One build in a child process that reports its own peak memory (ru_maxrss of the children
# taken together would only ever grow).
BUILD = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
finally:
    print(f"peak-kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def time_build(site: Path, config: str, out: Path) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds and peak MiB of one `mkdocs build --strict`; exits if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", BUILD, config, str(out)],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"scripts/bench: building {config} failed:\n{proc.stderr[-4000:]}")
    peak = int(re.findall(r"peak-kib (\d+)", proc.stderr)[-1]) / 1024
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), peak


# One build that also reports where its CPU time went: each hook's events, and Material's
# search parsing the pages' HTML (where the glossary's marks cost the most: a tag each).
EXPLAIN = """
import collections, json, sys, time
from material.plugins.search import plugin as search
from mkdocs.commands.build import build
from mkdocs.config import load_config

spent = collections.Counter()

def timed(label, function):
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start
    return run

search.Parser.feed = timed("search", search.Parser.feed)
config = load_config(sys.argv[1], site_dir=sys.argv[2], strict=True)
for event, methods in config.plugins.events.items():
    config.plugins.events[event] = [
        timed(f"{method.__module__} on_{event}", method) if method.__module__.startswith("overdue_guide.") else method
        for method in methods]
start = time.process_time()
build(config)
spent["build"] = time.process_time() - start
print(json.dumps(spent), file=sys.stderr)
"""


def explain(site: Path) -> None:
    """Where the hooks' time goes: one instrumented build each way (CPU seconds)."""
    spent = {}
    for variant in ("with", "without"):
        proc = subprocess.run(
            [sys.executable, "-c", EXPLAIN, f"mkdocs-{variant}.yml", str(site / f"out-{variant}")],
            cwd=site,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if proc.returncode != 0:
            sys.exit(f"scripts/bench: building mkdocs-{variant}.yml failed:\n{proc.stderr[-4000:]}")
        spent[variant] = json.loads(proc.stderr.strip().splitlines()[-1])
    with_, without = spent["with"], spent["without"]
    hooks = {label: seconds for label, seconds in with_.items() if label not in ("search", "build")}
    print("where the time goes (one instrumented build each way, CPU):")
    print(
        f"  all of the build:      {with_['build']:6.2f} s with hooks, {without['build']:6.2f} s without "
        f"({with_['build'] - without['build']:+.2f} s)"
    )
    print(
        f"  Material's search, parsing the pages' HTML: {with_['search']:.2f} s with, "
        f"{without['search']:.2f} s without ({with_['search'] - without['search']:+.2f} s: the glossary's marks)"
    )
    print(f"  the hooks' own code:   {sum(hooks.values()):6.2f} s")
    for label, seconds in sorted(hooks.items(), key=lambda item: -item[1])[:8]:
        print(f"    {seconds:6.2f} s  {label.split('/')[-1]}")


# -----------------------------------------------------------------------------
# The synthetic site
# -----------------------------------------------------------------------------


def write_site(site: Path, pages: int, terms: int, root: Path, seed: int = 4) -> None:
    """Docs, data and two configs (hooks on, hooks off) in `site`, from the project at root."""
    rng = random.Random(seed)
    for name in ("hooks", "overrides"):
        (site / name).symlink_to(root / name)  # the real ones
    docs = site / "docs"
    docs.mkdir()
    (site / "data").mkdir()
    shutil.copy(
        root / "data/hotlines.yml", site / "data/hotlines.yml"
    )  # the real hotlines: the guide's sentences name them

    glossary = synthetic_glossary(terms, rng, root)
    (site / "data/glossary.yml").write_text(
        yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    sentences = guide_sentences(root)
    words = [entry["term"] for entry in glossary["terms"]]
    names = [f"page-{number:04d}.md" for number in range(1, pages + 1)]
    for number, name in enumerate(names):
        # Every term appears somewhere (else the glossary warns and --strict fails).
        must = [words[i] for i in range(number, len(words), pages)]
        (docs / name).write_text(synthetic_page(number + 1, sentences, words, must, rng), encoding="utf-8")
    (docs / "index.md").write_text("# 基準測試 {#home}\n\n合成的網站，用來量度建置時間。\n", encoding="utf-8")
    (docs / "glossary.md").write_text("# 名詞解釋 {#glossary}\n\n按拼音排序。\n", encoding="utf-8")
    (docs / "checklist.md").write_text("# 行動清單 {#checklist}\n\n<!-- checklist -->\n", encoding="utf-8")
    # The budget and the request as the guide has them, on pages of their own; the pages they link to.
    for name in ("budget", "letter"):
        shutil.copy(root / "data" / f"{name}.yml", site / "data" / f"{name}.yml")
        (docs / f"{name}.md").write_text(f"# {name} {{#{name}}}\n\n<!-- {name} -->\n", encoding="utf-8")
    budget = yaml_source.load((root / "data/budget.yml").read_text(encoding="utf-8"))
    for page in (budget["path_page"], budget["help_page"]):
        name = page.removesuffix(".md")
        (docs / page).write_text(f"# {name} {{#{name}}}\n\n合成的頁面。\n", encoding="utf-8")
    (site / "data/checklist.yml").write_text(
        yaml.safe_dump(synthetic_checklist(names, sentences, rng, root), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )

    base = (
        f"INHERIT: {root / 'mkdocs.yml'}\n"
        "nav:\n  - index.md\n  - checklist.md\n  - budget.md\n  - letter.md\n  - glossary.md\n"
        "validation:\n  nav:\n    omitted_files: info\n"
        # A thousand pages are more than a phone's first visit may save (the service worker stops such a
        # build): let it list them, so its cost is measured with the other hooks'.
        "extra:\n  precache_budget: 1000000000\n"
    )
    (site / "mkdocs-with.yml").write_text(base, encoding="utf-8")
    (site / "mkdocs-without.yml").write_text(base + "hooks: []\n", encoding="utf-8")


def guide_sentences(root: Path) -> list[str]:
    """The guide's own sentences (paragraphs and list items), as filler text."""
    sentences = []
    for page in sorted((root / "docs").glob("*.md")):
        body = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        for line in body.splitlines():
            line = re.sub(r"^\s*(?:\d+\.|[-*])\s+", "", line).strip()
            line = re.sub(
                r"\[([^\]]*)\]\([^)]*\)", r"\1", line
            )  # a link's text: its target is not in the synthetic site
            if line and not line.startswith(("#", "!!!", "<", "[", "description:")):
                sentences += [
                    s + "。" for s in re.split(r"(?<=[。！？])", line) if len(s) > 8 for s in [s.rstrip("。")]
                ]
    return sentences


def synthetic_glossary(count: int, rng: random.Random, root: Path) -> dict:
    """The real glossary's strings and terms, topped up with made-up terms to `count`."""
    real = yaml_source.load((root / "data/glossary.yml").read_text(encoding="utf-8"))
    terms = real["terms"][:count]
    seen = {form for entry in terms for form in (entry["term"], *entry.get("aliases", []))}
    while len(terms) < count:
        word = "".join(rng.choices(TERM_CHARACTERS, k=4))
        if any(word in form or form in word for form in seen):
            continue  # keep made-up terms from swallowing or hiding real ones
        seen.add(word)
        terms.append(
            {
                "id": f"term-{len(terms):04d}",
                "term": word,
                "definition": f"合成名詞「{word}」的解釋：用來量度名詞解釋對建置時間的影響。",
            }
        )
    return {"page": "glossary.md", "strings": real["strings"], "terms": terms}


def synthetic_page(number: int, sentences: list[str], words: list[str], must: list[str], rng: random.Random) -> str:
    """One page: a title, three sections of Chinese text with terms, a list, code and a link."""

    def paragraph() -> str:
        chosen = rng.choices(sentences, k=4)
        for word in rng.sample(words, k=min(3, len(words))):  # a term opens a sentence: 「甲乙丙丁：…」
            at = rng.randrange(len(chosen))
            chosen[at] = f"{word}：{chosen[at]}"
        return "".join(chosen)

    parts = [f"# 合成頁面 {number} {{#page-{number}}}\n", "".join(f"{word}。" for word in must) + paragraph() + "\n"]
    for section in range(1, 4):
        parts += [
            f"## 第 {section} 節 {{#section-{section}}}\n",
            paragraph() + "\n",
            paragraph() + "\n",
            "".join(f"- {rng.choice(sentences)}\n" for _ in range(3)),
            f"可以查看 `{rng.choice(words)}` 的說明，或回到[首頁](index.md)。\n",
        ]
    return "\n".join(parts)


def synthetic_checklist(pages: list[str], sentences: list[str], rng: random.Random, root: Path) -> dict:
    """The real checklist's strings, with an action for every tenth page, ten actions a stage."""
    real = yaml_source.load((root / "data/checklist.yml").read_text(encoding="utf-8"))
    items = [
        {"id": f"action-{n:04d}", "label": rng.choice(sentences)[:30], "link": f"{page}#section-{1 + n % 3}"}
        for n, page in enumerate(pages[CHECKLIST_EVERY - 1 :: CHECKLIST_EVERY], start=1)
    ]
    items = items or [{"id": "action-0001", "label": sentences[0][:30], "link": f"{pages[0]}#section-1"}]
    stages = [
        {"id": f"stage-{n + 1}", "name": f"第 {n + 1} 階段", "items": items[i : i + 10]}
        for n, i in enumerate(range(0, len(items), 10))
    ]
    return {"page": "checklist.md", "strings": real["strings"], "stages": stages}


if __name__ == "__main__":
    main()
