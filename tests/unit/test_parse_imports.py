"""The parse path does not import pandas: `bpw run` forks its parse before Dagster loads
(pipeline/prestage.py), and that process imports only what planning, reading and extracting
need (pandas and pyarrow were half of its ~0.7 s of imports). The loader, which needs pandas,
imports it in the parent while the parse runs."""

import subprocess
import sys


def test_stage_new_imports_no_pandas():
    code = ("import sys\n"
            "from pipeline.pipeline_run import stage_new\n"
            "from pipeline.runner import parse_and_check\n"
            "print(sorted(m for m in ('pandas', 'pyarrow') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
