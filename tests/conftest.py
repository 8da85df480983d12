"""Session-wide test settings."""

from __future__ import annotations

import os
import shutil

import pytest

from pipeline.settings import REPO_ROOT


@pytest.fixture(scope="session", autouse=True)
def _dagster_home(tmp_path_factory):
    """`bpw run` records its runs in DAGSTER_HOME: tests get their own, with the project's
    dagster.yaml, so they never write into the repository's run history."""
    home = tmp_path_factory.mktemp("dagster_home")
    shutil.copy(REPO_ROOT / "dagster.yaml", home / "dagster.yaml")
    old = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = old
