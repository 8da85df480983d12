import dagster as dg

from pipeline.defs.jobs import ingest_job

nightly_schedule = dg.ScheduleDefinition(
    name="nightly_refresh",
    job=ingest_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    description="Every night: pick up anything the sensor missed, re-check identities, refresh views and reports.",
)
