import hashlib
import json

import dagster as dg

from pipeline.defs.jobs import ingest_job
from pipeline.ingest.scan import scan
from pipeline.settings import Settings


def folder_signature(settings: Settings) -> str:
    """Cheap fingerprint of the input folder: names, sizes and modification times."""
    items = sorted((t.rel, t.size, t.mtime) for t in scan(settings.raw_dir))
    return hashlib.sha256(json.dumps(items).encode()).hexdigest()


@dg.sensor(job=ingest_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Watches the input folder and starts an ingest run when files appear, change or disappear. "
                       "Starts RUNNING whenever `dagster dev` runs.")
def raw_folder_sensor(context: dg.SensorEvaluationContext):
    sig = folder_signature(Settings())
    if sig == context.cursor:
        return dg.SkipReason("No new or changed files in the input folder.")
    context.update_cursor(sig)
    return dg.RunRequest(run_key=sig)
