"""Property tests for the sentence grammar: any mix of report words, figures, units and
punctuation is read without raising, and every figure it reports points at its own printed
characters (provenance), in the same order as printed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.statements import Flow, read_scores, read_statements

WORDS = ["“三公”经费", "公务接待费", "基本支出", "项目支出", "其中", "包括", "年初预算", "调整后预算", "执行", "决算",
         "支出", "收入", "本年收入合计", "比上年", "减少", "增长", "下降", "占", "完成预算的", "执行率", "自评得",
         "(1)项目立项(2分)", "约", "每亩", "中央下达", "省级拨付", "结余", "2021年", "较2020年", "未达到", "的",
         "我局", "合计", "共计", "(万元)", "在", "中"]
NUMBERS = st.one_of(st.integers(0, 99999).map(str), st.decimals(0, 99999, places=2).map(str),
                    st.integers(1, 999).map(lambda n: f"{n:,}"))
UNITS = ["万元", "元", "亿元", "万", "%", "％", "分", "", "千元", "万亩", "个"]
PUNCT = ["，", ",", "。", "；", ";", "：", "(", ")", "（", "）", "、", " ", "\n", ""]

token = st.one_of(st.sampled_from(WORDS), st.tuples(NUMBERS, st.sampled_from(UNITS)).map("".join),
                  st.sampled_from(PUNCT))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(token, max_size=40).map("".join), min_size=1, max_size=4))
def test_any_text_is_read_with_exact_provenance(paragraphs):
    flow = Flow()
    for text in paragraphs:
        sts, rates, changes = read_statements(text, None, flow)
        starts = [s.start for s in sts if s.period == "current"]
        assert starts == sorted(starts)
        for s in sts:
            assert text[s.start : s.end] == s.printed
            assert s.yuan >= 0
        for r in rates:
            assert text[r.start : r.end] == r.printed
        for c in changes:
            assert text[c.start : c.end] == (c.printed or text[c.start : c.end])
        for sc in read_scores(text):
            assert text[sc.start : sc.end] == sc.printed
