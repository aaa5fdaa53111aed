"""The two sides of the tree (README, Layout): the core returns data and knows nothing of Discord."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def test_the_import_contract_holds():
    """import-linter's contract in pyproject.toml: no module of bot/ imports commands/ or discord."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is in the test extras: pip install -e '.[test]'"
    done = subprocess.run([lint_imports, "--no-cache"], cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

