"""One check catalogue (sql/checks/rules.csv) drives the SQL runner, the GX families, the
data-quality report and the Dagster asset checks: they must agree, and no check may be left out."""

from __future__ import annotations

import csv

from pipeline.checks.catalogue import CHECKS_DIR, DERIVED_CHECKS, PYTHON_CHECKS, RULES_FILE, rules
from pipeline.checks.gx_suites import FAMILIES
from pipeline.checks.identities import CHECK_NAMES
from pipeline.reports.dq_report import CHECK_CATALOGUE


def _rows() -> list[dict[str, str]]:
    with open(RULES_FILE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_sql_check_has_a_catalogue_row_and_every_row_a_check():
    sql = {f.stem for f in CHECKS_DIR.glob("*.sql")}
    listed = {r["name"] for r in _rows()}
    assert sql - listed == set(), "add these checks to sql/checks/rules.csv"
    assert listed - sql - set(PYTHON_CHECKS) - set(DERIVED_CHECKS) == set(), "rules.csv lists checks with no SQL file"


def test_derived_checks_are_written_by_some_check():
    for name in DERIVED_CHECKS:
        assert any("printed_ok" in f.read_text(encoding="utf-8") for f in CHECKS_DIR.glob("*.sql")), name


def test_rows_are_complete():
    for r in _rows():
        assert r["severity"] in ("error", "warning"), r
        assert r["family"] and r["description_zh"] and r["description_en"], r
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r["description_zh"]), r
        assert r["template_zh"] and r["template_en"], r
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r["template_zh"]), r


def test_templates_name_only_known_figures_and_agree_between_languages():
    import string

    known = {"subject", "printed", "computed", "difference", "tolerance", "detail"}
    for r in _rows():
        zh = {f for _, f, _, _ in string.Formatter().parse(r["template_zh"]) if f}
        en = {f for _, f, _, _ in string.Formatter().parse(r["template_en"]) if f}
        assert zh <= known and zh == en, (r["name"], zh, en)
    s = rules()["execution_rate"].sentence("zh", subject="资源县", printed="98.5", computed="99.1",
                                           difference="-0.6", tolerance="0.01")
    assert "98.5" in s and "99.1" in s and "资源县" in s and "{" not in s


def test_runner_gx_report_agree_with_the_catalogue():
    names = tuple(rules())
    assert CHECK_NAMES == names
    assert sorted(n for fam in FAMILIES.values() for n in fam) == sorted(names)
    assert tuple(CHECK_CATALOGUE) == names
    for n, (sev, zh, en) in CHECK_CATALOGUE.items():
        assert (sev, zh, en) == (rules()[n].severity, rules()[n].description_zh, rules()[n].description_en)


def test_dagster_asset_check_specs_agree_with_the_catalogue():
    from pipeline.defs.assets.quality import identity_checks

    specs = {s.name: s for s in identity_checks.check_specs}
    assert tuple(specs) == tuple(rules())
    for n, spec in specs.items():
        assert spec.description == rules()[n].description and not spec.blocking


def test_a_sql_file_without_a_row_still_runs(tmp_path, monkeypatch):
    import pipeline.checks.catalogue as cat

    d = tmp_path / "checks"
    d.mkdir()
    (d / "new_check.sql").write_text("-- A brand-new identity.\nSELECT 1 AS x WHERE false\n", encoding="utf-8")
    monkeypatch.setattr(cat, "CHECKS_DIR", d)
    monkeypatch.setattr(cat, "RULES_FILE", d / "rules.csv")
    cat.rules.cache_clear()
    try:
        r = cat.rules()["new_check"]
        assert r.family == "other" and r.description_en == "A brand-new identity."
    finally:
        cat.rules.cache_clear()
