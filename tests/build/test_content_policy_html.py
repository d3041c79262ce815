"""Every HTML file scripts/build publishes carries a strict Content-Security-Policy in a <meta>,
first in its <head>: both editions' pages, their offline pages, single-file downloads and the
pages of the offline zips. Each inline script it runs is listed by its hash; nothing else inline runs."""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile

import pytest
from bs4 import BeautifulSoup

from overdue_guide import build_site


def published_html(site) -> list[tuple[str, str]]:
    """(name, text) of every HTML file in the site and in its zips."""
    found = [(p.relative_to(site).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))]
    for archive in sorted(site.rglob("*.zip")):
        with zipfile.ZipFile(archive) as bundle:
            found += [
                (f"{archive.name}:{name}", bundle.read(name).decode("utf-8"))
                for name in bundle.namelist()
                if name.endswith(".html")
            ]
    return found


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_every_published_html_file_has_a_strict_policy_first_in_its_head(full_site):
    files = published_html(full_site)
    editions = build_site.read_matrix()[0]
    assert {f"{edition.path}offline.html" for edition in editions} <= {name for name, _ in files}
    assert sum(name.endswith(".zip:") or ".zip:" in name for name, _ in files) >= 8
    for name, html in files:
        head = BeautifulSoup(html, "html.parser").head
        assert head is not None, name
        elements = head.find_all(True, recursive=False)
        metas = [e for e in elements if e.get("http-equiv", "").lower() == "content-security-policy"]
        assert len(metas) == 1, name
        before = elements[: elements.index(metas[0])]
        assert all(e.name == "meta" and e.has_attr("charset") for e in before), (name, before)
        policy = directives(metas[0]["content"])
        script = policy.get("script-src", policy.get("default-src"))
        assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script and "*" not in script, name
        assert all(s in ("'self'", "'none'") or s.startswith("'sha256-") for s in script), (name, script)
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], name
        assert policy["form-action"] == ["'none'"], name
        for code in inline_scripts(html):
            digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script, (name, code[:80])


def inline_scripts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        tag.string or ""
        for tag in soup.find_all("script")
        if not tag.get("src") and tag.get("type", "text/javascript") in ("text/javascript", "module")
    ]


@pytest.mark.parametrize(
    "download", ["download/alipay-overdue-guide-zh-Hant.html", "zh-Hans/download/alipay-overdue-guide-zh-Hans.html"]
)
def test_the_single_file_page_allows_no_request_and_only_its_own_scripts(full_site, download):
    html = (full_site / download).read_text(encoding="utf-8")
    policy = directives(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1])
    assert policy["default-src"] == ["'none'"] and policy["img-src"] == ["data:"]
    assert len(policy["script-src"]) == len(inline_scripts(html)) >= 3
