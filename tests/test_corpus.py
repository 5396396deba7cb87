"""Reading corpora: the listing format, JSON Lines, JSON, and every bad-input case."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graphtool as gt
from graphtool.corpus import detect_format, read
from graphtool.errors import BadRecords, InputError


def test_example_corpus_has_89_papers_with_exact_titles(papers):
    assert len(papers) == 89
    assert papers[0].title == (
        "ASGDiffusion: Parallel High-Resolution Generation with Asynchronous Structure Guidance"
    )
    assert papers[-1].title == (
        "GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism"
    )
    assert papers[-1].abstract.startswith("Scaling up deep neural network capacity")
    assert papers[0].source.endswith("parallel-papers.txt:11")


def test_ids_are_stable_slugs_and_unique(papers):
    assert (
        papers[0].id
        == "asgdiffusion-parallel-high-resolution-generation-with-asynchronous-structure"
    )
    assert len({p.id for p in papers}) == 89
    assert [p.id for p in read(gt.bundled_corpus())] == [p.id for p in papers]


def test_jsonl_round_trip(tmp_path, fixtures):
    papers = read(fixtures / "small.jsonl")
    assert [p.id for p in papers] == ["2401.00001", "2401.00002", "2401.00003"]
    assert papers[0].authors == ("A. Author", "B. Author")
    assert papers[0].year == 2024
    out = tmp_path / "copy.jsonl"
    out.write_text(
        "".join(
            json.dumps(
                {"id": p.id, "title": p.title, "abstract": p.abstract, "year": p.year,
                 "authors": list(p.authors), "url": p.url}
            ) + "\n"
            for p in papers
        )
    )  # fmt: skip
    again = read(out)
    assert [(p.id, p.title, p.abstract, p.year, p.authors, p.url) for p in again] == [
        (p.id, p.title, p.abstract, p.year, p.authors, p.url) for p in papers
    ]


def test_json_array_and_data_wrapper(tmp_path):
    a = tmp_path / "a.json"
    a.write_text(json.dumps([{"title": "One Paper", "abstract": "It works."}]))
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"data": [{"id": 7, "title": "Two", "abstract": "Also."}]}))
    assert [p.id for p in read([a, b])] == ["one-paper", "7"]


def test_format_detection_by_content(tmp_path):
    f = tmp_path / "export.data"
    f.write_text('{"title": "T", "abstract": "A."}\n{"title": "U", "abstract": "B."}\n')
    assert detect_format(f) == "jsonl"
    assert [p.title for p in read(f)] == ["T", "U"]
    assert [p.title for p in read(f, format="jsonl")] == ["T", "U"]


def _bad_jsonl(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text(
        '{"title": "Good One", "abstract": "Fine."}\n'
        '{"title": "Broken", "abstract": \n'
        '{"abstract": "No title here."}\n'
        '{"title": "No Abstract"}\n'
        '["not", "an", "object"]\n'
        '{"title": "Good Two", "abstract": "Fine too."}\n'
    )
    return f


def test_bad_records_are_reported_with_file_and_line(tmp_path):
    f = _bad_jsonl(tmp_path)
    with pytest.raises(BadRecords) as err:
        read(f)
    msg = str(err.value)
    assert f"{f}:2: broken JSON" in msg
    assert f"{f}:3: record has no title" in msg
    assert f"{f}:4: record has no abstract (title 'No Abstract')" in msg
    assert f"{f}:5: expected a JSON object, got list" in msg
    assert "4 bad record(s)" in msg
    assert [p.title for p in err.value.papers] == ["Good One", "Good Two"]


def test_skip_bad_keeps_the_good_records(tmp_path):
    papers = read(_bad_jsonl(tmp_path), skip_bad=True)
    assert [p.title for p in papers] == ["Good One", "Good Two"]
    assert len(papers.skipped) == 4


def test_not_utf8_names_the_line_and_suggests_encoding(tmp_path):
    f = tmp_path / "latin.jsonl"
    f.write_bytes(b'{"title": "Ok", "abstract": "Fine."}\n{"title": "Caf\xe9", "abstract": "x"}\n')
    with pytest.raises(InputError, match=r"latin\.jsonl:2: bytes that are not utf-8.*--encoding"):
        read(f)
    assert [p.title for p in read(f, encoding="latin-1")] == ["Ok", "Café"]


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match=r"nope\.jsonl: no such file"):
        read(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="folder holds no supported file"):
        read(tmp_path)


def test_folder_reads_every_supported_file(tmp_path, fixtures):
    (tmp_path / "a.jsonl").write_text((fixtures / "small.jsonl").read_text())
    (tmp_path / "notes.md").write_text("# not a corpus")
    assert len(read(tmp_path)) == 3


def test_listing_title_without_abstract_is_bad(tmp_path):
    f = tmp_path / "page.txt"
    abstract = "This abstract is long enough to count as one. " * 6
    f.write_text(
        f"Header\n\nFirst Title\n\n{abstract}\n\nDangling Title\n\nLast Title\n\n{abstract}\n"
    )
    with pytest.raises(BadRecords, match=r"page\.txt:7: title without an abstract"):
        read(f)
    assert [p.title for p in read(f, skip_bad=True)] == ["First Title", "Last Title"]


def test_repeated_record_is_merged_and_clashing_id_is_renamed(tmp_path):
    f = tmp_path / "dups.jsonl"
    f.write_text(
        '{"id": "x", "title": "Same", "abstract": "A."}\n'
        '{"id": "x", "title": "Same", "abstract": "A."}\n'
        '{"id": "x", "title": "Other", "abstract": "B."}\n'
    )
    papers = read(f)
    assert [p.id for p in papers] == ["x", "x-2"]
    assert papers.merged == [(f"{f}:1", f"{f}:2")]


def test_an_empty_file_is_named_and_skippable(tmp_path, fixtures):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(
        BadRecords, match=r"1 bad record\(s\) and no good one:\n  .*empty\.jsonl: the file is empty"
    ):
        read(empty)
    papers = read([empty, fixtures / "small.jsonl"], skip_bad=True)
    assert len(papers) == 3 and str(papers.skipped[0]) == f"{empty}: the file is empty"


def test_unknown_file_read_as_listing_says_how_it_was_read(tmp_path):
    f = tmp_path / "notes.md"
    f.write_text("# My notes\n\nSome text that is not a corpus.\n")
    with pytest.raises(BadRecords, match=r"notes\.md: read as a listing page, .* --format"):
        read(f)


# ------------------------------------------------------------ records and DataFrames


def test_read_takes_a_list_of_dicts_as_the_readme_says():
    papers = read([{"id": "1", "title": "T", "abstract": "We propose Foo, a system."}])
    assert [(p.id, p.title, p.source) for p in papers] == [("1", "T", "record 1")]


def test_read_takes_papers_paths_and_dicts_mixed(fixtures):
    own = gt.Paper("mine", "My title", "My abstract.")
    papers = read([own, fixtures / "small.jsonl", {"title": "Other", "abstract": "B."}])
    assert [p.id for p in papers][:2] == ["mine", "other"]
    assert len(papers) == 5


def test_read_takes_a_generator_of_records():
    gen = ({"title": f"T{i}", "abstract": "A."} for i in range(3))
    assert [p.title for p in read(gen)] == ["T0", "T1", "T2"]


def test_bad_records_in_a_list_are_located_like_bad_lines():
    with pytest.raises(BadRecords) as e:
        read([{"title": "T", "abstract": "A."}, {"title": "U"}, 42])
    assert "record 2: record has no abstract (title 'U')" in str(e.value)
    assert "record 3: expected a dict, a Paper or a path, got int" in str(e.value)
    assert [p.title for p in e.value.papers] == ["T"]
    assert [p.title for p in read([{"title": "T", "abstract": "A."}, {}], skip_bad=True)] == ["T"]


def test_read_takes_a_dataframe_with_missing_cells_and_numpy_years():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "title": ["Alpha", "Beta", "Gamma"],
            "abstract": ["We propose Alpha.", None, "Gamma beats Alpha."],
            "year": [2021, None, 2023],
        },
        index=[10, 11, 12],
    )
    with pytest.raises(BadRecords) as e:
        read(df)
    assert "row 11: record has no abstract (title 'Beta')" in str(e.value)
    papers = read(df, skip_bad=True)
    assert [(p.id, p.year) for p in papers] == [("a", 2021), ("c", 2023)]


def test_build_graph_takes_dicts_a_dataframe_and_a_path(fixtures):
    pd = pytest.importorskip("pandas")
    recs = [
        {"id": "c", "title": "Clover: fast decoding", "abstract": "We propose Clover."},
        {"id": "d", "title": "Other", "abstract": "We compare with Clover."},
    ]
    for data in (recs, pd.DataFrame(recs)):
        G = gt.build_graph(data)
        assert {"paper:c", "paper:d", "entity:clover"} <= set(G.nodes)
        assert G.has_edge("paper:d", "paper:c", key="builds_on")
    assert "paper:2401.00001" in gt.build_graph(fixtures / "small.jsonl")
    with pytest.raises(BadRecords, match="record 1: record has no title"):
        gt.build_graph([{"abstract": "x"}])


def test_a_dataframe_date_column_gives_year_and_month():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"title": ["T"], "abstract": ["A."], "date": [pd.Timestamp("2024-09-17")]})
    p = read(df)[0]
    assert (p.year, p.month) == (2024, 9)


def test_pandas_is_imported_only_when_a_dataframe_is_given():
    import subprocess
    import sys

    code = (
        "import sys, graphtool as gt\n"
        "gt.build_graph(gt.read([{'title': 'T', 'abstract': 'We propose Foo.'}]))\n"
        "print('pandas' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_records_from_to_dict_with_nan_na_and_arrays_load():
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    df = pd.DataFrame(
        {
            "title": ["A", "B", "C"],
            "abstract": ["x.", "y.", "z."],
            "year": pd.array([2020, None, 2021], dtype="Int64"),
            "references": [["b", "c"], None, np.array(["a", "b"])],
        }
    )
    for data in (df, df.to_dict("records")):
        assert [(p.title, p.year, p.references) for p in read(data)] == [
            ("A", 2020, ("b", "c")), ("B", None, ()), ("C", 2021, ("a", "b"))
        ]  # fmt: skip


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_FIELDS = st.sampled_from(["id", "title", "abstract", "year", "month", "date", "authors",
                           "references", "doi", "arxiv", "url", "extra_ids", "paperId"])  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(_FIELDS, _JSONISH, max_size=6) | _JSONISH, max_size=4))
def test_any_records_load_or_give_located_errors(records):
    try:
        corpus = read(records, skip_bad=True)
    except InputError:
        return
    assert all(p.title and p.abstract for p in corpus)
    assert all(e.location.startswith("record ") for e in corpus.skipped)


def test_a_folder_still_reads_a_corpus_whose_records_start_with_a_long_abstract(tmp_path):
    rec = {"abstract": "We propose Quokka. " * 200, "title": "Quokka", "year": 2024}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n")
    (tmp_path / "b.json").write_text(json.dumps({"_comment": "settings", "threshold": 0.5}))
    corpus = read(tmp_path)
    assert [p.title for p in corpus] == ["Quokka"]
    assert [(f.rsplit("/", 1)[-1], what) for f, what in corpus.ignored] == [
        ("b.json", "a data file")
    ]


# --------------------------------------------------------------- issue 13: reliability


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x1c", "\x0b"])
def test_jsonl_string_holding_a_unicode_line_separator_is_one_record(tmp_path, sep):
    f = tmp_path / "sep.jsonl"
    recs = [{"id": "a", "title": f"One{sep}Title", "abstract": f"Text{sep}here."},
            {"id": "b", "title": "Two", "abstract": "More."}]  # fmt: skip
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\r\n")
    for skip_bad in (False, True):
        papers = read(f, skip_bad=skip_bad)
        assert [p.id for p in papers] == ["a", "b"] and not papers.skipped
    assert papers[0].abstract == "Text here."  # whitespace collapsed as always


def test_jsonl_deep_nesting_and_huge_numbers_are_located_and_skippable(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text(
        '{"id": "ok", "title": "Fine", "abstract": "Text."}\n'
        '{"title": "T", "abstract": "A.", "x": ' + "[" * 1000 + "]" * 1000 + "}\n"
        '{"title": "T", "abstract": "A.", "year": ' + "9" * 5000 + "}\n"
    )
    with pytest.raises(BadRecords) as err:
        read(f)
    msg = str(err.value)
    assert f"{f}:2: JSON nested too deeply (past 200 levels at column 238)" in msg
    assert f"{f}:3: a number too long to read (5000 digits, column 42)" in msg
    papers = read(f, skip_bad=True)
    assert [p.id for p in papers] == ["ok"] and len(papers.skipped) == 2


@pytest.mark.parametrize("codec, hint", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_file_suggests_the_right_encoding(tmp_path, codec, hint):
    f = tmp_path / "u16.jsonl"
    f.write_bytes('{"title": "Título", "abstract": "Texto."}\n'.encode(codec))
    with pytest.raises(InputError) as err:
        read(f)
    assert f"pass --encoding {hint}" in str(err.value) and "latin-1" not in str(err.value)
    assert [p.title for p in read(f, encoding=hint)] == ["Título"]


def test_utf16_file_with_a_byte_order_mark_is_read_as_it_says(tmp_path):
    # the mark is unambiguous (Web of Science's "Win" exports are written so)
    f = tmp_path / "u16.jsonl"
    f.write_bytes('{"title": "Título", "abstract": "Texto."}\n'.encode("utf-16"))
    assert [p.title for p in read(f)] == ["Título"]


def test_listing_line_with_a_unicode_line_separator_is_one_line(tmp_path):
    f = tmp_path / "l.txt"
    abstract = "An abstract sentence that is long enough to be one. " * 4
    f.write_text(f"Header\n\nA Title\u2028Part\n\n{abstract}\n")
    assert [p.title for p in read(f)] == ["A Title Part"]


@pytest.mark.parametrize("name", ["identity.json", "linker-words.json"])
def test_graphtools_own_word_lists_are_not_corpora(name):
    from graphtool._resources import data_path
    from graphtool.corpus import not_a_corpus

    assert not_a_corpus(data_path("lexicon", name)) == "a data file"
