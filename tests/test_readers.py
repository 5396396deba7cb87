"""Every input format: a real-shaped fixture, what the user gets, and each bad input's message."""

from __future__ import annotations

import json

import pytest

import graphtool as gt
from graphtool.corpus import READERS, detect_format, read
from graphtool.errors import BadRecords, GraphtoolError, InputError
from graphtool.readers import parse_columns


def _bad(path, **kw) -> str:
    with pytest.raises(GraphtoolError) as err:
        read(path, **kw)
    return str(err.value)


# ---------------------------------------------------------------------------- BibTeX


def test_bibtex_fixture_strings_braces_accents_and_ids(fixtures):
    papers = read(fixtures / "refs.bib")
    assert [p.id for p in papers] == ["vaswani2017", "kwon2023", "strati2024",
                                      "dao2023flashattention2"]  # fmt: skip
    vaswani, kwon, strati, dao = papers
    assert vaswani.title == "Attention Is All You Need"
    assert vaswani.authors[6] == "Łukasz Kaiser"
    assert vaswani.arxiv == "1706.03762" and vaswani.year == 2017
    assert vaswani.source == f"{fixtures / 'refs.bib'}:5 (entry vaswani2017)"
    assert kwon.title.endswith("with PagedAttention") and kwon.doi == "10.1145/3600006.3613165"
    assert strati.title.startswith("DéjàVu: KV-cache Streaming")
    assert "We propose DéjàVu" in strati.abstract
    assert strati.arxiv == "2403.01876"  # from journal = {arXiv preprint arXiv:…}
    assert dao.arxiv == "2307.08691"  # eprint 2307.08691v1: version dropped
    assert detect_format(fixtures / "refs.bib") == "bibtex"


def test_bibtex_string_concatenation(tmp_path):
    f = tmp_path / "c.bib"
    f.write_text('@string{conf = "SOSP"}\n@inproceedings{k, title = "Paged " # conf,\n'
                 "  abstract = {An abstract.}}\n")  # fmt: skip
    assert read(f)[0].title == "Paged SOSP"


def test_bibtex_unbalanced_braces_names_line_and_entry_and_keeps_the_rest(tmp_path):
    f = tmp_path / "refs.bib"
    f.write_text(
        "@article{good, title={Good}, abstract={Fine.}}\n"
        "@article{broken,\n  title = {Unbalanced {braces},\n  abstract = {x}\n}\n"
        "@article{after, title={After}, abstract={Still read.}}\n"
    )
    msg = _bad(f)
    assert msg == (
        "1 bad record(s); fix them or pass --skip-bad to load the 2 good ones:\n"
        f"  {f}:2 (entry broken): unbalanced braces: 1 '{{' never closed"
    )
    papers = read(f, skip_bad=True)
    assert [p.id for p in papers] == ["good", "after"]
    assert len(papers.skipped) == 1


def test_bibtex_entry_without_abstract_and_duplicate_key(tmp_path):
    f = tmp_path / "refs.bib"
    f.write_text(
        "@article{a, title={Has One}, abstract={Yes.}}\n"
        "@article{b, title={No Abstract Here}, year={2020}}\n"
        "@article{a, title={Again}, abstract={Dup.}}\n"
    )
    msg = _bad(f)
    assert f"{f}:2 (entry b): record has no abstract (title 'No Abstract Here')" in msg
    assert f"{f}:3 (entry a): duplicate entry key 'a'" in msg


def test_bibtex_not_utf8_suggests_encoding(tmp_path):
    f = tmp_path / "latin.bib"
    f.write_bytes(b"@article{a, title={Caf\xe9 Serving}, abstract={x}}\n")
    assert _bad(f) == (
        f"{f}:1: bytes that are not utf-8 at byte 22; "
        "pass --encoding (e.g. --encoding latin-1) if the file uses another encoding"
    )
    assert read(f, encoding="latin-1")[0].title == "Café Serving"


# ------------------------------------------------------------------------- CSV / TSV


