"""Unit keys, regions and project keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalize.names import project_key, region_of, unit_key

places = st.text(alphabet="东西南北山河湖海江城益阳资源广元昭化", min_size=2, max_size=4)
levels = st.sampled_from(["省", "市", "县", "区", "州"])
bodies = st.sampled_from(["组织部", "宣传部", "办公室", "统战部", "政法委员会", "机构编制委员会办公室"])


@given(places, levels, bodies, st.sampled_from(["", " ", "\u3000"]))
def test_party_aliases_share_a_key(place, level, body, pad):
    key = f"中共{place}{level}委{body}"
    aliases = [
        f"中国共产党{place}{level}委员会{body}", f"中共{place}{level}委员会{body}", key,
        f"{place}{level}委{body}", f"106001-中共{place}{level}委员会{body}", f"{pad}中共{place}{level}委{body}（盖章）{pad}",
        f"中共{place}{level}委{body}".translate(str.maketrans("()", "（）")),
    ]
    assert {unit_key(a) for a in aliases} == {key}


@pytest.mark.parametrize("a,b", [
    ("中共益阳市委组织部", "中国共产党益阳市委员会组织部"),
    ("中共资源县委员会组织部", "中共资源县委组织部"),
    ("中共资源县委员会办公室", "中共资源县委办公室"),
    ("106001-中共资源县委员会组织部", "中共资源县委组织部"),
    ("中共惠州大亚湾经济技术开发区委员会组织部", "中共惠州大亚湾经济技术开发区委组织部"),
    ("资源县委组织部", "中共资源县委组织部"),
    ("单位名称：中共资源县委组织部", "中共资源县委组织部"),
])
def test_alias_pairs(a, b):
    assert unit_key(a) == unit_key(b) == unit_key(b).strip()


@pytest.mark.parametrize("name,key", [
    ("中国共产党益阳市委员会组织部", "中共益阳市委组织部"),
    ("中共益阳市委员会政法委员会", "中共益阳市委政法委员会"),  # only the first 委员会 folds
    ("中共益阳市纪律检查委员会", "中共益阳市纪律检查委员会"),
    ("益阳市发展和改革委员会", "益阳市发展和改革委员会"),  # not a party body
    ("益阳市卫生健康委员会", "益阳市卫生健康委员会"),
    ("资源县财政局", "资源县财政局"),
    ("某某社区委员会", "某某社区委员会"),
])
def test_key_form(name, key):
    assert unit_key(name) == key


@pytest.mark.parametrize("name,region", [
    ("中共益阳市委组织部", "益阳市"), ("中国共产党益阳市委员会组织部", "益阳市"), ("资源县财政局", "资源县"),
    ("中共资源县委员会组织部", "资源县"), ("广元市昭化区财政局", "广元市昭化区"),
    ("中共惠州大亚湾经济技术开发区委员会组织部", "惠州大亚湾经济技术开发区"), ("湖南省益阳市财政局", "湖南省益阳市"),
    ("四川省财政厅", "四川省"), ("益阳市城市管理局", "益阳市"), ("财政局", None), ("", None),
    ("临溪县市场监督管理局", "临溪县"), ("某某市市场监督管理局", "某某市"),
])
def test_region_of(name, region):
    assert region_of(name) == region


@given(st.integers(2015, 2030), st.sampled_from(["干部教育培训经费", "党建工作专项经费", "农村公路养护项目"]))
def test_project_key_ignores_year_and_wrapping(year, name):
    k = project_key(name)
    variants = [f"{year}年{name}", f"{year}年度“{name}”", f"{year} 年度 {name}", f"关于申请{year}年{name}的请示",
                f"{name}（县领导批示A630）", f"{name}(县领导批示A630)", f'"{name}"', f"申请{name}",
                f"{year}年{name}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))]
    assert {project_key(v) for v in variants} == {k}


def test_project_key_examples():
    assert project_key("关于申请2022年度“党建工作经费”的请示") == "党建工作经费"
    assert project_key("2021年干部教育培训经费") == "干部教育培训经费"
    assert project_key("党建经费(县领导批示A630)") == "党建经费"
    assert project_key("") == ""


@given(st.text(max_size=40))
def test_never_raises_and_idempotent(s):
    assert unit_key(unit_key(s)) == unit_key(s)
    region_of(s)
    project_key(s)
