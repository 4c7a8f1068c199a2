"""The `partnerships` console command wraps Django's management commands."""

import os
import subprocess
import sys

import pytest


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "partnerships", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_project_commands_are_spelt_with_hyphens():
    done = _run("load-demo", "--help")
    assert done.returncode == 0, done.stderr
    assert "Load the reference data and the seed report's curated data" in done.stdout


def test_django_commands_keep_their_names():
    done = _run("check", "--help")
    assert done.returncode == 0, done.stderr
    assert "--deploy" in done.stdout


def test_an_unknown_command_fails():
    done = _run("no-such-command")
    assert done.returncode != 0
    assert "Unknown command" in done.stderr


# Libraries a command that neither serves pages nor writes a report, a workbook
# or a PDF never needs (issue 12, item 5): the report's PDF and Word writers, the
# charts, the spreadsheet writer and what it loads, the Chinese segmenter.
HEAVY = ("weasyprint", "docx", "matplotlib", "jieba", "openpyxl", "numpy", "PIL")
_LOADED = """
import sys
from partnerships.__main__ import main
try:
    main(["partnerships", *sys.argv[1:]])
except SystemExit:
    pass
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _loaded(*args, tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("import-iati", "--help"),
        ("iati-export", "--help"),
        ("showmigrations",),
    ],
)
def test_commands_that_need_no_report_load_none_of_its_libraries(args, tmp_path):
    loaded = _loaded(*args, tmp_path=tmp_path)
    assert "django" in loaded  # the probe does see what was imported
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_the_check_command_still_checks_the_urls(tmp_path):
    # It imports every view: the report's chart library comes with them.
    assert "matplotlib" in _loaded("check", tmp_path=tmp_path)
