"""The project is a value passed in, never the checkout the package came from: a copy of the
project is checked with its own allow-lists and hotlines, by the lint and by the build's checks
alike (they once disagreed: the lint read the repository's list while the build read the copy's),
and the pull request's preview lists every edition its mkdocs.yml names."""

from __future__ import annotations

from pathlib import Path

from overdue_guide import lint_content, page_checks, preview

ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "\n\n聯繫 QQ 12345678，或者撥打熱線 12399。\n"
NEW_HOTLINE = '  "12399": 一條只在這份副本裡的熱線\n'
HK = "    - lang: zh-HK\n      name: 香港繁體\n      path: zh-HK/\n      opencc: t2hk\n"


def personal(problems: list) -> list[str]:
    lines = [str(problem) for problem in problems]
    return [p for p in lines if "個人信息" in p and ("12345678" in p or "12399" in p)]


def test_the_real_lists_do_not_let_the_copys_numbers_through():
    text = (ROOT / "docs" / "causes.md").read_text(encoding="utf-8") + SENTENCE
    found = [kind for line in text.splitlines() for _, _, kind in lint_content.personal_data(line)]
    assert len(found) == 2  # with the repository's lists (the current folder's project), both are flagged


def test_a_copy_is_checked_with_its_own_allow_list_and_hotlines(project):
    page = project.path("docs/causes.md")
    page.write_text(page.read_text(encoding="utf-8") + SENTENCE, encoding="utf-8")
    root, docs = project.root, project.root / "docs"
    assert len(personal(lint_content.personal_data_in([docs], root))) == 2
    assert len(personal(page_checks.run_content_lint(root, docs))) == 2

    project.edit("data/lint-allowlist.yml", "\npersonal-data:\n", '\npersonal-data:\n  "12345678": 副本的示例號碼\n')
    project.edit("data/hotlines.yml", "\nhotlines:\n", "\nhotlines:\n" + NEW_HOTLINE)
    assert personal(lint_content.personal_data_in([docs], root)) == []  # the lint the build runs on every page
    assert personal(page_checks.run_content_lint(root, docs)) == []  # the build's own check of the sources
    assert personal(lint_content.lint_project(root)) == []  # the whole lint, before scripts/build
    built = f"<article><p>{SENTENCE.strip()}</p></article>"  # a page as the theme wrote it
    assert page_checks.built_personal_data(built, lint_content, page_checks.allowed_personal_data(root)) == []


def test_the_preview_lists_a_third_edition_of_the_projects_mkdocs_yml(project, tmp_path, monkeypatch):
    project.edit("mkdocs.yml", "  # What scripts/build makes", HK + "  # What scripts/build makes")
    site = tmp_path / "site"
    (site / "zh-HK" / "download").mkdir(parents=True)
    (site / "zh-HK" / "download" / "alipay-overdue-guide-zh-HK.pdf").write_bytes(b"%PDF")
    monkeypatch.chdir(project.root)  # the command works on the project of the current folder
    text = preview.describe(site, {})
    assert "香港繁體在 `zh-HK/`" in text
    assert "<http://127.0.0.1:8000/zh-HK/>" in text
    assert "| `alipay-overdue-guide-zh-HK.pdf` | PDF（香港繁體，0 KiB） |" in text


def test_no_module_finds_the_project_from_its_own_file():
    """Package data sits beside its module (Path(__file__).parent); the project is never found by climbing
    from the installed package (Path(__file__).parents[n]) but passed in."""
    import ast

    found = []
    for path in sorted((ROOT / "src" / "overdue_guide").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "parents" and "__file__" in ast.unparse(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "ROOT" for t in node.targets):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