def test_zotero_csv_known_headers_multiline_abstract_and_authors(fixtures):
    papers = read(fixtures / "zotero.csv")
    assert [p.id for p in papers] == ["QW3ERTY1", "ZX8CVB2N", "PL9MNB4V"]
    medusa = papers[1]
    assert medusa.title.startswith("Medusa: Simple LLM Inference")
    assert medusa.abstract.startswith("Large Language Models (LLMs) employ")
    assert "extra decoding heads" in medusa.abstract  # the second line of a quoted cell
    assert medusa.authors[:2] == ("Cai, Tianle", "Li, Yuhong")
    assert medusa.year == 2024 and medusa.arxiv == "2401.10774"
    assert papers[2].source == f"{fixtures / 'zotero.csv'}:5"  # line 3 holds two lines


def test_tsv_fixture(fixtures):
    papers = read(fixtures / "papers.tsv")
    assert [(p.id, p.year, p.authors[0]) for p in papers] == [
        ("2005.14165", 2020, "Tom B. Brown"),
        ("gpt-3-report", 2020, "OpenAI"),
    ]


def test_csv_columns_option_maps_other_names(tmp_path):
    f = tmp_path / "sheet.csv"
    f.write_text("Name,Summary Text,When\nMy Paper,It does things.,2021\n")
    assert "no title column" in _bad(f)
    papers = read(f, columns="title=Name,abstract=Summary Text,year=When")
    assert [(p.title, p.abstract, p.year) for p in papers] == [
        ("My Paper", "It does things.", 2021)
    ]


def test_csv_without_abstract_column_is_a_clear_error(tmp_path):
    f = tmp_path / "sheet.csv"
    f.write_text("Title,Notes\nA Paper,n/a\n")
    assert _bad(f) == (
        "1 bad record(s) and no good one:\n"
        f"  {f}:1: no abstract column; the header has: 'Title', 'Notes'; "
        "name the right one with --columns abstract=NAME"
    )


def test_csv_mapped_column_missing_and_bad_spec(tmp_path):
    f = tmp_path / "sheet.csv"
    f.write_text("title,abstract\nT,A.\n")
    assert f"{f}:1: no column 'Summary' (given for abstract)" in _bad(f, columns="abstract=Summary")
    with pytest.raises(InputError, match="--columns: expected field=Column, got 'abstract'"):
        parse_columns("abstract")
    with pytest.raises(InputError, match="--columns: unknown field 'venue'"):
        parse_columns("venue=Journal")


def test_csv_broken_rows_are_located_and_the_rest_load(tmp_path):
    f = tmp_path / "sheet.csv"
    f.write_text('title,abstract\nOne,"fine"\nTwo,"x"y\nThree,a,b\nFour,ok\n')
    msg = _bad(f)
    assert f"{f}:3: broken row: ',' expected after '\"'" in msg
    assert f"{f}:4: row has 3 fields but the header has 2" in msg
    assert [p.title for p in read(f, skip_bad=True)] == ["One", "Four"]


def test_semicolon_csv(tmp_path):
    f = tmp_path / "excel.csv"
    f.write_text("Title;Abstract;Year\nT;An abstract, with a comma.;2022\n")
    assert read(f)[0].abstract == "An abstract, with a comma."


# ----------------------------------------------------------------------------- arXiv


def test_arxiv_atom_ids_without_versions(fixtures):
    papers = read(fixtures / "arxiv.xml")
    assert [p.id for p in papers] == ["2205.14135", "2307.08691", "hep-th/9901001"]
    fa = papers[0]
    assert fa.title == "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"
    assert fa.abstract.startswith("Transformers are slow and memory-hungry on long sequences")
    assert fa.authors[-1] == "Christopher Ré" and fa.year == 2022
    assert fa.url == "http://arxiv.org/abs/2205.14135v2"
    assert papers[2].doi == "10.1000/example.9901001"
    assert papers[1].source == f"{fixtures / 'arxiv.xml'}: entry 2 (2307.08691)"


def test_invalid_xml_gives_line_and_column(tmp_path):
    f = tmp_path / "query.xml"
    f.write_text('<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>x</titel>\n')
    assert _bad(f) == (
        "1 bad record(s) and no good one:\n"
        f"  {f}:3: invalid XML: mismatched tag (line 3, column 11)"
    )


def test_arxiv_api_error_entry_and_entities_refused(tmp_path):
    f = tmp_path / "err.xml"
    f.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        "<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>"
        "<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>"
    )
    assert f"{f}: entry 1: the arXiv API returned an error: incorrect id format" in _bad(f)
    g = tmp_path / "bomb.xml"
    g.write_text('<!DOCTYPE f [<!ENTITY a "aaaa">]><feed>&a;</feed>')
    assert "XML with a DTD or entities is not accepted" in _bad(g)


