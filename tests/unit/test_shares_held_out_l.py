"""Which figure a share is of, and of which whole: two false alarms of held-out set L (texts not
committed; the sentences below as printed).

- 1303 (a 2023 部门决算说明): a share after a bracket listing a figure's parts is the share of
  the figure before the bracket, never of the bracket's last part (0.00万元 "占 100%").
- 1307 (a 2024 绩效自评 summary, lines cut mid-word as printed): "占项目支出总额比例" names the
  level printed as 项目支出总额 (656.93), not the narrower 本级项目支出 (385.58) stated after it."""

from __future__ import annotations

from tests.checks_harness import check_text, failures

INCOME = ("某某县医疗保障局2023年度部门决算说明\n二、收入决算情况说明\n"
          "本年收入合计61239.09万元;包括财政拨款收入61239.09万元(其中,一般公共预算61239.09万元,政府性基金预算0.00万元,"
          "国有资本经营预算0.00万元),占收入合计{pct}%;上级补助收入0.00万元,占收入合计0.0%;事业收入0.00万元,"
          "占收入合计0.0%;经营收入0.00万元,占收入合计0.0%;附属单位上缴收入0.00万元,占收入合计0.0%;"
          "其他收入0.00万元,占收入合计0.0%。\n")

PROJECTS = ("(二)项目支出绩效自评结果。\n"
            "1.项目绩效自评总体情况:我部门及所属二层单位2024年度\n"
            "项目21个,项目支出总额656.93万元。其中,本级项目8个,本\n"
            "级项目支出385.58万元;对下转移支付项目0个,对下转移支付0\n"
            "万元。项目中,敏感涉密项目0个,涉及资金0万元。\n"
            "所有项目均开展了绩效自评,其中非敏感涉密项目绩效自评结\n"
            "果为:21 个项目评为一等,涉及资金 656.93 万元,占项目总数比\n"
            "例 100%,占项目支出总额比例 {pct}%;0 个项目评为二等,涉及资\n"
            "金 0 万元,占项目总数比例 0%,占项目支出总额比例 0%。\n")


def _share_failures(text: str) -> list[str]:
    df, _con = check_text(text)
    f = failures(df)
    return list(f[f["check_name"] == "share_of_total"]["detail"])


def test_a_share_after_a_bracket_of_parts_is_the_figure_before_it() -> None:
    assert _share_failures(INCOME.format(pct="100.0")) == []


def test_that_share_misstated_is_found() -> None:
    assert len(_share_failures(INCOME.format(pct="90.0"))) == 1


def test_a_share_of_a_named_total_is_of_the_level_printed_under_that_name() -> None:
    assert _share_failures(PROJECTS.format(pct="100")) == []


def test_a_misstated_share_of_the_named_total_is_found() -> None:
    found = _share_failures(PROJECTS.format(pct="90"))
    assert len(found) == 1 and "656.93万元 @para" in found[0].split("其总数")[1]
