"""Sensor, schedule and per-document partitions, with Dagster's own test utilities."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg

from pipeline.definitions import ASSETS, defs, structural_checks
from pipeline.defs.assets.ingest import document
from pipeline.defs.partitions import documents_partitions
from pipeline.defs.resources import BpwSettings
from pipeline.defs.schedules import nightly_schedule
from pipeline.defs.sensors import raw_folder_sensor

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def test_sensor_requests_a_run_only_when_the_folder_changes(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    monkeypatch.setenv("BPW_RAW_DIR", str(raw))
    shutil.copy(FIX / "txt" / "002.txt", raw / "a.txt")
    instance = dg.DagsterInstance.ephemeral()

    ctx = dg.build_sensor_context(instance=instance, cursor=None)
    first = raw_folder_sensor(ctx)
    assert isinstance(first, dg.RunRequest)
    cursor = ctx.cursor

    ctx = dg.build_sensor_context(instance=instance, cursor=cursor)
    assert isinstance(raw_folder_sensor(ctx), dg.SkipReason)

    shutil.copy(FIX / "txt" / "004.txt", raw / "b.txt")
    ctx = dg.build_sensor_context(instance=instance, cursor=cursor)
    again = raw_folder_sensor(ctx)
    assert isinstance(again, dg.RunRequest) and again.run_key != first.run_key


def test_nightly_schedule_requests_the_ingest_job():
    ctx = dg.build_schedule_context(scheduled_execution_time=None)
    req = nightly_schedule.evaluate_tick(ctx).run_requests
    assert req and nightly_schedule.job_name == "ingest_job"
    assert defs.resolve_job_def("ingest_job") is not None


def test_each_document_is_a_partition_and_can_be_reloaded_alone(tmp_path):
    raw, wh = tmp_path / "raw", tmp_path / "wh.duckdb"
    raw.mkdir()
    shutil.copy(FIX / "txt" / "002.txt", raw / "a.txt")
    shutil.copy(FIX / "txt" / "004.txt", raw / "b.txt")
    instance = dg.DagsterInstance.ephemeral()
    res = BpwSettings(raw_dir=str(raw), warehouse=str(wh), use_gx=False)
    result = dg.materialize([*ASSETS, structural_checks], resources={"bpw": res}, instance=instance)
    assert result.success
    keys = instance.get_dynamic_partitions(documents_partitions.name)
    assert len(keys) == 2
    mats = [e for e in result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"
            and e.asset_key == dg.AssetKey("document")]
    assert {m.partition for m in mats} == set(keys)

    one = dg.materialize([document], partition_key=keys[0], resources={"bpw": res}, instance=instance)
    assert one.success
    assert one.get_asset_materialization_events()[0].materialization.metadata["files"].value == 1


def test_dagster_instance_config_and_definitions_validate(tmp_path):
    import os
    import subprocess
    import sys

    from pipeline.settings import REPO_ROOT

    env = dict(os.environ, DAGSTER_HOME=str(REPO_ROOT))
    out = subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "definitions", "validate", "-m", "pipeline.definitions"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Validation successful" in out.stderr + out.stdout
