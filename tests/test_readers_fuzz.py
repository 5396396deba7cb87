"""Property tests: any bytes, any text, any truncated fixture, through every reader, either
load or raise graphtool's own error type: never another exception.

The record fuzz (issue 13) writes well-formed files of every format whose fields hold
control characters, lone surrogates, U+2028/U+2029/U+0085, ``%``, formula starts, deep
nesting and numbers of thousands of digits: 2,000 cases per reader by default (set
``GRAPHTOOL_FUZZ_EXAMPLES`` for more or fewer). The pipeline property links what was
read, checks every mention against the text it was found in, and exports the graph
in every format and loads it back.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from graphtool.corpus import READERS, Corpus, read
from graphtool.errors import BadRecords, GraphtoolError

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


# ------------------------------------------------------------------ issue 13: records

#: Cases per reader (CI runs the default; 2,000 is the floor issue 13 set).
FUZZ_EXAMPLES = int(os.environ.get("GRAPHTOOL_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: The characters that broke graphtool before issue 13, and those around them.
NASTY = [
    *map(chr, range(0x00, 0x20)), "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe",
    "\ud800", "\udbff", "\udc00", "\udfff", "%", "\\", "{", "}", '"', "'", ",", ";", "=",
    "+", "-", "@", "#", "<", ">", "&", "[", "]", ":", " ",
]  # fmt: skip
nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), max_size=40
)
word_text = st.text(alphabet="abcXYZ019 ", min_size=1, max_size=12)
field_text = st.one_of(nasty_text, word_text, st.builds("".join, st.lists(
    st.sampled_from(["70% ", "=SUM(1) ", "We propose ", "Medusa ", "x" + "A" * 40, "\u2028"]),
    max_size=5)))  # fmt: skip


class Raw(str):
    """JSON text written as is: numbers of thousands of digits, arrays nested 1,500 deep
    (more than ``int`` prints or ``json.dumps`` writes)."""


odd_value = st.one_of(
    field_text,
    st.integers(min_value=1, max_value=6000).map(lambda k: Raw("9" * k)),
    st.integers(min_value=0, max_value=1500).map(lambda k: Raw("[" * k + '"x"' + "]" * k)),
    st.none(),
    st.floats(allow_nan=False),
)
records = st.lists(
    st.fixed_dictionaries(
        {"title": field_text, "abstract": field_text},
        optional={
            "id": field_text,
            "year": odd_value,
            "authors": st.lists(field_text, max_size=3),
            "url": field_text,
            "x": odd_value,
        },
    ),
    min_size=1,
    max_size=4,
)


def _json_text(value: object) -> str:
    if isinstance(value, Raw):
        return str(value)
    return json.dumps(value)


def _bib_value(value: object) -> str:
    text = str(value).replace("{", "(").replace("}", ")")
    return "{" + text + "}"


def render(fmt: str, recs: list[dict]) -> str:
    """``recs`` written as a file of format ``fmt``."""
    if fmt in ("json", "s2", "openalex", "jsonl"):
        out = []
        for i, r in enumerate(recs):
            r = dict(r)
            if fmt == "s2":
                r["paperId"] = f"s2id{i}"
            if fmt == "openalex":
                r["id"] = f"https://openalex.org/W{i}"
                words = str(r.pop("abstract")).split(" ")
                r["abstract_inverted_index"] = {w: [n] for n, w in enumerate(words)}
            out.append("{" + ", ".join(f"{json.dumps(k)}: {_json_text(v)}"
                                       for k, v in r.items()) + "}")  # fmt: skip
        return "\n".join(out) + "\n" if fmt == "jsonl" else "[" + ",\n".join(out) + "]"
    if fmt == "bibtex":
        return "\n".join(
            f"@article{{k{i},\n"
            + ",\n".join(f"  {k} = {_bib_value(v)}" for k, v in r.items() if k != "id")
            + "\n}"
            for i, r in enumerate(recs)
        )
    if fmt in ("csv", "tsv"):
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t")
        w.writerow(["title", "abstract", "year", "url"])
        for r in recs:
            w.writerow([str(r.get(k, ""))[:300] for k in ("title", "abstract", "year", "url")])
        return buf.getvalue()
    if fmt == "arxiv":
        from xml.sax.saxutils import escape

        entries = "".join(
            f"<entry><id>http://arxiv.org/abs/2401.{i:05d}v1</id>"
            f"<title>{escape(str(r['title']))}</title>"
            f"<summary>{escape(str(r['abstract']))}</summary></entry>"
            for i, r in enumerate(recs)
        )
        return f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
    return "Header\n\n" + "\n\n".join(  # listing
        f"{r['title']}\n{r['abstract']} " + "padding words. " * 20 for r in recs
    )


def _check_papers(papers) -> None:
    for p in papers:
        for text in (p.id, p.title, p.abstract, p.url or "", *p.authors):
            assert not any("\ud800" <= ch <= "\udfff" for ch in text), text  # no surrogate
            text.encode("utf-8")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "input.in"


def _read_rendered(fmt: str, text: str, f: Path):
    """Read ``text`` as a file of format ``fmt``: the papers, or None when the reader
    refused the file with graphtool's error. Bad records (``BadRecords``) still give
    their good papers, as ``--skip-bad`` would."""
    f.write_bytes(text.encode("utf-8", "surrogatepass"))  # raw surrogates: bad bytes
    try:
        out = read(f, format=fmt)
    except BadRecords as e:
        assert str(e) and e.errors
        out = e.papers
    except GraphtoolError as e:
        assert str(e)  # a message
        return None
    assert isinstance(out, Corpus)
    assert all(p.title and p.abstract for p in out)
    _check_papers(out)
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_records_with_nasty_fields_load_or_fail_cleanly(fmt, scratch):
    @FUZZ
    @given(recs=records)
    def check(recs):
        _read_rendered(fmt, render(fmt, recs), scratch)

    check()


@pytest.fixture(scope="module")
def linker():
    from graphtool.linker import Linker

    return Linker()


PIPELINE = settings(FUZZ, max_examples=max(10, FUZZ_EXAMPLES // 30))


def _expected(G, fmt):
    """What ``load`` should give back: GraphML and GEXF drop what XML 1.0 cannot hold;
    CSV cannot tell an empty string from a missing value."""
    from graphtool.export import flat_graph, xml_safe

    if fmt in ("graphml", "gexf"):
        return xml_safe(flat_graph(G))[0]
    return flat_graph(G)


def _same(G, H, fmt):
    def norm(d):
        return {k: v for k, v in d.items() if v is not None and (fmt != "csv" or v != "")}

    assert sorted(H.nodes) == sorted(G.nodes)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    for n, d in G.nodes(data=True):
        assert norm(H.nodes[n]) == norm(d), (fmt, n)
    for u, v, k, d in G.edges(keys=True, data=True):
        assert norm(H.edges[u, v, k]) == norm(d), (fmt, u, v, k)


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_is_read_links_to_its_own_text_and_every_export_loads_back(fmt, linker, scratch):
    import warnings

    import graphtool as gt
    from graphtool.export import FORMATS as EXPORTS
    from graphtool.export import export, flat_graph, load

    @PIPELINE
    @given(recs=records)
    def check(recs):
        papers = _read_rendered(fmt, render(fmt, recs), scratch)
        if not papers:
            event("no paper read")
            return
        mentions = linker.link(papers)
        event("linked and exported" + (" with mentions" if mentions else ""))
        by_id = {p.id: p for p in papers}
        for m in mentions:  # the linked text is the text that was read
            text = getattr(by_id[m.paper], m.field)
            assert text[m.start : m.end] == m.surface
            assert m.sentence in text and m.surface in m.sentence
        G = gt.build_graph(papers, mentions)
        with tempfile.TemporaryDirectory() as d, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for out in EXPORTS:
                written = export(G, Path(d) / f"g.{out}")
                _same(_expected(G, out), flat_graph(load(written[0])), out)

    check()
