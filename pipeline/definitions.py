"""Dagster definitions: `dagster dev` and `dg` load these (see [tool.dagster] in pyproject)."""

import dagster as dg

from pipeline.defs.assets.ingest import (
    document,
    failed_documents_job,
    staged_documents,
    warehouse_tables,
)
from pipeline.defs.assets.quality import (
    analyst_views,
    dq_report,
    dq_results,
    identity_checks,
    structural_checks,
)
from pipeline.defs.distributed import distributed_ingest_job
from pipeline.defs.io_managers import RunScopedIOManager
from pipeline.defs.jobs import ingest_job, refresh_job
from pipeline.defs.resources import BpwSettings
from pipeline.defs.schedules import nightly_schedule
from pipeline.defs.sensors import raw_folder_sensor

ASSETS = [staged_documents, warehouse_tables, dq_results, analyst_views, dq_report]
CHECKS = [structural_checks, identity_checks]

defs = dg.Definitions(
    assets=[*ASSETS, document],
    asset_checks=CHECKS,
    jobs=[ingest_job, refresh_job, distributed_ingest_job, failed_documents_job],
    sensors=[raw_folder_sensor],
    schedules=[nightly_schedule],
    # Asset values are kept per run, so concurrent runs do not read each other's (io_managers.py).
    resources={"bpw": BpwSettings(), "io_manager": RunScopedIOManager()},
)
