"""A load killed with SIGKILL half-way leaves the store consistent (previous version active)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from clearance.store import get_version, list_versions, status
from clearance.store.db import reset_engines
from clearance.store.load import load_paths

KILLER = """
import sys, os, time
from pathlib import Path
from clearance.store import versions
real_insert = versions.insert
def slow_insert(table):
    stmt = real_insert(table)
    if table.name == "entities":
        print("WRITING", flush=True)
        time.sleep(0.3)
    return stmt
versions.insert = slow_insert
from clearance.store.load import load_paths
load_paths([Path(sys.argv[1])])
"""


def test_sigkill_during_load_keeps_previous_version(home: Path, lists_dir: Path) -> None:
    load_paths([lists_dir / "ofac_sdn"])
    env = {**os.environ, "CLEARANCE_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-c", KILLER, str(lists_dir / "ofac_sdn_20240503")],
                            env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        if "WRITING" in line:
            break
    time.sleep(0.5)  # well inside the transaction: several batches written
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    reset_engines()
    assert [v.version for v in list_versions("us_ofac_sdn")] == [1]
    assert get_version("us_ofac_sdn").entity_count == 13821
    assert [s.dataset for s in status()] == ["us_ofac_sdn"]
    # and the store still accepts the next load
    (res,) = load_paths([lists_dir / "ofac_sdn_20240503"])
    assert res.error is None and res.version is not None and res.version.version == 2
