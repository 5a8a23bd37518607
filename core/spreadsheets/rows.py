"""Rows of an imported spreadsheet as dictionaries, and what is wrong with them.

Every all-or-nothing import checks all its rows first and reports each problem with its row (as
the spreadsheet shows it: the header is row 1), its column, a translated message and a stable
code; only a file without problems is saved.
"""

from dataclasses import dataclass

from .reading import simplified


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str
    code: str


class RowsRejectedError(Exception):
    """Some rows are wrong: nothing was imported."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = sorted(problems, key=lambda problem: problem.row)


def header_title(title: str) -> str:
    """A column title as a key: ``"Local number"`` → ``"local_number"``."""
    return simplified(title).replace(" ", "_")


def table_rows(table: list[list[str]]) -> list[dict]:
    """A table (header first) as header → text per row, blank rows skipped, ``_row`` added."""
    if not table:
        return []
    header = [header_title(title) for title in table[0]]
    return [
        {
            "_row": index + 2,
            **{title: row[i] if i < len(row) else "" for i, title in enumerate(header)},
        }
        for index, row in enumerate(table[1:])
        if any(cell for cell in row)
    ]


def problems_report(problems: list[RowProblem]) -> dict:
    """The report a rejected background import keeps (JSON), see ``core.imports``."""
    return {
        "problems": [
            {"row": p.row, "column": str(p.column), "message": str(p.message), "code": p.code}
            for p in problems
        ]
    }
