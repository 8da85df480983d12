import dagster as dg

from pipeline.checks.catalogue import rules
from pipeline.checks.run import CheckSummary
from pipeline.checks.structural import STRUCTURAL, description
from pipeline.defs.event_log import events_grouped
from pipeline.defs.metadata import table_schema
from pipeline.defs.resources import BpwSettings
from pipeline.pipeline_run import RunSummary, check, publish, write_reports
from pipeline.runner import open_writer


@dg.asset(group_name="quality", pool="duckdb_writer", kinds={"duckdb", "python"},
          metadata={"dagster/column_schema": table_schema("dq_results"), "dagster/table_name": "dq_results"},
          description="Evaluate every accounting identity (SQL residuals validated by Great Expectations) into "
                      "dq_results. Each identity is an asset check below; they warn, and block only with --strict.")
def dq_results(context: dg.AssetExecutionContext, bpw: BpwSettings, warehouse_tables: dict) -> dict:
    s = bpw.settings()
    summary = RunSummary(run_id=context.run_id)
    cs = check(s, summary, use_gx=bpw.use_gx)
    context.add_output_metadata(
        {"dagster/row_count": cs.evaluated, "checks_run": cs.evaluated, "checks_failed": cs.failed,
         "errors": cs.failed_errors, "incomplete": cs.incomplete}
        | {f"failed_{k}": f for k, (_, f) in cs.by_check.items()}
    )
    return {"run_id": context.run_id, "evaluated": cs.evaluated, "failed": cs.failed,
            "failed_errors": cs.failed_errors, "by_check": cs.by_check, "structural": cs.structural,
            "incomplete": cs.incomplete, "incomplete_by_check": cs.incomplete_by_check,
            "suites": cs.suites, "failing": cs.failing}


def _failing_table(rows: list[dict]) -> str:
    """The first failing rows as a Markdown table (Dagster shows it in the check's metadata)."""
    def cell(v: object) -> str:
        return str(v or "").replace("|", "\\|").replace("\n", " ")

    lines = ["| 文件 file | 说明 finding | 出处 where |", "|---|---|---|"]
    lines += [f"| {cell(r['file'])} | {cell(r['detail'])} | {cell(r['source_refs'])} |" for r in rows]
    return "\n".join(lines)


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(r.name, asset="dq_results", blocking=False, description=r.description)
           for r in rules().values()],
    description="Accounting identities of the documents (sql/checks/rules.csv): findings, not pipeline failures.",
)
def identity_checks(context: dg.AssetCheckExecutionContext, dq_results: dict):
    """One asset check per identity of the catalogue: passed when no evaluation of this run
    failed; an identity with nothing to evaluate says so (未检查) rather than passing silently."""
    # The results' events in one transaction (pipeline/defs/event_log.py), not ~90 commits.
    with events_grouped(context.instance):
        yield from _identity_results(dq_results)


def _identity_results(dq_results: dict):
    failing = dq_results.get("failing", {})
    for r in rules().values():
        n, failed = dq_results["by_check"].get(r.name, (0, 0))
        meta: dict = {"evaluated": n, "failed": failed, "severity": r.severity}
        if failing.get(r.name):
            meta["failing_rows"] = dg.MetadataValue.md(_failing_table(failing[r.name]))
            if failed > len(failing[r.name]):
                meta["more"] = (f"{failed - len(failing[r.name])} more: SELECT * FROM dq_results "
                                f"WHERE run_id = '{dq_results['run_id']}' AND check_name = '{r.name}' AND NOT passed")
        if n == 0:
            text = "未检查：本次运行没有可核对的数字 — nothing to evaluate in this run"
        elif failed:
            text = f"{failed} / {n} 处不成立 — {failed} of {n} evaluations failed"
        else:
            text = f"{n} 处全部成立 — all {n} evaluations hold"
        yield dg.AssetCheckResult(
            check_name=r.name, passed=failed == 0, metadata=meta, description=text,
            severity=dg.AssetCheckSeverity.WARN if r.severity == "warning" else dg.AssetCheckSeverity.ERROR,
        )


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(name, asset="dq_results", blocking=True, description=description(name))
           for name in STRUCTURAL]
    + [dg.AssetCheckSpec("identities_hold_when_strict", asset="dq_results", blocking=True,
                         description="--strict（或 BPW_STRICT=1）时，所有错误级恒等式必须成立，否则不发布视图 — "
                                     "With --strict, every error-level identity must hold or the views are not published.")],
)
def structural_checks(context: dg.AssetCheckExecutionContext, bpw: BpwSettings, dq_results: dict):
    """Blocking checks on the warehouse itself; a failure keeps the views from publishing."""
    strict = bpw.settings().strict
    with events_grouped(context.instance):
        for name, bad in dq_results["structural"].items():
            yield dg.AssetCheckResult(check_name=name, passed=bad == 0, metadata={"offending_rows": bad})
        yield dg.AssetCheckResult(
            check_name="identities_hold_when_strict",
            passed=not strict or dq_results["failed_errors"] == 0,
            metadata={"strict": strict, "failed_identities": dq_results["failed_errors"]},
        )


@dg.asset(group_name="analysis", pool="duckdb_writer", kinds={"duckdb", "sql"},
          description="Publish the analysts' views (v_unit_year, v_unit_yoy, …) with Chinese comments.")
def analyst_views(context: dg.AssetExecutionContext, bpw: BpwSettings, warehouse_tables: dict,
                  dq_results: dict) -> None:
    s = bpw.settings()
    summary = RunSummary(run_id=context.run_id, files_seen=warehouse_tables["files_seen"],
                         parsed=warehouse_tables["parsed"], unchanged=warehouse_tables["unchanged"])
    summary.checks = CheckSummary(run_id=context.run_id, evaluated=dq_results["evaluated"],
                                  failed=dq_results["failed"], failed_errors=dq_results["failed_errors"])
    # The blocking asset checks above already gated this step.
    publish(s, summary, strict=False, reports=False)
    context.add_output_metadata({"published": summary.views_published})


@dg.asset(group_name="analysis", pool="duckdb_writer", deps=["analyst_views"], kinds={"html", "python"},
          description="Write the data-quality report and the overview page (self-contained HTML).")
def dq_report(context: dg.AssetExecutionContext, bpw: BpwSettings) -> None:
    s = bpw.settings()
    con = open_writer(s)
    try:
        write_reports(con, s)
    finally:
        con.close()
    context.add_output_metadata({"report": dg.MetadataValue.path(str(s.report_path))})
