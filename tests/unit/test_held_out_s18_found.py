"""Rules from session 18's work on the inconsistencies the held-out sets print (pages read by
hand, sources in docs/real_corpus_sources.md). Each test failed before its rule; each planted
error has its balanced twin, which passes."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text
from tests.checks_harness import check_document, check_text, failures


def _ex(text: str):
    return extract(read_text(text.encode("utf-8")), "d")


def _failed(text: str, *names: str, blocks: bool = False) -> list[tuple[str, float, float]]:
    data = text.encode("utf-8")
    df, _ = check_document(read_text(data), "s18", "synthetic.txt", "txt", len(data), with_cells=True) if blocks \
        else check_text(text)
    f = failures(df)
    return sorted((r.check_name, round(r.expected, 2), round(r.observed, 2)) for r in f.itertuples()
                  if not names or r.check_name in names)


# T 2126 (a province's 2021 budget explained, read by hand): the parts of 总支出 each say their share
# of it (22.5 + 67 + 9.1 + 0.4 + 1 = 100 %), so they are all of it — yet they make 6571.86亿元, not the
# 6571.85 printed. The whole is printed under 一般公共预算总支出安排, which the shares name 总支出.
BUDGET_2126 = (
    "2021年省级一般公共预算支出情况\n"
    "2021年省级一般公共预算总支出安排{total}亿元,收支平衡。其中,省本级支出1478.55亿元,占总支出的22.5%;"
    "对市县税收返还和转移支付4404.78亿元,占总支出的67%(包括一般性转移支付3030.61亿元,占转移支付比重达82%;"
    "专项转移支付663.82亿元);上解中央支出598.75亿元,占总支出的9.1%;预备费24亿元,占总支出的0.4%,"
    "占省本级支出的1.6%,比例符合预算法规定;债务还本支出65.78亿元,占总支出的1%。\n"
)


def test_a_share_names_its_whole_by_the_words_the_whole_was_printed_under() -> None:
    shares = _ex(BUDGET_2126.format(total="6571.85")).fact_shares
    of_total = sorted(str(s["part_text"]) for s in shares if s["whole_text"] == "6571.85")
    assert of_total == ["1478.55", "24", "4404.78", "598.75", "65.78"]


def test_parts_whose_shares_make_100_percent_add_up_to_the_whole() -> None:
    # as printed the parts make 6571.86: a tail left unbalanced (the 24 of 预备费 is printed whole)
    assert _failed(BUDGET_2126.format(total="6571.85"), "printed_balance", "share_parts_sum") == [
        ("printed_balance", 657185000000.0, 657186000000.0)]
    assert _failed(BUDGET_2126.format(total="6571.86")) == []
    # a part left out: the shares no longer make 100 %, the list is not judged complete
    partial = BUDGET_2126.format(total="6571.85").replace(";债务还本支出65.78亿元,占总支出的1%", "")
    assert _failed(partial, "share_parts_sum", "printed_balance") == []
    # a whole the parts miss by more than their rounding (each share still agreeing) is an error of the sum
    assert _failed(BUDGET_2126.format(total="6572.85"), "share_parts_sum") == [
        ("share_parts_sum", 657285000000.0, 657186000000.0)]
    # a share disagreeing with its figures is no evidence that the list is complete
    assert _failed(BUDGET_2126.format(total="6591.86"), "share_parts_sum", "printed_balance") == []


# N 1524 (a blog on 山西's January–February 2023 revenue by city, read by hand): 太原's revenue and,
# under 其中, its tax and non-tax revenue — the two kinds revenue is made of, so they are all of it.
TAIYUAN_1524 = ("山西各地1-2月财政收入\n2023年1-2月山西全省一般公共预算收入完成686亿元,同比下降0.7%。\n"
                "太原1-2月财政收入为{total}亿,增长5.6%。太原财政总量依然在全省处于遥遥领先。其中税收收入71.45亿元,"
                "下降5.3%;非税收入21.72亿元,增长69.9%。\n")


def test_tax_and_non_tax_revenue_listed_alone_are_all_of_the_revenue() -> None:
    assert _failed(TAIYUAN_1524.format(total="93.18"), "printed_balance", "stated_parts_sum") == [
        ("printed_balance", 9318000000.0, 9317000000.0)]
    assert _failed(TAIYUAN_1524.format(total="93.17")) == []
    # one of the two alone is a part only: never more than the whole, no equality asked
    one = TAIYUAN_1524.format(total="93.18").replace(";非税收入21.72亿元,增长69.9%", "")
    assert _failed(one) == []


# P 1726 (三亚's 2020 final accounts report, read by hand): each flow is added up in one sentence —
# the fund's own figure, then 加上 what comes in or goes out besides it, then the total. The income
# adds up; the spending's five figures make 2,686,336万元, not the 2,686,338 printed. Figures in
# brackets (含权责发生制列支…) are inside the first figure, not added.
SANYA_1726 = (
    "关于三亚市2020年财政决算的报告\n"
    "全市地方一般公共预算收入1,104,102万元,完成预算的95.0%,同比增长1.2%,加上上级补助收入(转移性收入)891,734万元、"
    "债务转贷收入276,000万元、动用预算稳定调节基金377,183万元、调入资金37,319万元,全市地方一般公共预算总收入"
    "2,686,338万元。\n"
    "全市地方一般公共预算支出1,996,786万元(含权责发生制列支285,941万元),完成预算的87.7%,同比下降7.3%,加上上解上级支出"
    "98,524万元、债务还本支出195,664万元,调出资金增加{moved}万元,按规定安排预算稳定调节基金385,123万元,全市地方一般公共"
    "预算总支出2,686,338万元。\n"
)


def test_a_flow_added_up_after_plus_is_all_of_its_total() -> None:
    ex = _ex(SANYA_1726.format(moved="10,239"))
    totals = [f for f in ex.fact_executions if f.get("parts_complete")]
    assert [f["reported_text"] for f in totals] == ["2,686,338", "2,686,338"]
    spent = totals[1]["source_ref"]
    parts = sorted(str(f["reported_text"]) for f in [*ex.fact_budgets, *ex.fact_executions] if f.get("part_of") == spent)
    # 调出资金增加10,239万元 in the list is one more amount added, kept with its name
    assert parts == ["1,996,786", "10,239", "195,664", "385,123", "98,524"]
    assert [f["label_text"] for f in ex.fact_executions if f["reported_text"] == "10,239"] == ["调出资金"]
    assert _failed(SANYA_1726.format(moved="10,239")) == [("printed_balance", 26863380000.0, 26863360000.0)]
    assert _failed(SANYA_1726.format(moved="10,241")) == []


def test_plus_without_a_total_closing_the_sentence_lists_nothing() -> None:
    page = ("关于某市2020年财政决算的报告\n全市一般公共预算收入1,104,102万元,加上上级补助收入891,734万元、债务转贷收入"
            "276,000万元,可用财力较为充足。\n")
    ex = _ex(page)
    assert not any(f.get("part_of") or f.get("parts_complete") for f in [*ex.fact_budgets, *ex.fact_executions])


# U 2213 (弥勒市委办's 2023 project self-evaluation, read by hand): the whole counts its projects
# (共4个) and each part counts its own (3个, 1个): 3 + 1 = 4, so the two parts are all of the 150万元 —
# yet they make 150.24万元.
MILE_2213 = ("弥勒市委办2023年度项目支出绩效自评报告\n"
             "中国共产党弥勒市委员会办公室2023年实施项目共4个,项目预算资金{total}万元。其中:年初预算批复的项目{n}个,"
             "项目资金150万元,(上级专款对下转移)2023年中央疫情防控财力补助资金1个,项目资金0.24万元。\n")


def test_parts_counting_all_of_the_wholes_things_are_all_of_it() -> None:
    assert _failed(MILE_2213.format(total="150", n="3"), "printed_balance", "stated_parts_sum") == [
        ("printed_balance", 1500000.0, 1502400.0)]
    assert _failed(MILE_2213.format(total="150.24", n="3")) == []
    # counts that do not make the whole's (2 + 1 of 4): some projects are not listed
    assert _failed(MILE_2213.format(total="150", n="2")) == []


# N 1528 and 1508 (two counties' 2024 and 2021 final accounts, read by hand): a sentence adding up
# to a total on the way and then to another (…全县一般预算总收入442751万元,加上年结余…,收入总计451227万元)
# is two sums, not one list; and a first figure stated before (全县一般公共预算支出91759万元 in an earlier
# paragraph) is kept at its first place, so the list under the total would miss it: no list is judged.
def test_plus_lists_with_a_total_on_the_way_or_a_part_kept_elsewhere_are_not_judged() -> None:
    chained = ("关于某县2024年财政决算的报告\n根据现行财政管理体制汇算,2024年全县公共财政预算收入42100万元,加上级补助收入"
               "387613万元,地方政府一般债券转贷收入13038万元,全县一般预算总收入442751万元,加上年结余7546万元,加调入资金"
               "199万元,再加动用预算稳定调节基金731万元,收入总计451227万元。\n")
    assert _failed(chained) == []
    again = ("关于某县2021年财政决算的报告\n全县一般公共预算支出91759万元(其中镇级支出10595万元),完成调整预算的93.8%。\n"
             "全县一般公共预算支出91759万元,加上上解省市支出2927万元,地方政府一般债券还本支出4164万元,安排预算稳定调节基金"
             "502万元,全县一般公共预算支出总计99352万元。\n")
    ex = _ex(again)
    assert not any(f.get("parts_complete") for f in [*ex.fact_budgets, *ex.fact_executions])
    assert _failed(again) == []


# O 1606 (a 2018 部门整体支出 self-evaluation, read by hand): 基本支出 broken down by economic class
# (类: 工资福利支出, 商品和服务支出, 对个人和家庭的补助, and 其他资本性支出 of 资本性支出), each once and nothing
# else — every yuan spent is of one class, so they are all of it: 2956.27, not the 2956.36 printed. The
# whole is printed first in the sentence before, again above its list.
BASIC_1606 = ("某单位2018年度部门整体支出绩效自评报告\n2018年度支出5560.46万元,其中:基本支出{basic}万元,项目支出2604.1万元。\n"
              "1.基本支出{basic}万元,其中:工资福利支出2424.00万元,商品和服务支出432.65万元,{third}93.12万元,"
              "其他资本性支出6.5万元。\n")


def test_parts_by_economic_class_are_all_of_the_spending() -> None:
    page = BASIC_1606.format(basic="2956.36", third="对个人和家庭的补助")
    assert _failed(page, "stated_parts_sum", "printed_balance", blocks=True) == [
        ("stated_parts_sum", 29563600.0, 29562700.0)]
    assert _failed(BASIC_1606.format(basic="2956.27", third="对个人和家庭的补助"), blocks=True) == []
    # the figure kept further back (another paragraph between) may have other breakdowns listed under it
    # later (seed 003: classes, then 项 paragraphs): its parts are not judged all of it
    apart = page.replace("。\n1.基本支出", "。\n单位支出情况说明如下。\n1.基本支出")
    assert _failed(apart, "stated_parts_sum", "printed_balance", blocks=True) == []
    # items (款) of classes, not classes: 基本工资 and 办公费 are some of the money, not all of it
    items = BASIC_1606.format(basic="2956.36", third="办公费").replace("工资福利支出", "基本工资").replace(
        "商品和服务支出", "助学金")
    assert _failed(items, blocks=True) == []


# O 1620 (a county's 2021 基本药物制度 transfer self-evaluation, read by hand): under the 村卫生室's
# subsidy completed, 其中中央补助… names who funds the part, not its stage — the parts are money
# of the whole's stage, so listed under it: 281.6万元 alone exceeds the 471.23元 printed (元 for 万元).
VILLAGE_1620 = ("某县2021年基本药物制度补助资金绩效自评表\n"
                "年度完成基层医疗卫生机构实施基本药物制度补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元;"
                "其中完成村卫生室实施基本药物制度补助471.23{unit},其中中央补助189.63万元,地方财政补助281.6万元\n")


def test_a_funding_levels_name_in_a_list_is_no_stage() -> None:
    ex = _ex(VILLAGE_1620.format(unit="元"))
    whole = next(f["source_ref"] for f in ex.fact_executions if f["reported_text"] == "471.23")
    assert sorted(str(f["reported_text"]) for f in [*ex.fact_budgets, *ex.fact_executions]
                  if f.get("part_of") == whole) == ["189.63", "281.6"]
    assert [r[0] for r in _failed(VILLAGE_1620.format(unit="元"))] == ["stated_parts_sum"]
    assert _failed(VILLAGE_1620.format(unit="万元")) == []


# M 1420 (a county's 2024 计划生育 transfer self-evaluation form, rows flattened one a line, read by
# hand): each fund's block is a total and its levels, then an empty 其中: row; the next block's
# total (年度预算资金总额: 763.00) is no part of the list that empty row left open.
def test_the_next_blocks_total_is_no_part_of_an_empty_list() -> None:
    page = ("彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评表\n预算资金安排 2024年度计划生育转移支付资金预算安排情况。\n"
            "计划生育转移支付资金合计(万元) 年度预算资金总额): 1084.25 \n其中:中央补助 668.00 \n市级资金 343.00 \n"
            "本级资金(包括结转结余) 73.25 \n其中:\n农村部分计划生育家庭奖励扶助制度补助资金(万元)\n年度预算资金总额: 763.00 \n"
            "其中:中央补助 502.00 \n市级资金 208.00 \n本级资金(包括结转结余) 53.00 \n其中:\n")
    ex = _ex(page)
    local = next(f["source_ref"] for f in ex.fact_budgets if f["reported_text"] == "73.25")
    assert not [f for f in ex.fact_budgets if f.get("part_of") == local]
    assert _failed(page) == []
