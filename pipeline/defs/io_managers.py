"""Where assets hand their return values to the next step: one folder per run.

Dagster's default filesystem IO manager keeps an asset's value at `<storage>/<asset key>`,
one file for every run: two `bpw run`s at once (different folders and warehouses, one
DAGSTER_HOME) overwrote each other's `staged_documents`, and one run loaded the other's
staged batch. Here a value is kept at `<storage>/<run id>/<asset key>`: a step reads what
its own run (or, re-executed, the run it continues) wrote. A step whose upstream asset is
not in its run (one asset materialized from `dagster dev`, the refresh job) reads the
value of the upstream's latest materialization, as before, from that run's folder (or
from the old shared file, written before this change). Op outputs (the distributed job)
are stored per run as Dagster always did.
"""

from __future__ import annotations

import dagster as dg
from dagster._core.execution.context.output import RUN_ID_PLACEHOLDER
from dagster._core.storage.fs_io_manager import PickledObjectFilesystemIOManager
from upath import UPath


class RunScopedPickleIOManager(PickledObjectFilesystemIOManager):
    """Pickles asset values under `<base_dir>/<run id>/<asset key>[/<partition>]`."""

    def get_asset_relative_path(self, context: dg.InputContext | dg.OutputContext) -> UPath:
        run = self._run_of(context)
        return UPath(run, *context.asset_key.path) if run else UPath(*context.asset_key.path)

    def get_path_for_partition(self, context: dg.InputContext | dg.OutputContext, path: UPath,
                               partition: str) -> UPath:
        if isinstance(context, dg.InputContext) and _producing_run(context) is None:
            # Partitions of one asset may come from different runs: each from its own latest.
            run = _latest_run(context, partition)
            if run is not None:
                path = self._base_path.joinpath(run, *context.asset_key.path)
        return super().get_path_for_partition(context, path, partition)

    def _run_of(self, context: dg.InputContext | dg.OutputContext) -> str | None:
        """The run folder to write to or read from; None for Dagster's shared file."""
        if isinstance(context, dg.OutputContext):
            return context.run_id
        run = _producing_run(context)
        if run is not None:
            return run
        run = _latest_run(context)
        if run is None or not self.path_exists(self._base_path.joinpath(run, *context.asset_key.path)):
            # Materialized before values were kept per run: Dagster's shared file, if any.
            return None
        return run


def _producing_run(context: dg.InputContext) -> str | None:
    """The run that produced this input in this run's lineage; None when the upstream asset was
    not part of it (Dagster then gives a stand-in output context without a run)."""
    upstream = context.upstream_output
    if upstream is None:
        return None
    try:
        run = upstream.run_id
    except dg.DagsterInvariantViolationError:
        return None
    return None if run == RUN_ID_PLACEHOLDER else run


def _latest_run(context: dg.InputContext, partition: str | None = None) -> str | None:
    """The run of the upstream asset's (or partition's) latest materialization."""
    instance = context.instance
    if partition is None:
        event = instance.get_latest_materialization_event(context.asset_key)
        return event.run_id if event is not None else None
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=context.asset_key, asset_partitions=[partition]), limit=1).records
    return records[0].run_id if records else None


class RunScopedIOManager(dg.ConfigurableIOManagerFactory):
    """The project's default IO manager (see the module docstring). `base_dir` defaults to the
    instance's storage folder, where Dagster's own filesystem IO manager writes."""

    base_dir: str | None = None

    def create_io_manager(self, context: dg.InitResourceContext) -> RunScopedPickleIOManager:
        if self.base_dir:
            return RunScopedPickleIOManager(base_dir=self.base_dir)
        if context.instance is None:
            raise dg.DagsterInvariantViolationError("RunScopedIOManager needs a Dagster instance or a base_dir.")
        base = context.instance.storage_directory()
        return RunScopedPickleIOManager(base_dir=base)