# -------------------------------------------------------------- Semantic Scholar / OpenAlex


def test_semantic_scholar_fixture(fixtures):
    papers = read(fixtures / "s2.json")
    assert detect_format(fixtures / "s2.json") == "s2"
    ids = [p.id for p in papers]
    assert ids == ["1706.03762", "2205.14135", "2307.08691", "2309.06180", "2401.10774",
                   "2403.01876"]  # fmt: skip
    vllm = papers[3]
    assert vllm.doi == "10.1145/3600006.3613165"
    assert "s2:83b90f4a0ae4cc214eb3cc140ccfef9cd99fac05" in vllm.extra_ids
    # references to corpus papers become their ids; the Orca one is outside the corpus
    assert vllm.references[:2] == ("2205.14135", "1706.03762")
    assert vllm.external_refs == 1
    assert papers[0].external_refs == 2  # one without a paperId still counts


def test_semantic_scholar_single_paper_list_and_jsonl(tmp_path):
    rec = {"paperId": "abc", "title": "T", "abstract": "A.", "externalIds": {"ArXiv": "2401.1"}}
    (tmp_path / "one.json").write_text(json.dumps(rec))
    (tmp_path / "list.json").write_text(json.dumps([{**rec, "paperId": "def", "title": "U"}]))
    (tmp_path / "lines.jsonl").write_text(json.dumps({**rec, "paperId": "g", "title": "V"}))
    assert [p.id for p in read(tmp_path / "one.json")] == ["abc"]
    assert [p.id for p in read(tmp_path / "list.json", format="s2")] == ["def"]
    assert [p.extra_ids for p in read(tmp_path / "lines.jsonl", format="s2")] == [("s2:g",)]


def test_semantic_scholar_references_endpoint_is_unwrapped(tmp_path):
    f = tmp_path / "refs.json"
    f.write_text(json.dumps({"data": [{"citedPaper": {"paperId": "x1", "title": "Cited",
                                                      "abstract": "Its abstract."}}]}))  # fmt: skip
    assert [p.title for p in read(f)] == ["Cited"]


def test_openalex_fixture_rebuilds_abstracts(fixtures):
    papers = read(fixtures / "openalex.json")
    assert detect_format(fixtures / "openalex.json") == "openalex"
    fa2, fa, att = papers
    assert fa.authors[-1] == "Christopher Ré"
    assert fa2.id == "2307.08691"  # from the 10.48550/arXiv DOI
    assert fa2.abstract.startswith("Scaling Transformers to longer sequence lengths has been")
    assert fa2.abstract.endswith("compared to FlashAttention.")
    assert att.arxiv == "1706.03762"  # from the landing page URL
    assert "openalex:W2963403868" in att.extra_ids
    assert fa2.references == ("2205.14135", "1706.03762", "openalex:W3021293129")
    assert fa2.external_refs == 1


def test_json_line_that_is_not_an_object(tmp_path):
    f = tmp_path / "s2.jsonl"
    f.write_text('{"paperId": "a", "title": "T", "abstract": "A."}\n[1, 2]\n')
    assert _bad(f) == (
        "1 bad record(s); fix them or pass --skip-bad to load the 1 good ones:\n"
        f"  {f}:2: expected a JSON object, got list"
    )


def test_openalex_bad_inverted_index_and_wrong_kind(tmp_path):
    f = tmp_path / "oa.json"
    f.write_text(json.dumps({"results": [
        {"id": "https://openalex.org/W1", "title": "T", "abstract_inverted_index": {"x": "0"}},
        {"title": "Plain", "abstract": "Not OpenAlex."},
    ]}))  # fmt: skip
    msg = _bad(f, format="openalex")
    assert (
        f"{f}: record 1: abstract_inverted_index is not an object of {{word: [positions]}}" in msg
    )
    assert f"{f}: record 2: not a OpenAlex work record (keys: title, abstract)" in msg


# ---------------------------------------------------------------------- many inputs


