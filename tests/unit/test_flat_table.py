"""Self-evaluation tables flattened into words: rows rebuilt from the template's vocabulary."""

from __future__ import annotations

from pipeline.readers.flat_table import unflatten

# Synthetic, in the shape of web-page copies of the 2021+ template (成本指标 as a level-1
# heading with its own level-2 words; a blank score; a reason after the score).
ONE_LINE = (
    "附件：项目支出绩效自评表（2023年度） 项目名称 示例培训项目 主管部门 示例县教育局 实施单位 示例县第一中学 "
    "项目资金 （万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 12.5 12.5 12 10 96% 9.6 "
    "其中：当年财政拨款 12.5 12.5 12 — — — 上年结转资金 — — — — — — 其他资金 "
    "年度总体目标 预期目标 实际完成情况 完成教师培训。 已完成教师培训。 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(40分) 数量指标 培训 教师 人次 ≥100人次 120 20 20 时效指标 完成时间 2023年12月底前 按时完成 20 20 "
    "成本指标(20分) 经济成本指标 人均培训成本 ≤1250元 1000 20 18 受物价影响 "
    "满意度指标(20分) 服务对象满意度指标 教师满意度 ≥90% 92% 20 20 总分 100 97.6 评价结论：优"
)


def test_one_line_table_is_rebuilt_row_by_row():
    prefix, rows, suffix = unflatten(ONE_LINE)
    assert prefix == "附件：项目支出绩效自评表(2023年度)"
    assert suffix == "评价结论：优"
    assert rows[0][:2] == ["项目名称", "示例培训项目"]
    by_first = {r[0]: r for r in rows}
    assert by_first["项目资金(万元)"][1:7] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert by_first["年度资金总额"][1:7] == ["12.5", "12.5", "12", "10", "96%", "9.6"]
    assert by_first["其中：当年财政拨款"][1:4] == ["12.5", "12.5", "12"]
    hdr = next(i for i, r in enumerate(rows) if r[0] == "一级指标")
    ind = [r for r in rows[hdr + 1 :] if r[2]]
    # A name with spaces keeps them; numbers are assigned from the right.
    assert ind[0][:7] == ["产出指标(40分)", "数量指标", "培训 教师 人次", "≥100人次", "120", "20", "20"]
    assert ind[1][1:7] == ["时效指标", "完成时间", "2023年12月底前", "按时完成", "20", "20"]
    # 成本指标 with a weight is level 1 here, and its reason follows the score.
    assert ind[2][:8] == ["成本指标(20分)", "经济成本指标", "人均培训成本", "≤1250元", "1000", "20", "18", "受物价影响"]
    assert ind[3][:3] == ["满意度指标(20分)", "服务对象满意度指标", "教师满意度"]
    assert rows[-1][0] == "总分" and rows[-1][5:7] == ["100", "97.6"]


def test_rows_per_line_keep_their_reasons():
    text = "\n".join([
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 新建 公厕 数量 ≥10座 8座 20 16 两座 选址 未定",
        "效益指标 社会效益指标 群众 如厕 便利度 明显提升 明显提升 30 30",
        "总分 50 46",
    ])
    _, rows, _ = unflatten(text)
    assert rows[1] == ["产出指标", "数量指标", "新建 公厕 数量", "≥10座", "8座", "20", "16", "两座 选址 未定"]
    assert rows[2][2:7] == ["群众 如厕 便利度", "明显提升", "明显提升", "30", "30"]
    assert rows[3][0] == "总分" and rows[3][5:7] == ["50", "46"]


def test_plain_sentences_are_not_tables():
    assert unflatten("本单位年初预算数为100万元，全年预算数为120万元，全年执行数为118万元，执行率98.33%。" * 2) is None
    assert unflatten("短") is None


def test_an_unknown_two_line_header_is_left_as_text_not_turned_into_junk():
    # The indicator header continues on a second line (符号 / 单位 / 折算得分): rows split by
    # these rules would not line up, so no indicator is invented.
    text = "\n".join([
        "一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
        "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
        "产出指标 质量指标 覆盖率 享受补贴人数占比 >= 98 %(百分比) 100% 完成 25.00 25.00 6.25",
        "效益指标 社会效益指标 发放率 补贴发放完成率 >= 75 %(百分比) 100% 完成 30.00 30.00 9.00",
    ])
    found = unflatten(text)
    assert found is None or not any("一级指标" in r for r in found[1])


