import dagster as dg

from pipeline.checks.run import CheckSummary
from pipeline.checks.structural import STRUCTURAL
from pipeline.defs.resources import BpwSettings
from pipeline.pipeline_run import RunSummary, check, publish, write_reports
from pipeline.runner import open_writer


@dg.asset(group_name="quality", pool="duckdb_writer",
          description="Evaluate every accounting identity (SQL residuals validated by Great Expectations) into dq_results.")
def dq_results(context: dg.AssetExecutionContext, bpw: BpwSettings, warehouse_tables: dict) -> dict:
    s = bpw.settings()
    summary = RunSummary(run_id=context.run_id)
    cs = check(s, summary, use_gx=bpw.use_gx)
    context.add_output_metadata(
        {"checks_run": cs.evaluated, "checks_failed": cs.failed, "errors": cs.failed_errors}
        | {f"failed_{k}": f for k, (_, f) in cs.by_check.items()}
    )
    return {"run_id": context.run_id, "evaluated": cs.evaluated, "failed": cs.failed,
            "failed_errors": cs.failed_errors, "by_check": cs.by_check, "structural": cs.structural,
            "suites": cs.suites}


@dg.multi_asset_check(
    specs=[dg.AssetCheckSpec(name, asset="dq_results", blocking=True) for name in STRUCTURAL]
    + [dg.AssetCheckSpec("identities_hold_when_strict", asset="dq_results", blocking=True)],
)
def structural_checks(context: dg.AssetCheckExecutionContext, bpw: BpwSettings, dq_results: dict):
    """Blocking checks on the warehouse itself; a failure keeps the views from publishing."""
    for name, bad in dq_results["structural"].items():
        yield dg.AssetCheckResult(check_name=name, passed=bad == 0, metadata={"offending_rows": bad})
    strict = bpw.settings().strict
    yield dg.AssetCheckResult(
        check_name="identities_hold_when_strict",
        passed=not strict or dq_results["failed_errors"] == 0,
        metadata={"strict": strict, "failed_identities": dq_results["failed_errors"]},
    )


@dg.asset(group_name="analysis", pool="duckdb_writer",
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


@dg.asset(group_name="analysis", pool="duckdb_writer", deps=["analyst_views"],
          description="Write the data-quality report and the overview page (self-contained HTML).")
def dq_report(context: dg.AssetExecutionContext, bpw: BpwSettings) -> None:
    s = bpw.settings()
    con = open_writer(s)
    try:
        write_reports(con, s)
    finally:
        con.close()
    context.add_output_metadata({"report": dg.MetadataValue.path(str(s.report_path))})
