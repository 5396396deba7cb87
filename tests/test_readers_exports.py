"""The bibliographic exports researchers have: RIS, Web of Science (plain text and
tab-delimited) and Scopus CSV, read without --columns, references resolved to `cites`."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

import graphtool as gt
from graphtool.cli import main
from graphtool.corpus import detect_format, read
from graphtool.errors import BadRecords

MEDUSA = "Medusa: Simple LLM Inference Acceleration Framework with Multiple Decoding Heads"
EAGLE = "EAGLE: Speculative Sampling Requires Rethinking Feature Uncertainty"
LEVIATHAN = "Fast Inference from Transformers via Speculative Decoding"


def _cites(G) -> set[tuple[str, str]]:
    return {
        (G.nodes[u]["title"].split(":")[0][:12], G.nodes[v]["title"].split(":")[0][:12])
        for u, v, k in G.edges(keys=True)
        if k == "cites"
    }


EXPECTED = {("Medusa", "Fast Inferen"), ("EAGLE", "Medusa"), ("EAGLE", "Fast Inferen")}


@pytest.mark.parametrize(
    "name, fmt",
    [("scopus.ris", "ris"), ("wos.txt", "wos"), ("wos-tab.txt", "wos-tab"),
     ("scopus.csv", "scopus")],
)  # fmt: skip
def test_each_export_loads_without_columns_with_references_as_cites(fixtures, name, fmt):
    assert detect_format(fixtures / "exports" / name) == fmt
    papers = read(fixtures / "exports" / name)
    assert {p.title for p in papers} == {MEDUSA, EAGLE, LEVIATHAN}
    by_title = {p.title: p for p in papers}
    assert by_title[MEDUSA].year == 2024 and by_title[LEVIATHAN].year == 2023
    assert by_title[EAGLE].abstract.startswith("Autoregressive decoding makes")
    assert not by_title[EAGLE].abstract.endswith("author(s).")  # Scopus' © line dropped
    assert _cites(gt.build_graph(papers)) == EXPECTED
    # Medusa also cites a paper outside the corpus
    assert by_title[MEDUSA].external_refs == 1


def test_wos_fields_authors_ids_and_multiline_values(fixtures):
    papers = {p.title: p for p in read(fixtures / "exports" / "wos.txt")}
    medusa = papers[MEDUSA]  # a title over two lines
    assert medusa.id == "2401.10774" and medusa.arxiv == "2401.10774"
    assert medusa.authors == ("Cai, Tianle", "Li, Yuhong", "Geng, Zhengyang")
    assert medusa.source.endswith("wos.txt:3")
    assert papers[LEVIATHAN].id == "WOS:001004994000033"
    assert "multiple subsequent tokens in parallel." in medusa.abstract


def test_the_same_papers_from_wos_and_scopus_merge(fixtures):
    papers = read([fixtures / "exports" / "wos.txt", fixtures / "exports" / "scopus.csv"])
    assert len(papers) == 3


def test_wos_tab_delimited_in_utf16_as_the_windows_export_saves_it(tmp_path, fixtures):
    f = tmp_path / "savedrecs.txt"
    f.write_bytes((fixtures / "exports" / "wos-tab.txt").read_text("utf-8").encode("utf-16"))
    assert {p.title for p in read(f)} == {MEDUSA, EAGLE, LEVIATHAN}


def test_cli_map_reads_a_ris_file(tmp_path, fixtures):
    r = CliRunner().invoke(main, ["map", str(fixtures / "exports" / "scopus.ris"), "-o",
                                  str(tmp_path / "m.html"), "-q"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "3 paper" in r.output


def test_folder_with_ris_and_ciw_files(tmp_path, fixtures):
    shutil.copy(fixtures / "exports" / "scopus.ris", tmp_path / "a.ris")
    shutil.copy(fixtures / "exports" / "wos.txt", tmp_path / "b.ciw")
    assert len(read(tmp_path)) == 3


def test_bad_ris_record_is_located_and_the_others_load(tmp_path, fixtures):
    text = (fixtures / "exports" / "scopus.ris").read_text()
    text = text.replace("AB  - Autoregressive decoding makes", "XX  - Autoregressive decoding")
    text += "\nTY  - JOUR\nTI  - Truncated record\nAB  - no end tag"
    f = tmp_path / "refs.ris"
    f.write_text(text)
    with pytest.raises(BadRecords) as e:
        read(f)
    msg = str(e.value)
    assert "refs.ris:21: record has no abstract (title 'EAGLE" in msg
    assert "refs.ris:54: record not closed by an 'ER  - ' line" in msg
    assert len(e.value.papers) == 2


def test_bad_scopus_row_is_located(tmp_path, fixtures):
    text = (fixtures / "exports" / "scopus.csv").read_text("utf-8-sig")
    text = text.replace("Autoregressive decoding makes the inference", "[No abstract available]")
    f = tmp_path / "scopus.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(BadRecords, match=r"scopus.csv:2: record has no abstract \(title 'EAGLE"):
        read(f)


def test_ris_dates_give_year_and_month_to_the_record():
    from graphtool.readers.ris import _record

    rec = _record({"title": "T", "abstract": "A.", "date": "2024/07/21/", "year": "2024"})
    assert (rec["year"], rec["month"]) == ("2024", 7)


def test_scopus_references_resolve_to_papers_read_from_another_file(tmp_path, fixtures):
    # EAGLE's Scopus row cites Medusa by title only; Medusa comes from a JSON Lines file
    import json

    text = (fixtures / "exports" / "scopus.csv").read_text("utf-8-sig")
    lines = text.splitlines(keepends=True)
    (tmp_path / "eagle.csv").write_text(lines[0] + lines[1], encoding="utf-8")
    (tmp_path / "medusa.jsonl").write_text(json.dumps({
        "id": "medusa", "title": MEDUSA, "abstract": "We present Medusa, with many heads."
    }) + "\n")  # fmt: skip
    papers = read([tmp_path / "eagle.csv", tmp_path / "medusa.jsonl"])
    eagle = next(p for p in papers if p.title == EAGLE)
    assert "medusa" in eagle.references
    assert eagle.external_refs == 2  # Leviathan's and Chen's papers are not in the corpus
    G = gt.build_graph(papers)
    assert G.has_edge(f"paper:{eagle.id}", "paper:medusa", key="cites")


def test_zotero_style_ris_with_crlf_t1_n2_y1_and_an_arxiv_link(tmp_path):
    f = tmp_path / "zotero.ris"
    f.write_bytes(
        b"TY  - JOUR\r\nT1  - Quokka: A Study\r\nAU  - Doe, Jane\r\nY1  - 2023///\r\n"
        b"N2  - We propose Quokka, a system for things.\r\n"
        b"UR  - https://arxiv.org/abs/2305.01234\r\nER  - \r\n"
    )
    (p,) = read(f)
    assert (p.id, p.title, p.year, p.authors) == (
        "2305.01234",
        "Quokka: A Study",
        2023,
        ("Doe, Jane",),
    )
    assert p.abstract == "We propose Quokka, a system for things."
