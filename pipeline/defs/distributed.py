"""The ingest job on a Dask cluster: parse shards on any worker, one writer downstream.

plan_shards → parse_shard_0 … parse_shard_{N-1} (fan-out) → load_shards → check → publish.
The logic is in pipeline/shards.py and pipeline/pipeline_run.py; this module only wires it.

Steps that open the warehouse (plan reads it, load/check/publish write it) ask Dask for the
`warehouse` resource, so they run only on the worker started beside the warehouse with
`--resources warehouse=1`; parse steps run on any worker. N is BPW_SHARDS (default 8) and
must be the same on the machine that submits the run and on every worker, because each
worker rebuilds the job from this module.
"""

import json
import os
from pathlib import Path

import dagster as dg

from pipeline.defs.assets.ingest import record_documents
from pipeline.defs.resources import BpwSettings
from pipeline.pipeline_run import RunSummary, check, publish
from pipeline.shards import load_shards, parse_shard, plan_shards

N_SHARDS = max(1, int(os.environ.get("BPW_SHARDS", "8") or 8))
_ON_WAREHOUSE = {"dagster-dask/resource_requirements": json.dumps({"warehouse": 1})}


@dg.op(tags=_ON_WAREHOUSE, description="Scan the input folder and cut the files to parse into shards.")
def plan_parse(context: dg.OpExecutionContext, bpw: BpwSettings) -> str:
    root = plan_shards(bpw.settings(), context.run_id[:8], N_SHARDS)
    return str(root)


def _parse_op(i: int) -> dg.OpDefinition:
    @dg.op(name=f"parse_shard_{i}", description=f"Parse shard {i} and stage it as Parquet (any worker).")
    def _op(context: dg.OpExecutionContext, bpw: BpwSettings, root: str) -> str:
        stats = parse_shard(bpw.settings(), Path(root), i)
        context.log.info(f"shard {i}: {stats}")
        return root

    return _op


PARSE_OPS = [_parse_op(i) for i in range(N_SHARDS)]


# One named input per shard rather than a fan-in list: a fan-in input is resolved from the
# run's event log, which the Dask executor fills only after the upstream steps' results come
# back to the submitting process, by which time Dask may already have started this step.
@dg.op(tags=_ON_WAREHOUSE, pool="duckdb_writer", ins={f"shard_{i}": dg.In(str) for i in range(N_SHARDS)},
       description="The single writer: load every complete shard into DuckDB.")
def load_parsed(context: dg.OpExecutionContext, bpw: BpwSettings, **shards: str) -> dict:
    summary = load_shards(bpw.settings(), Path(shards["shard_0"]))
    record_documents(context, summary.loaded_documents)  # type: ignore[arg-type]
    return {"run_id": summary.run_id, "files_seen": summary.files_seen, "parsed": summary.parsed,
            "unchanged": summary.unchanged, "statuses": summary.statuses, "counts": summary.counts}


@dg.op(tags=_ON_WAREHOUSE, pool="duckdb_writer", description="Identity and structural checks.")
def check_loaded(context: dg.OpExecutionContext, bpw: BpwSettings, loaded: dict) -> dict:
    summary = RunSummary(run_id=context.run_id, files_seen=loaded["files_seen"], parsed=loaded["parsed"],
                         unchanged=loaded["unchanged"])
    cs = check(bpw.settings(), summary, use_gx=bpw.use_gx)
    return loaded | {"evaluated": cs.evaluated, "failed": cs.failed, "failed_errors": cs.failed_errors,
                     "structural_ok": cs.structural_ok}


@dg.op(tags=_ON_WAREHOUSE, pool="duckdb_writer", description="Publish the views and write the reports.")
def publish_checked(context: dg.OpExecutionContext, bpw: BpwSettings, checked: dict) -> dict:
    from pipeline.checks.run import CheckSummary

    s = bpw.settings()
    summary = RunSummary(run_id=context.run_id, files_seen=checked["files_seen"], parsed=checked["parsed"],
                         unchanged=checked["unchanged"])
    summary.checks = CheckSummary(run_id=context.run_id, evaluated=checked["evaluated"],
                                  failed=checked["failed"], failed_errors=checked["failed_errors"])
    if not checked["structural_ok"]:
        summary.blocked_reason = "structural checks failed"
    publish(s, summary, strict=s.strict)
    return checked | {"views_published": summary.views_published}


class _Sealed:
    """Holds a step's arguments so Dask passes them through untouched: recent Dask walks
    tuples in task arguments, and Dagster's records (DagsterRun, …) refuse iteration."""

    __slots__ = ("args",)

    def __init__(self, *args: object) -> None:
        self.args = args