def test_folder_reads_every_format_and_merges_the_same_papers(fixtures):
    corpus = read(fixtures)
    assert [f.rsplit("/", 1)[-1] for f, _, _ in corpus.files] == [
        "arxiv.xml", "scopus.csv", "scopus.ris", "wos-tab.txt", "wos.txt", "openalex.json",
        "papers.tsv", "refs.bib", "s2.json", "small.jsonl", "zotero.csv",
    ]  # fmt: skip
    assert {fmt for _, fmt, _ in corpus.files} == {
        "arxiv", "openalex", "tsv", "bibtex", "s2", "jsonl", "csv", "ris", "wos", "wos-tab",
        "scopus",
    }  # fmt: skip
    # exports/ holds the same three papers in four export formats: they merge into three
    assert sum(n for _, _, n in corpus.files) == 24 + 12
    assert len(corpus) == 13 + 2 and len(corpus.merges) == 11 + 10
    fa2 = next(p for p in corpus if p.arxiv == "2307.08691")
    # one paper from four sources, every id kept
    assert fa2.id == "2307.08691"
    for key in ("openalex:W4385245566", "dao2023flashattention2",
                "s2:823ca4778e1027f2f0b356df051d762dcecaaba0"):  # fmt: skip
        assert key in fa2.extra_ids
    whys = {(m.paper, m.why) for m in corpus.merges}
    assert ("kwon2023", "same DOI 10.1145/3600006.3613165") in whys
    assert ("kwon2023", "same title") in whys  # the Zotero row has no ids at all
    # GPT-3 and GPT-4 reports stay two papers
    titles = [p.title for p in corpus]
    assert "GPT-3 Technical Report" in titles and "GPT-4 Technical Report" in titles


def test_several_inputs_at_once(fixtures):
    corpus = read([fixtures / "refs.bib", fixtures / "s2.json"])
    assert len(corpus) == 6
    dejavu = next(p for p in corpus if p.id == "strati2024")
    assert dejavu.references[0] == "kwon2023"  # the S2 reference resolved to the bib id


def test_readers_table_names_every_format():
    assert set(READERS) == {"listing", "jsonl", "json", "bibtex", "csv", "tsv", "arxiv", "s2",
                            "openalex", "ris", "wos", "wos-tab", "scopus"}  # fmt: skip


def test_format_detection_without_extensions(tmp_path, fixtures):
    for name, fmt in [("refs.bib", "bibtex"), ("arxiv.xml", "arxiv"), ("zotero.csv", "csv"),
                      ("papers.tsv", "tsv"), ("s2.json", "s2")]:  # fmt: skip
        f = tmp_path / f"{name}.data"
        f.write_bytes((fixtures / name).read_bytes())
        assert detect_format(f) == fmt, name
        assert len(read(f)) > 0


