"""机关运行经费's listed parts are its own (issue 13): it covers the administrative bodies only, so a
公务接待费 listed under it is no figure of the department's 公务接待费 (西安市人力资源和社会保障局2020年
部门综合预算.pdf p.25: 2万元 here, 3.30万元 in its “三公” table p.49). Each part is a stated line with
its label, under the whole it is listed in."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

# p.25, as printed (one line).
XIAN = """西安市人力资源和社会保障局2020年部门综合预算
十、机关运行经费安排情况
2020 年机关运行经费预算总计82万元，其中：办公经费41.47万元，公务接待费2万元，委托业务费7.28万元，工会经费17.25万元，公务用车运行维护费12万元，其他商品和服务支出2万元。
"""


def test_parts_of_operating_costs_are_its_own_lines():
    ex = extract(read_document(XIAN.encode("utf-8"), Settings()), "d")
    got = {f["label_text"]: (f["line_item"], f["reported_text"], f["part_of"] is not None) for f in ex.fact_budgets}
    assert got["机关运行经费"] == ("operating_costs", "82", False)
    assert got["公务接待费"] == ("stated", "2", True)
    assert got["公务用车运行维护费"] == ("stated", "12", True)
    assert got["办公经费"] == ("stated", "41.47", True)
    assert not any(f["line_item"].startswith("sangong") for f in ex.fact_budgets)


def test_sangong_parts_stay_the_reports_items():
    text = XIAN.replace("机关运行经费预算总计82万元", "“三公”经费预算总计14万元").replace(
        "办公经费41.47万元，", "").replace("，委托业务费7.28万元，工会经费17.25万元", "").replace("，其他商品和服务支出2万元", "")
    ex = extract(read_document(text.encode("utf-8"), Settings()), "d")
    got = {f["line_item"]: f["reported_text"] for f in ex.fact_budgets}
    assert got["sangong_reception"] == "2" and got["sangong_vehicle_operation"] == "12"


# The same page as the PDF's text lines come: the list cut at each line's end.
XIAN_WRAPPED = """西安市人力资源和社会保障局2020年部门综合预算
十、机关运行经费安排情况
2020 年机关运行经费预算总计82万元，其中：办公经费41.47万元，公务接待费2万元，委
托业务费7.28万元，工会经费17.25万元，公务用车运行维护费12万元，其他商品和服务支出2
万元。
与上年对比，2020 年机关运行经费较上年减少 34.23 ，主要原因是随着部分职能划出,本部
"""


def test_a_list_of_own_parts_cut_at_a_lines_end_goes_on():
    ex = extract(read_document(XIAN_WRAPPED.encode("utf-8"), Settings()), "d")
    assert not any(f["line_item"].startswith("sangong") for f in ex.fact_budgets)
    parts = [f for f in ex.fact_budgets if f["part_of"] is not None]
    assert sum(float(f["reported_text"]) for f in parts) == 82
