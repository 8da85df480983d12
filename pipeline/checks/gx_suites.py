"""Great Expectations suites over the identity residuals (pandas datasource, see README).

GX's SQL datasource silently fails every expectation on DuckDB, so residuals are computed
in DuckDB and the resulting DataFrame is validated here: one suite per check family. A
suite fails when any identity of its family is broken beyond its rounding tolerance.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from pipeline.checks.catalogue import families

if TYPE_CHECKING:
    import pandas as pd

# One suite per family of the check catalogue (sql/checks/rules.csv).
FAMILIES: dict[str, tuple[str, ...]] = families()


def _gx():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # slow import: only when validating

    return gx


def validate(residuals: pd.DataFrame) -> list[dict[str, Any]]:
    """Validate each family; returns one summary row per suite (stored in dq_validations)."""
    gx = _gx()
    ctx = gx.get_context(mode="ephemeral")
    try:
        ctx.variables.progress_bars = {"globally": False}
    except Exception:
        pass
    out = []
    df = residuals.copy()
    # excess > 0 means the identity is broken beyond its rounding interval.
    excess = df["difference"].abs() - df["tolerance"].fillna(0)
    df["excess"] = excess.where(~df["passed"].astype(bool), 0.0).fillna(0.0)
    df.loc[~df["passed"].astype(bool) & (df["excess"] <= 0), "excess"] = 1.0  # e.g. grade mismatch
    source = ctx.data_sources.add_pandas("residuals")
    asset = source.add_dataframe_asset("residuals")
    batch_def = asset.add_batch_definition_whole_dataframe("all")
    for family, checks in FAMILIES.items():
        part = df[df["check_name"].isin(checks)].reset_index(drop=True)
        suite = ctx.suites.add(gx.ExpectationSuite(name=f"bpw_{family}"))
        suite.add_expectation(gx.expectations.ExpectColumnValuesToBeBetween(column="excess", max_value=0.0))
        suite.add_expectation(gx.expectations.ExpectColumnValuesToNotBeNull(column="check_name"))
        batch = batch_def.get_batch(batch_parameters={"dataframe": part})
        res = batch.validate(suite)
        errors = [
            str(r.exception_info) for r in res.results
            if getattr(r, "exception_info", None) and r.exception_info.get("raised_exception")
        ]
        first = res.results[0].result if res.results else {}
        out.append(
            {
                "suite": f"bpw_{family}",
                "success": bool(res.success) and not errors,
                "evaluated": len(part),
                "unexpected_count": int(first.get("unexpected_count", 0) or 0),
                "exception": "; ".join(errors) or None,
            }
        )
    return out
