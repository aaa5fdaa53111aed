"""The two sides of the tree (README, Layout): the core returns data and knows nothing of Discord."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# Embeds, channel mentions and Discord timestamps are written on the Discord side only.
DISCORD_MARKUP = re.compile(r"<#\{|<t:|\"embeds?\"|\bembed_pages\b|\"footer\"|\"author\"")


def test_the_import_contract_holds():
    """import-linter's contract in pyproject.toml: no module of bot/ imports commands/ or discord."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is in the test extras: pip install -e '.[test]'"
    done = subprocess.run([lint_imports, "--no-cache"], cwd=PROJECT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_core_module_writes_discord_markup():
    found = [
        f"{path.relative_to(PROJECT)}:{number}: {line.strip()}"
        for path in sorted((PROJECT / "bot").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DISCORD_MARKUP.search(line)
    ]
    assert not found, "\n".join(found)
