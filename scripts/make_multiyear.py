"""Write the synthetic multi-year, multi-unit corpus under tests/fixtures/multiyear/.

Figures change from year to year but every identity holds; every file says it is synthetic.
Known answers used by tests/e2e/test_views_multiyear.py are derived from the same specs.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.synth import Project, Spec, q2, report_text  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "multiyear"


def projects(year: int, growth: Decimal, with_year_in_name: bool) -> list[Project]:
    base = [("4503292100000000100", "干部教育培训经费", Decimal("40.00"), Decimal(95)),
            ("4503292100000000101", "基层党建工作经费", Decimal("50.00"), Decimal(91)),
            ("4503292100000000102", "人才工作专项经费", Decimal("60.00"), Decimal(87))]
    out = []
    for code, name, adj, score in base:
        a = q2(adj * growth)
        shown = f"{year}年{name}" if with_year_in_name else name
        out.append(Project(code, shown, a, q2(a * Decimal("0.9")), score))
    return out


def specs() -> dict[str, Spec]:
    out: dict[str, Spec] = {}
    # Unit A, county 示例县: three years; 2022 prints the long form of its name.
    for year, ini, adj, exe, growth in [(2021, "450.00", "50.00", "470.00", Decimal("1.0")),
                                       (2022, "500.00", "120.50", "589.30", Decimal("1.1")),
                                       (2023, "520.00", "80.00", "540.00", Decimal("1.2"))]:
        unit = "中国共产党示例县委员会组织部" if year == 2022 else "中共示例县委员会组织部"
        out[f"A_{year}"] = Spec(unit=unit, year=year, initial=Decimal(ini), adjustment=Decimal(adj),
                                carryover=Decimal("20.00"), executed=Decimal(exe),
                                projects=projects(year, growth, with_year_in_name=False))
    # Unit B, same county: no project codes, project names carry the year (matched by key).
    for year, ini, adj, exe in [(2022, "300.00", "30.00", "300.00"), (2023, "320.00", "0.00", "256.00")]:
        out[f"B_{year}"] = Spec(unit="中共示例县委员会办公室", year=year, initial=Decimal(ini),
                                adjustment=Decimal(adj), carryover=Decimal("10.00"), executed=Decimal(exe),
                                projects=projects(year, Decimal("0.5"), with_year_in_name=True),
                                with_codes=False,
                                indicator_scores=(Decimal(20), Decimal(18), Decimal(10), Decimal(16), Decimal(18)))
    # Unit C, another county of the same city, 2022 only.
    out["C_2022"] = Spec(unit="中共样例县委员会组织部", year=2022, initial=Decimal("200.00"),
                         adjustment=Decimal("0.00"), carryover=Decimal("0.00"), executed=Decimal("150.00"),
                         projects=projects(2022, Decimal("0.3"), with_year_in_name=False)[:2])
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, spec in specs().items():
        (OUT / f"{name}.txt").write_text(report_text(replace(spec)), encoding="utf-8")
        print(OUT / f"{name}.txt")


if __name__ == "__main__":
    main()
