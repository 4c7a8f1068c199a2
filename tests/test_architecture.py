"""The apps depend on each other in one direction (docs/architecture.md).

The contracts are import-linter's, declared in pyproject.toml; this test runs them
so that a plain `pytest` catches a new import cycle too, and shows that the
contracts do fail on an import against them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from partnerships.cooperation.models import Engagement

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(
    config: Path | None = None, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    binary = Path(sys.executable).parent / "lint-imports"
    command = [str(binary), "--no-cache"]
    if config is not None:
        command.append(str(config))
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_the_apps_keep_their_dependency_contracts() -> None:
    result = _lint_imports()
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_a_domain_app_importing_accounts_breaks_the_contract(tmp_path: Path) -> None:
    # A copy of the package where the registry imports accounts: the contract
    # must say so, or the test above proves nothing.
    copy = tmp_path / "partnerships"
    shutil.copytree(ROOT / "partnerships", copy)
    with (copy / "registry" / "selectors.py").open("a") as handle:
        handle.write("\nfrom partnerships.accounts import actors  # noqa: E402,F401\n")
    config = tmp_path / "contracts.toml"
    config.write_text((ROOT / "pyproject.toml").read_text())
    result = _lint_imports(config, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0, textwrap.shorten(result.stdout, 2000)
    assert "partnerships.registry" in result.stdout


@pytest.mark.django_db
def test_product_code_writing_a_model_directly_is_caught() -> None:
    # The guard of tests/conftest.py sees which product module asked for a save.
    namespace: dict[str, object] = {"__name__": "partnerships.portal.probe"}
    exec("def write(record):\n    record.save()\n", namespace)
    engagement = Engagement.objects.first()
    with pytest.raises(AssertionError, match="directly"):
        namespace["write"](engagement)
