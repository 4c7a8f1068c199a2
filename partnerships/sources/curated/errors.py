from __future__ import annotations


class DatasetError(Exception):
    """A curated dataset is wrong; the message lists every problem found, by place."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            f"{len(problems)} problem(s) in the dataset; nothing was written:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
