"""政府采购预算表 printed as a list under its class codes (西安 部门综合预算政府采购（资产配置、购买服务）预算表:
类 | 款 | 项 | 单位编码 | 采购项目 | 采购目录 | 购买服务内容 | 规格型号 | 数量 | 经济科目编码 | 实施采购时间 | 预算金额,
an item a row, its class code repeated row after row): its 合计 is the procurement budget, every other
row a `listed` line with its printed label (none summed); codes, 数量, 规格型号 and 实施采购时间 are never
money. The 说明's 政府采购货物类预算 (服务类, 工程类) is a part of the procurement budget, never the
procurement total. Figures read by hand from the pages named (/tmp/audit-docs/renwu: skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

RENWU = Path("/tmp/audit-docs/renwu")


def _extract(data: bytes):
    return extract(read_document(data, Settings()), "d")


def _table_facts(ex) -> list[tuple[str, str, str | None]]:
    return [(f["line_item"], f["reported_text"], f["label_text"]) for f in ex.fact_budgets if f["origin"] == "table"]


# 西安市司法局（汇总）2026年部门预算 p.47 表12 (its 合计 and first six rows, as printed; a text rendering
# repeats a merged head on both header lines).
XIAN = """西安市司法局（汇总）2026年部门预算
表12
部门综合预算政府采购（资产配置、购买服务）预算表
单位：元
| 科目编码 | 科目编码 | 科目编码 | 单位编码 | 采购项目 | 采购目录 | 购买服务内容 | 规格型号 | 数量 | 部门预算支出经济科目编码 | 部门预算支出经济科目编码 | 政府预算支出经济科目编码 | 政府预算支出经济科目编码 | 实施采购时间 | 预算金额 | 说明 |
| 类 | 款 | 项 | 单位编码 | 采购项目 | 采购目录 | 购买服务内容 | 规格型号 | 数量 | 类 | 款 | 类 | 款 | 实施采购时间 | 预算金额 | 说明 |
| 合计 |  |  |  |  |  |  |  | 75,044 |  |  |  |  |  | 7,863,200.00 |  |
| 204 | 06 | 01 | 1 | 全额 |  |  |  | 4 |  |  |  |  |  | 610,000.00 |  |
| 204 | 06 | 01 | 154001 | 西安市司法局 |  |  |  | 4 |  |  |  |  |  | 610,000.00 |  |
| 204 | 06 | 01 |  | 车辆运行维护费 | C23120301车辆维修和保养服务 |  | 1 | 1 | 302 | 31 | 502 | 08 |  | 100,000.00 |  |
| 204 | 06 | 01 |  | 日常公用经费 | C04070100体检服务 |  | 1 | 1 | 302 | 99 | 502 | 99 |  | 210,000.00 |  |
| 204 | 06 | 05 |  | 普法宣传 | C02080000考试服务 |  | 次 | 1 | 302 | 27 | 502 | 05 |  | 300,000.00 |  |
| 204 | 06 | 05 |  | 业务信息设备 | A02019900其他信息化设备 |  | 1 | 1 | 310 | 03 | 503 | 06 | 12 | 50,000.00 |  |
"""


def test_a_procurement_list_under_class_codes():
    ex = _extract(XIAN.encode("utf-8"))
    assert _table_facts(ex) == [
        ("procurement", "7,863,200.00", "合计"),
        ("listed", "610,000.00", "全额"),
        ("listed", "610,000.00", "西安市司法局"),
        ("listed", "100,000.00", "车辆运行维护费 / C23120301车辆维修和保养服务"),
        ("listed", "210,000.00", "日常公用经费 / C04070100体检服务"),
        ("listed", "300,000.00", "普法宣传 / C02080000考试服务"),  # 规格型号 次 is no part of the label
        ("listed", "50,000.00", "业务信息设备 / A02019900其他信息化设备"),
    ]
    procurement = next(f for f in ex.fact_budgets if f["line_item"] == "procurement")
    assert procurement["stage"] == "initial" and procurement["amount_yuan"] == 7863200
    # class and economic codes, 数量 (75,044, 4, 1), 规格型号 (1) and the month 12 are set aside, none a class amount
    assert not [f for f in ex.fact_budgets if f["line_item"].startswith(("func:", "econ:"))]
    assert not ex.fact_line_splits and not ex.table_sums
    assert ex.coverage == 1.0


def test_the_parts_of_the_procurement_budget_are_not_its_total():
    # 西安市司法局（汇总）2026年部门预算 p.26 十二、政府采购情况说明
    text = ("西安市司法局（汇总）2026年部门预算\n十二、政府采购情况说明\n当年本部门政府采购预算共786.32万元，其中政府采购"
            "货物类预算119.54万元、政府采购服务类预算666.78万元、政府采购工程类预算0.00万元（详见公开报表中的政府采购表）。\n")
    ex = _extract(text.encode("utf-8"))
    got = [(f["line_item"], f["reported_text"]) for f in ex.fact_budgets]
    assert ("procurement", "786.32") in got
    assert [t for item, t in got if item == "procurement"] == ["786.32"]
    assert {t for _i, t in got} >= {"119.54", "666.78", "0.00"}


def test_xian_approval_bureau_procurement_table():
    # 西安市行政审批服务局（汇总）2025年部门预算 p.34 表12: 合计 | 22 | … | 21,549,920.00; the row of
    # 西安市政务服务线上线下融合及效能提升项目 prints 12 under 实施采购时间 beside 11,815,120.00. Its 说明 (p.17)
    # states 政府采购预算共2,154.99万元.
    path = RENWU / "西安市行政审批服务局（汇总）2025年部门预算.pdf"
    if not path.exists():
        pytest.skip(f"{path} not present")
    ex = _extract(path.read_bytes())
    mine = [f for f in ex.fact_budgets if "page=34;table=16;" in f["source_ref"]]
    assert [(f["line_item"], f["reported_text"]) for f in mine if f["line_item"] != "listed"] == [
        ("procurement", "21,549,920.00")]
    assert "11,815,120.00" in {f["reported_text"] for f in mine}
    assert len(mine) == 27  # 合计 and the 26 rows under it
    assert not [u for u in ex.unrecognised if "page=34;table=16;" in u["source_ref"]]
    stated = [f["reported_text"] for f in ex.fact_budgets if f["line_item"] == "procurement" and f["origin"] != "table"]
    assert stated == ["2,154.99"]
