"""Every real-dev page with a `|` table, re-rendered as tab cells, as padded `a | b | ||||`
rows and as one cell per line with a trailing bar (renderings that keep every cell), gives the
figures its own rendering gives (pipeline/rerender.py). Renderings that drop empty cells are
measured (`python -m pipeline.rerender`) but not held here: what they lose is not always
recoverable."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.rerender import losses

REAL_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "real-dev"


@pytest.mark.skipif(not (REAL_DEV / "expect.json").exists(), reason="../shared/real-dev not beside the repo")
def test_lossless_renderings_keep_every_figure() -> None:
    lost = losses(REAL_DEV, ["tabs", "padded_bars", "cell_per_line_bar"])
    assert len(lost["tabs"]) >= 8  # the pages with `|` tables
    assert {n: {d: v for d, v in per.items() if v} for n, per in lost.items()} == {
        "tabs": {}, "padded_bars": {}, "cell_per_line_bar": {}}


@pytest.mark.skipif(not (REAL_DEV / "expect.json").exists(), reason="../shared/real-dev not beside the repo")
def test_a_page_flattened_onto_one_line_keeps_its_year() -> None:
    # the page's furniture, metadata and report run together on one line (document-site
    # previews): its furniture words no longer blank the line, its metadata no longer hides
    # its years or its title (106, 108, 137, 148, 149 lost their year so)
    lost = losses(REAL_DEV, ["one_line"])["one_line"]
    years = {d for d, v in lost.items() if any(k == "year" for k, _ in v)}
    assert not years & {"106.txt", "108.txt", "111.txt", "116.txt", "119.txt", "137.txt", "148.txt", "149.txt",
                        "152.txt"}
    assert len(years) <= 1  # 115: not yet


@pytest.mark.skipif(not (REAL_DEV / "expect.json").exists(), reason="../shared/real-dev not beside the repo")
def test_a_form_flattened_onto_one_line_keeps_its_funding_block() -> None:
    # 111's blank-line form on one line: its header words cut where the PDF cell wrapped
    # ('年初 预算数', '全年 执行数') are one word each, the breakdown's '项目支出:2985.5万元' a label and
    # its figure, and the title before the cut-out grid still the report's
    lost = losses(REAL_DEV, ["one_line"], ["111.txt"])["one_line"]["111.txt"]
    assert lost <= {("amounts", 28800000.0)}


@pytest.mark.skipif(not (REAL_DEV / "expect.json").exists(), reason="../shared/real-dev not beside the repo")
def test_scored_headings_flattened_onto_one_line_keep_their_scores_and_finding() -> None:
    # 131's outline (一、投入(14分) (一)项目立项(8分): (1)项目立项(2分) …自评得2分) on one line: each scored
    # heading is set apart again, so 项目立项's four scores (11 of 8) are still found
    from pipeline.rerender import rerender
    from tests.checks_harness import check_text, failures

    assert not losses(REAL_DEV, ["one_line"], ["131.txt"])["one_line"]["131.txt"]
    df, _ = check_text(rerender((REAL_DEV / "131.txt").read_text(encoding="utf-8"), "one_line"))
    assert "score_within_weight" in set(failures(df)["check_name"])
