"""The Simplified-Chinese (zh-Hans) edition, generated from the zh-Hant source.

Contributors edit only docs/, data/ and mkdocs.yml in Traditional Chinese. This
module writes build/zh-Hans/ next to them:

    build/zh-Hans/mkdocs.yml   INHERITs mkdocs.yml, restating only what differs
    build/zh-Hans/docs/        docs/ with every .md converted by OpenCC
    build/zh-Hans/data/        data/ with every .yml converted (checklist, glossary, ...)
    build/zh-Hans/overrides/   overrides/ with every .html template converted

so the same hooks, reading ``<config dir>/data``, inject Simplified labels and
terms. Everything else (images, scripts, stylesheets) is copied byte for byte.

    python scripts/edition.py [OUT_DIR]     # prints the generated mkdocs.yml's path
"""

from __future__ import annotations

import os
import shutil
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITION = "zh-Hans"
# Where the edition lives, relative to the zh-Hant site (also the generated tree under build/).
EDITION_PATH = "zh-Hans/"
BUNDLE_NAME = "alipay-overdue-guide-offline-zh-Hans"

# OpenCC's tw2s: phrase-level Traditional→Simplified (the same phrase tables as t2s) that also
# reads Taiwan-standard variants, so 隨著/面臨著 become 随着/面临着 where t2s leaves 随著.
# Not tw2sp: its Taiwan→mainland vocabulary swaps turn 協議文件 into 协议文档 in this text,
# which was written in mainland vocabulary to begin with.
OPENCC_CONFIG = "tw2s"

# Text that is converted; any other file is copied unchanged.
CONVERTED_SUFFIXES = {
    "docs": {".md"},
    "data": {".yml", ".yaml"},
    "overrides": {".html"},
}
# Config keys whose text is not converted: each edition's name is written in its own script.
KEEP_AS_IS = {("extra", "editions")}


# -----------------------------------------------------------------------------
# Conversion: text in, text out
# -----------------------------------------------------------------------------

def to_simplified(text: str) -> str:
    """Traditional → Simplified, phrase by phrase (ASCII ids and URLs pass through)."""
    return _converter().convert(text)


def convert_value(value: Any, *, path: tuple[str, ...] = ()) -> Any:
    """Convert every string in a loaded YAML value, except under KEEP_AS_IS keys."""
    if path in KEEP_AS_IS:
        return value
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, dict):
        # Keys too: a nav entry's title is its key ({首頁: index.md}).
        return {convert_value(k): convert_value(v, path=(*path, str(k))) for k, v in value.items()}
    if isinstance(value, list):
        return [convert_value(v, path=path) for v in value]
    return value


def changed_only(original: dict, converted: dict) -> dict:
    """The part of `converted` that differs from `original`, as an INHERIT child restates it.

    MkDocs merges an inheriting config into its parent dict by dict (lists are
    replaced whole), so nested dicts keep only their changed keys and a changed
    list is restated in full.
    """
    result = {}
    for key, new in converted.items():
        old = original.get(key)
        if isinstance(old, dict) and isinstance(new, dict):
            nested = changed_only(old, new)
            if nested:
                result[key] = nested
        elif new != old:
            result[key] = new
    return result


def edition_config(parent: dict, *, parent_file: Path) -> dict:
    """The generated mkdocs.yml for the zh-Hans edition, given the loaded zh-Hant config.

    Paths in an inheriting config resolve against the child's directory (MkDocs
    uses the child's config_file_path), so docs_dir and custom_dir name the
    generated copies, and the hooks are given by absolute path. edit_uri is
    inherited: page file names are the same, so "edit this page" opens the
    zh-Hant source, the only one contributors edit.
    """
    config: dict[str, Any] = {"INHERIT": str(parent_file)}
    config.update(changed_only(parent, convert_value(parent)))
    config["site_url"] = parent["site_url"].rstrip("/") + "/" + EDITION_PATH
    config["docs_dir"] = "docs"
    theme = config.setdefault("theme", {})
    theme["language"] = EDITION  # overrides/partials/languages/zh-Hans.html: Material's zh strings
    theme["custom_dir"] = "overrides"
    config["hooks"] = [str(parent_file.parent / hook) for hook in parent.get("hooks", [])]
    extra = config.setdefault("extra", {})
    extra["offline_bundle_url"] = f"download/{BUNDLE_NAME}.zip"
    return config


def load_config(path: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (!ENV values resolved from the environment)."""
    from mkdocs.utils.yaml import yaml_load

    with open(path, "rb") as file:
        return yaml_load(file)


# -----------------------------------------------------------------------------
# The generated tree
# -----------------------------------------------------------------------------

def copy_converted(source: Path, target: Path, suffixes: set[str]) -> None:
    """Mirror source into target, converting files with the given suffixes."""
    for path in sorted(source.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in suffixes:
            out.write_text(to_simplified(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(path, out)


def generate(out_dir: Path = ROOT / "build" / EDITION, *, root: Path = ROOT) -> Path:
    """Write the zh-Hans tree into out_dir (emptied first); return its mkdocs.yml."""
    parent_file = root / "mkdocs.yml"
    parent = load_config(parent_file)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for folder, suffixes in CONVERTED_SUFFIXES.items():
        copy_converted(root / folder, out_dir / folder, suffixes)
    config = edition_config(parent, parent_file=parent_file)
    config_file = out_dir / "mkdocs.yml"
    header = f"# Generated by scripts/edition.py from {parent_file}: edit that file, not this one.\n"
    config_file.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    return config_file


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]).resolve() if argv else ROOT / "build" / EDITION
    print(generate(out_dir))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main(sys.argv[1:]))