def _run_step(dependencies: list, sealed: _Sealed) -> list:
    from dagster_dask.executor import query_on_dask_worker

    return list(query_on_dask_worker(dependencies, *sealed.args))


def _sealed_executor(cluster_type: str, cluster_configuration: dict):
    """dagster-dask's executor, submitting each step with its arguments sealed (see _Sealed).

    Like the original, every step is one Dask task that depends on its upstream steps' tasks;
    when a worker dies, Dask runs its lost tasks again on the others. Dask and dagster-dask
    are imported here, when a distributed run starts: importing them (dask.dataframe, scipy)
    cost every `bpw run` and every Dagster code load ~0.4–1 s for a job it does not run.
    """
    import dask.distributed
    from dagster_dask.executor import DaskExecutor, get_dask_resource_requirements

    class _SealedDaskExecutor(DaskExecutor):
        def execute(self, plan_context, execution_plan):
            if self.cluster_type != "existing":
                yield from super().execute(plan_context, execution_plan)
                return
            futures: dict[str, dask.distributed.Future] = {}
            with dask.distributed.Client(self.cluster_configuration["address"]) as client:
                for level in execution_plan.get_steps_to_execute_by_level():
                    for step in level:
                        deps = [futures[k] for i in step.step_inputs for k in i.dependency_keys]
                        futures[step.key] = client.submit(
                            _run_step, deps,
                            _Sealed(plan_context.reconstructable_job, plan_context.dagster_run,
                                    plan_context.run_config, [step.key], plan_context.instance.get_ref(),
                                    execution_plan.known_state),
                            key=f"{plan_context.job_name}.{step.key}.{plan_context.run_id[:8]}",
                            resources=get_dask_resource_requirements(step.tags),
                            pure=False,
                        )
                for _future, events in dask.distributed.as_completed(list(futures.values()), with_results=True):
                    yield from events

    return _SealedDaskExecutor(cluster_type, cluster_configuration)


# dagster-dask's config schema, written out so that defining the job does not import Dask:
# an existing cluster by address, or one of the cluster managers dagster-dask starts.
_CLUSTER_KINDS = ("local", "yarn", "ssh", "pbs", "moab", "sge", "lsf", "slurm", "oar", "kube")
_DASK_CONFIG = {"cluster": dg.Field(dg.Selector(
    {"existing": dg.Field({"address": dg.Field(str, description="The Dask scheduler, tcp://host:8786")})}
    | {k: dg.Field(dg.Permissive(), is_required=False) for k in _CLUSTER_KINDS}))}


@dg.executor(name="dask", config_schema=_DASK_CONFIG, requirements=dg.multiple_process_executor_requirements())
def bpw_dask_executor(init_context: dg.InitExecutorContext):
    ((cluster_type, cluster_configuration),) = init_context.executor_config["cluster"].items()
    return _sealed_executor(cluster_type, cluster_configuration)


@dg.job(executor_def=bpw_dask_executor, resource_defs={"bpw": BpwSettings()},
        description="Ingest with parsing fanned out over a Dask cluster (see docs/scaling.md).")
def distributed_ingest_job() -> None:
    root = plan_parse()
    loaded = load_parsed(**{f"shard_{i}": op(root) for i, op in enumerate(PARSE_OPS)})
    publish_checked(check_loaded(loaded))


def run_config(scheduler: str, bpw: BpwSettings) -> dict:
    fields = {k: v for k, v in bpw.model_dump().items() if v not in ("", 0, None)}
    return {"execution": {"config": {"cluster": {"existing": {"address": scheduler}}}},
            "resources": {"bpw": {"config": fields}}}


def run_distributed(scheduler: str, bpw: BpwSettings, instance: dg.DagsterInstance | None = None
                    ) -> dg.JobExecutionResult:
    """Submit one run to the Dask scheduler at `scheduler` (tcp://host:8786) and wait for it.

    Dask needs a persistent Dagster instance that every worker can open: DAGSTER_HOME when
    set (on a shared folder or Postgres for several machines), else one beside the staging
    folder.
    """
    if instance is None:
        if os.environ.get("DAGSTER_HOME"):
            instance = dg.DagsterInstance.get()
        else:
            home = bpw.settings().staging_dir.parent / "dagster"
            home.mkdir(parents=True, exist_ok=True)
            instance = dg.DagsterInstance.local_temp(str(home))
    return dg.execute_job(dg.reconstructable(distributed_ingest_job), instance=instance,
                          run_config=run_config(scheduler, bpw), raise_on_error=False)
