"""Dagster as the operators' window: `bpw run` records its run in DAGSTER_HOME, every identity
is an asset check with its description, failed files are failed partitions keyed by path."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipeline.checks.catalogue import rules
from pipeline.checks.structural import STRUCTURAL
from pipeline.cli import main
from pipeline.definitions import defs
from pipeline.defs.instance import project_instance
from pipeline.defs.partitions import documents_partitions, partition_key

FIX = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ops")
    raw, wh = tmp / "raw", tmp / "wh" / "warehouse.duckdb"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(FIX / "txt" / "002.txt", raw / "002.txt")
    shutil.copy(FIX / "docx" / "003.docx", raw / "sub" / "003.docx")
    (raw / "sub" / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    code = main(["--raw", str(raw), "--warehouse", str(wh), "run", "--quiet", "--workers", "1"])
    return raw, wh, code


def test_run_is_recorded_in_dagster_home(ran, capsys):
    _, _, code = ran
    assert code == 0
    runs = project_instance().get_runs(filters=dg.RunsFilter(job_name="ingest_job"))
    assert runs and runs[0].status == dg.DagsterRunStatus.SUCCESS
    assert runs[0].tags["bpw/command"] == "run"


def test_the_parse_ran_while_dagster_loaded(ran):
    """`bpw run` started the parse before importing Dagster (pipeline/prestage.py); its
    staged_documents step took that batch and says how long the parse ran before the step."""
    ev = project_instance().get_latest_materialization_event(dg.AssetKey("staged_documents"))
    meta = ev.asset_materialization.metadata
    assert meta["parsed"].value == 3
    assert meta["parse_started_before_step_s"].value >= 0


def test_failed_file_is_a_failed_partition_and_keys_are_paths(ran):
    from dagster._core.storage.partition_status_cache import get_and_update_asset_status_cache_value

    inst = project_instance()
    keys = set(inst.get_dynamic_partitions(documents_partitions.name))
    assert {"002.txt", "sub/003.docx", "sub/broken.docx"} <= keys
    status = get_and_update_asset_status_cache_value(inst, dg.AssetKey("document"), documents_partitions)
    failed = set(status.deserialize_failed_partition_subsets(documents_partitions).get_partition_keys())
    done = set(status.deserialize_materialized_partition_subsets(documents_partitions).get_partition_keys())
    assert failed == {"sub/broken.docx"}
    assert {"002.txt", "sub/003.docx"} <= done


def test_every_identity_is_an_asset_check_with_its_result(ran):
    inst = project_instance()
    job = defs.resolve_job_def("ingest_job")
    names = {k.name for k in job.asset_layer.asset_graph.asset_check_keys}
    assert set(rules()) | set(STRUCTURAL) <= names
    keys = [dg.AssetCheckKey(dg.AssetKey("dq_results"), n) for n in rules()]
    latest = inst.event_log_storage.get_latest_asset_check_execution_by_key(keys)
    assert len(latest) == len(keys)
    for key, rec in latest.items():
        ev = rec.event.dagster_event.event_specific_data
        assert ev.description, key
        assert "evaluated" in ev.metadata
        if not ev.passed:
            assert "failing_rows" in ev.metadata
        if ev.metadata["evaluated"].value == 0:
            assert "未检查" in ev.description


def test_checks_have_descriptions_and_assets_metadata():
    repo = defs.get_repository_def()
    graph = repo.asset_graph
    for key in graph.asset_check_keys:
        assert graph.get_check_spec(key).description, key
    for name in ("warehouse_tables", "dq_results"):
        node = graph.get(dg.AssetKey(name))
        assert {"duckdb", "python"} <= set(node.kinds)
        assert "dagster/column_schema" in node.metadata


def test_partition_keys_readable_with_hash_only_when_needed():
    assert partition_key("sub dir/报告.pdf") == "sub dir/报告.pdf"
    weird = partition_key("a\tb.pdf")
    assert weird.startswith("a_b.pdf #") and len(weird) == len("a_b.pdf #") + 8


def test_gx_line_counts_unexpected_rows(ran, capsys):
    raw, wh, _ = ran
    main(["--raw", str(raw), "--warehouse", str(wh), "run", "--quiet", "--workers", "1"])
    out = capsys.readouterr().out
    assert "nothing new to parse" in out
    assert "Parsing" not in out
    for line in out.splitlines():
        if "GX suite" in line:
            assert "rows unexpected" in line


def test_query_into_a_closed_pipe_has_no_traceback(ran):
    _, wh, _ = ran
    bpw = Path(sys.executable).with_name("bpw")
    p = subprocess.run(f"'{bpw}' --warehouse '{wh}' query 'SELECT * FROM range(200000)' | head -2",
                       shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr, p.stderr
    assert len(p.stdout.splitlines()) == 2
