"""hooks/safe_html.py's pure functions: what the sanitizer drops, the policy's hashes, and
hooks/editions.py's conversion that leaves link targets as written."""

from __future__ import annotations

import base64
import hashlib

import pytest

from overdue_guide import editions, safe_html


@pytest.mark.parametrize(
    "html, kind, name",
    [
        ("<script>alert(1)</script>", "tag", "script"),
        ('<img src="a.png" onerror="alert(1)">', "attribute", "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "url", "href"),
        ('<a href="java&#x09;script:alert(1)">x</a>', "url", "href"),
        ('<img src="data:image/png;base64,AAAA">', "url", "src"),
        ('<p class="admonition md-header">x</p>', "class", "md-header"),
        ('<p id="__drawer">x</p>', "attribute", "id"),
        ('<p style="display:none">x</p>', "attribute", "style"),
        ("<base href='https://e.example/'>", "tag", "base"),
        ("<math><mi xlink:href='javascript:alert(1)'>x</mi></math>", "tag", "math"),
    ],
)
def test_what_the_sanitizer_drops_is_reported(html, kind, name):
    _, dropped = safe_html.sanitize(html)
    assert any(item.kind == kind and item.name == name for item in dropped), dropped


def test_markdown_output_passes_unchanged_in_meaning():
    html = (
        '<h2 id="a">標題<a class="headerlink" href="#a" title="鏈接到本節">#</a></h2>'
        '<div class="admonition warning"><p class="admonition-title">注意</p><p>x<br>y</p></div>'
        '<details class="note" open><summary>s</summary>'
        '<p><a href="../b/#c">b</a> <abbr title="t">t</abbr></p></details>'
        '<p><img alt="圖" src="../images/a.png" /> <a href="https://example.com/?a=1&amp;b=2">e</a></p><!-- note -->'
    )
    clean, dropped = safe_html.sanitize(html)
    assert dropped == []
    assert safe_html.elements(clean) == safe_html.elements(html)


def test_each_inline_script_is_in_the_policy_by_its_hash_and_data_or_sources_are_not():
    page = (
        '<html><head><meta charset="utf-8"><script>var a=1</script><script src="x.js"></script>'
        '<script id="__config" type="application/json">{}</script></head><body><script>b()</script></body></html>'
    )
    policy = safe_html.content_policy(page)
    hashes = [f"'sha256-{base64.b64encode(hashlib.sha256(code).digest()).decode()}'" for code in (b"var a=1", b"b()")]
    assert f"script-src 'self' {hashes[0]} {hashes[1]};" in policy
    assert policy.count("sha256-") == 2 and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    out = safe_html.with_policy(page, policy)
    assert out.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert safe_html.with_policy(out, policy).count("Content-Security-Policy") == 1


def test_the_zh_hans_edition_converts_words_but_not_where_links_point():
    convert = editions.converter("tw2s")
    text = '見[還款頁](還款.md#還款)和![圖](<images/還款 流程.png>)、[見][參考]\n[參考]: 還款.md\n<img src="還款.png" alt="還款">'  # noqa: E501
    assert editions.convert_keeping_targets(text, convert) == (
        "见[还款页](還款.md#還款)和![图](<images/還款 流程.png>)、[见][参考]\n"
        '[参考]: 還款.md\n<img src="還款.png" alt="还款">'
    )
