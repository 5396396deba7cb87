"""The HTML map: offline, deterministic, escaped — and checked in a real Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

import graphtool as gt
from graphtool.model import Paper

HOSTILE = [
    Paper("evil-1", "<img src=x onerror=alert(1)>",
          "We propose <script>window.__pwned=1</script>, a system that beats Medusa. "
          "It is \"quoted\" & 'single' </script><script>window.__pwned=2</script>.",
          url="javascript:alert(3)"),
    Paper("evil-2", "Medusa-Killer: <b>bold</b> claims",
          "Medusa-Killer outperforms Medusa and <img src=x onerror=window.__pwned=4> "
          "on A100 GPUs."),
]  # fmt: skip


def test_render_is_offline_and_deterministic(graph, tmp_path):
    a = gt.render(graph, tmp_path / "a.html").read_bytes()
    b = gt.render(gt.build_graph(gt.read(gt.bundled_corpus())), tmp_path / "b.html").read_bytes()
    assert a == b
    html = a.decode()
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?https?:", html)
    assert "<script src" not in html


def test_corpus_text_is_escaped_in_the_html(tmp_path):
    html = gt.render_html(gt.build_graph(HOSTILE))
    assert "<img src=x" not in html
    assert "<script>window.__pwned" not in html
    assert "</script><script>" not in html
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    titles = {v.get("title") for v in json.loads(data.group(1))["info"].values()}
    assert "<img src=x onerror=alert(1)>" in titles


def _chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium")
        pytest.skip("chromium not installed")
    return exe


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    exe = _chromium()
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=exe,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page()
    requests, errors, dialogs = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=20000)
    return page, requests, errors, dialogs


def test_map_draws_every_node_offline_in_chromium(browser, graph, tmp_path):
    out = gt.render(graph, tmp_path / "map.html")
    page, requests, errors, _ = _open(browser, out)
    drawn = page.evaluate("graphtoolNetwork.body.nodeIndices.length")
    assert drawn == graph.number_of_nodes()
    assert page.evaluate("graphtoolNetwork.body.edgeIndices.length") == graph.number_of_edges()
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    assert errors == []
    page.fill("#search", "medusa")
    page.click("#matches button[data-node='entity:medusa']")
    assert page.evaluate("graphtoolNetwork.getSelectedNodes()") == ["entity:medusa"]
    assert "Clover" in page.inner_text("#panel")
    page.close()


def test_hostile_titles_stay_inert_text_in_chromium(browser, tmp_path):
    out = gt.render(gt.build_graph(HOSTILE), tmp_path / "evil.html")
    page, requests, errors, dialogs = _open(browser, out)
    page.evaluate("graphtoolSelect('paper:evil-1')")
    assert page.inner_text("#panel h2") == "<img src=x onerror=alert(1)>"
    assert "<script>window.__pwned=1</script>" in page.inner_text("#panel")
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("#panel img, #panel script, #panel b").count() == 0
    assert page.locator("#panel a[href^='javascript']").count() == 0
    assert dialogs == [] and errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    page.close()