# Property: any indicator block printed as words comes back cell for cell, whatever the
# names (spaces inside included), targets, actuals and scores.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CJK = st.text(alphabet="培训人员设备维修覆盖率满意群众资金发放完成及时", min_size=2, max_size=8)
_L1 = ["产出指标", "效益指标", "满意度指标"]
_L2 = {"产出指标": ["数量指标", "质量指标", "时效指标"], "效益指标": ["社会效益指标", "经济效益指标"],
       "满意度指标": ["服务对象满意度指标"]}


@st.composite
def _rows(draw):
    rows = []
    for l1 in draw(st.lists(st.sampled_from(_L1), min_size=1, max_size=3, unique=True)):
        for k, l2 in enumerate(draw(st.lists(st.sampled_from(_L2[l1]), min_size=1, unique=True))):
            words = draw(st.lists(_CJK, min_size=1, max_size=3))
            n = draw(st.integers(1, 999))
            target = draw(st.sampled_from([f"≥{n}个", f"≤{n}万元", f"{n}%", "效果明显", "按时完成"]))
            actual = draw(st.sampled_from([str(n), f"{n}%", "达成预期", "已完成"]))
            w = draw(st.integers(1, 30))
            s = draw(st.integers(0, w))
            rows.append((l1 if k == 0 else "", l2, " ".join(words), target, actual, str(w), str(s)))
    return rows


@settings(max_examples=150, deadline=None)
@given(_rows(), st.booleans())
def test_indicator_rows_round_trip(rows, per_line):
    head = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"
    lines = [head] + [" ".join(x for x in r if x) for r in rows] + ["总分 100 90"]
    found = unflatten(("\n" if per_line else " ").join(lines))
    assert found is not None
    _, out, _ = found
    body = [r for r in out[1:] if r[0] != "总分"]
    assert [tuple(r[:7]) for r in body] == rows


_VOCAB = ["项目名称", "主管部门", "项目资金", "(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
          "得分", "年度资金总额", "其中:", "本年财政拨款", "上年结转资金", "年度总体目标", "绩效指标", "一级指标",
          "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施", "产出指标(50分)", "数量指标",
          "成本指标", "满意度指标", "总分", "合计", "≥90%", "100%", "/", "—", "无", "12.5", "0", "100"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB) | _CJK, min_size=0, max_size=120), st.booleans())
def test_any_word_stream_gives_rectangular_rows_or_nothing(words, per_line):
    text = ("\n" if per_line else " ").join(words)
    found = unflatten(text)
    if found is not None:
        _, rows, _ = found
        assert rows and len({len(r) for r in rows}) == 1


# real-dev 111 (零陵区林业局 2021 部门整体支出绩效自评表, cells apart by blank lines) flattened onto one
# line: the PDF wrapped 年初预算数 and 全年执行数 in their cells, and the breakdown prints each figure
# after its label and a colon
ONE_LINE_111 = ("部门整体支出绩效自评表 2021年度) 级预算单位名称 陵区林业局 年度预 算申请 (万元) 年初 预算数 全年预算数 全年 执行数 "
                "分值 执行率 得分 年度资金总额 4753.66万元 4753.66万元 3824.26万元 10 100% 10 按收入性质分: 按支出性质分: "
                "其中: 一般公共预算:1873.66万元 其中:基本支出:1768.16万元 政府性基金拨款: 项目支出:2985.5万元 "
                "纳入专户管理的非税收入拨款: 其他资金:2880万元 年度总体目标 预期目标 实际完成情况")


def test_header_words_cut_at_a_wrap_and_label_colon_figures():
    _prefix, rows, _rest = unflatten(ONE_LINE_111)
    head = next(r for r in rows if "全年预算数" in r)
    assert [c for c in head[1:] if c] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert next(r for r in rows if r[0] == "年度资金总额")[1:7] == ["4753.66万元", "4753.66万元", "3824.26万元", "10", "100%", "10"]
    assert ["项目支出", "2985.5万元"] == [c for c in next(r for r in rows if r[0] == "项目支出") if c]
    assert ["其中:一般公共预算", "1873.66万元"] == [c for c in next(r for r in rows if "一般公共预算" in r[0]) if c]
