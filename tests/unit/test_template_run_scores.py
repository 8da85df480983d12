"""Score rows run together with the text around them (held-out set D 506, 中江县水利局 2022:
a news-aggregator repost of a 绩效目标自评表 whose cells have no separators)."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.readers.text import read_text

D506 = ("附件:2022年财政衔接资金实施项目绩效自评表中江县水利局2022年12月30日绩效目标自评表(2022年度)"
        "项目名称中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装项目负责人及电话谢凯13990260322(办公)"
        "主管部门中江县水利局实施单位中江县水利局资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分"
        "年度资金总额:202010100.00%10其中:本年财政拨款2020其他资金年度总体目标年初设定目标年度总体目标完成情况综述"
        "对农村地区供水计量设施设备进行改进,绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分"
        "满意度指标(10分)服务对象满意度指标受益脱贫(含监测对象)户满意度10≥95%≥95%10……总分100100注:1.一级指标分值"
        "统一设置为:产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分\n")


def _scores(text: str) -> set[tuple]:
    ex = extract(read_text(text.encode("utf-8")), "d506")
    return {(f["component"], float(f["weight"]) if f["weight"] is not None else None,
             float(f["score"]) if f["score"] is not None else None) for f in ex.fact_scores}


def test_total_weight_and_score_run_together() -> None:
    got = _scores(D506)
    assert ("total", 100.0, 100.0) in got
    assert ("budget_execution", 10.0, 10.0) in got
    assert not any(s is not None and s > 100 for _, _, s in got)


def test_a_lone_run_is_not_split_into_a_guess() -> None:
    """总分 then one figure: weight or score, not printed which — nothing stored; a score
    above 100 is never one."""
    assert not any(c == "total" for c, _, _ in _scores(D506.replace("总分100100", "总分100")))
    assert not any(c == "total" for c, _, _ in _scores(D506.replace("总分100100", "总分100200")))
