"""Untrusted input: readers and extractors never raise on arbitrary or mangled text."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.readers.text import read_text

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "txt"
SEEDS = [p.read_text(encoding="utf-8").split("\n") for p in sorted(FIX.glob("*.txt"))]

FRAGMENTS = ["\t", "\t年初预算数", "\t全年执行数", "\t合计", "\t100%", "\t一级指标", "\t三级指标", "\t得分",
             "\t分值", "\t≥90%", "\t—", "\t1,234.5", "项目名称", "|", "| a | b |", "", "自评得分为9x分",
             "年初预算583.44万元", "执行率54.74%", "（50分）", "其中：", "\t201", "\t20106", "2022年度"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60))
def test_extract_never_raises_on_fragments(lines):
    doc = read_text("\n".join(lines).encode("utf-8", errors="surrogatepass"))
    extract(doc, "fuzz")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=len(SEEDS) - 1))
def test_extract_never_raises_on_mangled_seeds(seed, which):
    rnd = random.Random(seed)
    lines = list(SEEDS[which])
    for _ in range(rnd.randint(1, 40)):
        op = rnd.random()
        i = rnd.randrange(len(lines))
        if op < 0.3:
            del lines[i]
        elif op < 0.6:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op < 0.8:
            lines.insert(i, rnd.choice(FRAGMENTS))
        else:
            lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]
    ex = extract(read_text("\n".join(lines).encode()), "mangled")
    for f in ex.fact_budgets:
        assert f["source_ref"] and f["amount_yuan"] is not None
