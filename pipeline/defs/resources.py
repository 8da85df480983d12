import dagster as dg

from pipeline.settings import Settings


class BpwSettings(dg.ConfigurableResource):
    """Paths and switches; empty strings mean the defaults (and BPW_* environment variables)."""

    raw_dir: str = ""
    warehouse: str = ""
    strict: bool = False
    use_gx: bool = True
    workers: int = 0
    staging_dir: str = ""  # shared folder for parse results (distributed runs)

    def settings(self) -> Settings:
        s = Settings()
        if self.raw_dir:
            from pathlib import Path

            s.raw_dir = Path(self.raw_dir)
        if self.warehouse:
            from pathlib import Path

            s.warehouse = Path(self.warehouse)
        if self.staging_dir:
            from pathlib import Path

            s.staging = Path(self.staging_dir)
        if self.workers:
            s.workers = self.workers
        s.strict = s.strict or self.strict
        return s
