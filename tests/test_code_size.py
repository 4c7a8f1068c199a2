"""The source stays in small parts: no function over 60 lines, no file over 400.

Lines are counted as a reader sees them: a function from its `def` (decorators
excluded) to its last line, a file by its physical lines. Migrations are generated and
stay out of the count.
"""

import ast
from pathlib import Path

import partnerships

MAX_FUNCTION_LINES = 60
MAX_FILE_LINES = 400
SOURCE = Path(partnerships.__file__).parent
ROOT = SOURCE.parent


def source_files() -> list[Path]:
    return sorted(
        path for path in SOURCE.rglob("*.py") if "migrations" not in path.parts
    )


def long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                where = path.relative_to(SOURCE.parent)
                found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def long_file(path: Path) -> str | None:
    length = len(path.read_text(encoding="utf-8").splitlines())
    if length > MAX_FILE_LINES:
        return f"{path.relative_to(SOURCE.parent)} ({length} lines)"
    return None


def test_no_function_is_longer_than_sixty_lines():
    offenders = [found for path in source_files() for found in long_functions(path)]
    assert not offenders, "Functions over 60 lines:\n" + "\n".join(offenders)


def test_no_source_file_is_longer_than_four_hundred_lines():
    offenders = [found for path in source_files() if (found := long_file(path))]
    assert not offenders, "Files over 400 lines:\n" + "\n".join(offenders)


def test_the_walk_sees_the_source_tree_and_not_the_migrations():
    files = source_files()
    assert SOURCE / "reports" / "snapshot.py" in files
    assert not any("migrations" in path.parts for path in files)


def test_no_type_ignore_comment_stands_where_no_type_checker_reads_it():
    # docs/architecture.md, "Types": without a checker they only mislead.
    marker = "type" + ": ignore"
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("partnerships", "tests", "bench")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if marker in line
    ]
    assert not found, found
