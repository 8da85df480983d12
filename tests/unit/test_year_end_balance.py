"""A government's year-end balance stated in its accounts (年终结余 / 当年结转结余) is the
年末结转和结余 line (carryover_end), as the 收支总表 prints it; the total closing the list after it
(…、年终结余4558万元(…),支出总计929393万元) is the list's total, not the balance's stage. Real
snippets: held-out G 832 (…区2020年决算: 上述收支相抵,年终结余65616万元,全部结转下年使用), E 612
(丰都县2023年决算) and G 830 (当年结转结余33,694万元); figures read by hand."""

from __future__ import annotations

from decimal import Decimal

from pipeline.extract import extract
from pipeline.readers.text import read_text

G832 = ("2020年财政决算报告\n1.一般公共预算收支及平衡情况。全区一般公共预算收入382000万元,加上级补助收入120846万元,"
        "收入合计514001万元;一般公共预算支出448985万元,支出合计448985万元。\n上述收支相抵,年终结余65616万元,全部结转下年使用。")
E612 = ("2023年财政决算报告\n支出方面:一般公共预算支出230000万元,上解上级支出2400万元,债务还本支出268007万元、"
        "安排预算稳定调节基金365万元、年终结余4558万元(其中:本级791万元),支出总计929393万元。")


def _execs(text: str) -> dict[str, list[Decimal]]:
    ex = extract(read_text(text.encode("utf-8")), "t")
    out: dict[str, list[Decimal]] = {}
    for f in ex.fact_executions:
        out.setdefault(f["line_item"], []).append(f["executed_yuan"])
    return out


def test_year_end_balance_is_the_carryover_to_next_year() -> None:
    assert _execs(G832)["carryover_end"] == [Decimal("656160000.00")]


def test_the_total_after_the_balance_is_the_lists_total() -> None:
    got = _execs(E612)
    assert Decimal("45580000.00") in got["carryover_end"]
    assert got["grand_total_spending"] == [Decimal("9293930000.00")]
    assert Decimal("9293930000.00") not in got["carryover_end"]


def test_an_unspent_project_balance_is_still_set_aside() -> None:
    # a project's 结余 is what it left unspent, no line of a government's accounts
    got = _execs("某项目2022年绩效自评报告\n项目预算10万元,实际支出9.5万元,结余0.5万元。")
    assert "carryover_end" not in got and Decimal("5000.00") not in {v for vs in got.values() for v in vs}
