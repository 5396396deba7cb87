"""Property tests: any bytes, any text, any truncated fixture, through every reader, either
load or raise graphtool's own error type: never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphtool.corpus import READERS, Corpus, read
from graphtool.errors import GraphtoolError

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = {
    "bibtex": "refs.bib",
    "csv": "zotero.csv",
    "tsv": "papers.tsv",
    "arxiv": "arxiv.xml",
    "s2": "s2.json",
    "openalex": "openalex.json",
    "jsonl": "small.jsonl",
    "json": "s2.json",
    "listing": "../../data/parallel-papers.txt",
    "ris": "exports/scopus.ris",
    "wos": "exports/wos.txt",
    "wos-tab": "exports/wos-tab.txt",
    "scopus": "exports/scopus.csv",
}
FORMATS = sorted(READERS)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(data: bytes, fmt: str, suffix: str = ".in") -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"input{suffix}"
        f.write_bytes(data)
        for skip_bad in (False, True):
            try:
                out = read(f, format=fmt, skip_bad=skip_bad)
            except GraphtoolError:
                continue
            assert isinstance(out, Corpus)
            assert all(p.title and p.abstract for p in out)


@SETTINGS
@given(fmt=st.sampled_from(FORMATS), data=st.binary(max_size=400))
def test_any_bytes(fmt, data):
    _load(data, fmt)


@SETTINGS
@given(fmt=st.sampled_from(FORMATS), text=st.text(max_size=300))
def test_any_text(fmt, text):
    _load(text.encode("utf-8"), fmt)


@SETTINGS
@given(
    fmt=st.sampled_from(FORMATS),
    text=st.text(
        alphabet=st.sampled_from(list('@{}"=,#\n\t<>/:[]\\ abcTtitleabstract%0123')),
        max_size=300,
    ),
)
def test_syntax_heavy_text(fmt, text):
    _load(text.encode("utf-8"), fmt)


@SETTINGS
@given(fmt=st.sampled_from(sorted(SAMPLES)), cut=st.floats(min_value=0, max_value=1))
def test_truncated_fixtures(fmt, cut):
    data = (FIXTURES / SAMPLES[fmt]).read_bytes()
    _load(data[: int(len(data) * cut)], fmt)


@SETTINGS
@given(name=st.sampled_from(sorted(set(SAMPLES.values()) - {SAMPLES["listing"]})),
       cut=st.integers(min_value=0, max_value=6000))  # fmt: skip
def test_truncated_fixtures_with_detected_format(name, cut):
    data = (FIXTURES / name).read_bytes()
    _load(data[:cut], None, suffix=Path(name).suffix)
