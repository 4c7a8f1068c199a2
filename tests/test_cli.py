"""The `partnerships` console command wraps Django's management commands."""

import subprocess
import sys


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
