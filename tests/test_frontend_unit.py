"""The web app's own unit tests (vitest: message catalogues complete in both languages, the
highlight splitter, chart and quarter arithmetic) run as part of the suite."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"


def test_frontend_unit_tests_pass():
    assert shutil.which("npx"), "Node.js with npm is needed for the web app (scripts/test builds it)"
    assert (FRONTEND / "node_modules").is_dir(), "run scripts/build-frontend (scripts/test does)"
    result = subprocess.run(["npx", "vitest", "run", "--reporter=dot"], cwd=FRONTEND, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
