"""The check catalogue as data: `sql/checks/rules.csv` names every identity check with its
family, severity and description in Chinese and English.

It drives the SQL runner (which files run, in which order), the Great Expectations families,
the data-quality report's catalogue and the Dagster asset checks. A SQL file added to
`sql/checks/` without a row still runs and still becomes an asset check: its description is
then the file's leading comment and its family `other` — a new check is never silently left out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from pipeline.settings import SQL_DIR

CHECKS_DIR = SQL_DIR / "checks"
RULES_FILE = CHECKS_DIR / "rules.csv"
# Checks computed in Python rather than SQL (they need the document's own grade bands).
PYTHON_CHECKS = ("grade_band",)
# Checks whose rows come from other checks: printed_balance judges, as printed, the sums and
# rates that hold within rounding in every check returning `printed_ok` (table_total,
# line_item_sum, stated_parts_sum, share_parts_sum, row_split_sum, budget_stage_sum, change_parts_sum,
# execution_rate; written by pipeline.warehouse.write.insert_check_rows).
DERIVED_CHECKS = ("printed_balance",)


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    severity: str  # error | warning
    description_zh: str
    description_en: str
    # Sentences for one finding, with placeholders {subject} {printed} {computed} {difference}
    # {tolerance} {detail}; empty for a check the catalogue does not list.
    template_zh: str = ""
    template_en: str = ""

    @property
    def description(self) -> str:
        return f"{self.description_zh} — {self.description_en}"

    def sentence(self, lang: str, **figures: str) -> str:
        """The finding in words ('zh' or 'en'); figures already formatted, missing ones blank."""
        template = self.template_zh if lang == "zh" else self.template_en
        if not template:
            return figures.get("detail", "")
        return template.format_map(_Blank(figures))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "—"


def _leading_comment(name: str) -> str:
    lines = []
    for line in (CHECKS_DIR / f"{name}.sql").read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.lstrip("-").strip())
    return " ".join(lines) or name


@cache
def rules() -> dict[str, Rule]:
    """name → Rule, in the catalogue's order, then any SQL file the catalogue does not list."""
    out: dict[str, Rule] = {}
    sql = {f.stem for f in CHECKS_DIR.glob("*.sql")}
    if RULES_FILE.exists():
        with open(RULES_FILE, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                name = row["name"].strip()
                if name in sql or name in PYTHON_CHECKS or name in DERIVED_CHECKS:  # a listed check whose file went away does not run
                    out[name] = Rule(name, row["family"].strip(), row["severity"].strip(),
                                     row["description_zh"].strip(), row["description_en"].strip(),
                                     (row.get("template_zh") or "").strip(), (row.get("template_en") or "").strip())
    for name in sorted(sql - set(out)):
        text = _leading_comment(name)
        out[name] = Rule(name, "other", "error", text, text)
    return out


def check_names() -> tuple[str, ...]:
    return tuple(rules())


def families() -> dict[str, tuple[str, ...]]:
    """GX suite family → its checks (families in the catalogue's order)."""
    fam: dict[str, list[str]] = {}
    for r in rules().values():
        fam.setdefault(r.family, []).append(r.name)
    return {k: tuple(v) for k, v in fam.items()}