def test_bad_records_error_keeps_good_papers(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("title,abstract\nGood,Fine.\nNo abstract,\n")
    with pytest.raises(BadRecords) as err:
        gt.read(f)
    assert [p.title for p in err.value.papers] == ["Good"]
    assert f"{f}:3: record has no abstract (title 'No abstract')" in str(err.value)


def test_year_and_month_from_date_arxiv_id_or_bibtex_month(tmp_path):
    rows = [
        {"id": "2409.12345", "title": "From the id", "abstract": "A."},
        {"id": "x", "title": "From the date", "abstract": "B.", "date": "2023-11-02"},
        {"id": "2409.00001", "title": "Year given", "abstract": "C.", "year": 2025},
        {"id": "old", "title": "Old style", "abstract": "D.", "arxiv": "hep-th/9901001"},
    ]
    f = tmp_path / "p.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    got = {p.title: (p.year, p.month) for p in read(f)}
    assert got == {
        "From the id": (2024, 9),
        "From the date": (2023, 11),
        "Year given": (2025, None),  # the id's 2024 disagrees: the record's year wins
        "Old style": (1999, 1),
    }
    bib = tmp_path / "l.bib"
    bib.write_text("@article{k, title={T}, abstract={A.}, year={2020}, month=mar}\n")
    (p,) = read(bib)
    assert (p.year, p.month) == (2020, 3)


# --------------------------------------------------------------- issue 13: reliability


def test_bibtex_percent_inside_a_field_is_text(tmp_path):
    f = tmp_path / "pct.bib"
    f.write_text(
        "% a comment line outside entries\n"
        "@article{pct,\n"
        "  title = {70% Size, 100% Accuracy},\n"
        '  abstract = "We compress at 70% size, keep 100\\% accuracy. And 5%\n'
        '   more: the rest of the abstract stays.",\n'
        "  year = 2024}\n"
        "@article{other, title = {Another Paper}, abstract = {Text.}}\n"
    )
    papers = {p.id: p for p in read(f)}
    assert papers["pct"].title == "70% Size, 100% Accuracy"
    assert papers["pct"].abstract == (
        "We compress at 70% size, keep 100% accuracy. And 5% more: the rest of the abstract stays."
    )
    assert papers["other"].title == "Another Paper"  # two papers, not one "same title"


def test_bibtex_missing_equals_is_named_with_its_field_and_line(tmp_path):
    f = tmp_path / "eq.bib"
    f.write_text(
        "@article{k1,\n  title {A Title},\n  abstract = {Text.}\n}\n"
        "@article{k2, title = {B}, abstract = {C.}}\n"
    )
    msg = _bad(f)
    assert (
        f"{f}:2 (entry k1): field 'title' has no '=' after its name; write title = {{...}}" in msg
    )
    assert "unbalanced" not in msg
    assert [p.id for p in read(f, skip_bad=True)] == ["k2"]


def test_csv_cell_longer_than_the_csv_module_limit(tmp_path):
    f = tmp_path / "long.csv"
    abstract = "word " * 40_000  # 200,000 characters: over csv's 131,072 default
    f.write_text(f"title,abstract\nLong One,{abstract}\n")
    (p,) = read(f)
    assert p.title == "Long One" and len(p.abstract) == len(abstract.strip())
    import csv

    assert csv.field_size_limit() == 131_072  # lifted while reading only


@pytest.mark.parametrize("fmt", ["s2", "openalex", "json"])
def test_lone_surrogate_from_a_json_escape_is_replaced(tmp_path, fmt):
    rec = {"title": "T \ud800 x", "abstract": "An abstract \udfff here."}
    if fmt == "s2":
        rec["paperId"] = "abc"
    elif fmt == "openalex":
        rec = {"id": "https://openalex.org/W1", "title": "T \ud800 x",
               "abstract_inverted_index": {"An": [0], "\udfff": [1]}}  # fmt: skip
    f = tmp_path / f"{fmt}.json"
    f.write_text(json.dumps([rec]))  # ASCII escapes: "\ud800" in the file
    (p,) = read(f, format=fmt)
    assert p.title == "T \ufffd x"
    assert "\ufffd" in p.abstract
    p.title.encode("utf-8")  # writable


@pytest.mark.parametrize("fmt", ["json", "s2", "openalex"])
def test_json_nested_a_thousand_deep_is_a_located_error(tmp_path, fmt):
    f = tmp_path / "deep.json"
    f.write_text('[{"title": "T", "abstract": "A.", "x": ' + "[" * 1000 + "]" * 1000 + "}]")
    msg = _bad(f, format=fmt)
    assert f"{f}:1: JSON nested too deeply (past 200 levels at column" in msg
    assert "flatten the record" in msg


def test_json_huge_number_is_a_located_error(tmp_path):
    f = tmp_path / "big.json"
    f.write_text('[{"title": "T", "abstract": "A.",\n "year": ' + "9" * 5000 + "}]")
    msg = _bad(f)
    assert f"{f}:2: a number too long to read (5000 digits, column 10)" in msg
    assert "write it as a string" in msg


def test_latex_font_commands_in_a_record_are_read_as_their_words(tmp_path):
    # real: 2201.01180 "{\em FairRec}", 2308.09678 "\textit{Multi-Hypothesis \textbf{P}ose …}"
    f = tmp_path / "latex.jsonl"
    f.write_text(
        '{"id": "1", "title": "\\\\textit{In Silico} Tests", "abstract": "our proposed '
        '{\\\\em FairRec} algorithm and \\\\textit{Multi \\\\textbf{P}ose} nets"}\n'
    )
    (p,) = gt.read(f)
    assert p.title == "In Silico Tests"
    assert p.abstract == "our proposed FairRec algorithm and Multi Pose nets"
    # real: 2506.10988 "the \underline{YOTO}--\underline{Y}ou \underline{O}nly …"
    f.write_text('{"id": "2", "title": "T", "abstract": "the \\\\underline{Y}ou '
                 '\\\\underline{O}nly \\\\mbox{Train} \\\\textsl{Once}"}\n')  # fmt: skip
    (p,) = gt.read(f)
    assert p.abstract == "the You Only Train Once"
