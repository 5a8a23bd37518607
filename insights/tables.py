"""What every table is made of, whatever shows it: the page, the CSV and XLSX exports, the PDF.

A column's ``kind`` says how to show it and whether it counts people: ``people`` counts are
suppressed under the small-count threshold in anything that leaves the admin, and so are the
``derived`` figures computed from such a count (``base``)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "number"  # text, date, people, number, share (percent), money, derived
    base: str = ""  # for a derived column: the people count it is computed from

    @property
    def is_text(self) -> bool:
        return self.kind in ("text", "date")


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[dict]
    total: dict | None = None
    codes: list[str] = field(default_factory=list)  # each row's code (region, sector…)

    def values(self, row: dict) -> list:
        return [row.get(column.key) for column in self.columns]

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


def share(part, whole) -> float | None:
    """``part`` as a percentage of ``whole``, to one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def suppressed(table: Table, *, threshold: int) -> Table:
    """A copy where each people count under ``threshold`` (but not zero), and each figure
    derived from it, reads "<threshold" (decision 0038)."""

    def hide(row: dict | None) -> dict | None:
        if row is None:
            return None
        small = {
            column.key
            for column in table.columns
            if column.kind == "people" and 0 < (row.get(column.key) or 0) < threshold
        }
        hidden = dict(row)
        for column in table.columns:
            if column.key in small or (column.kind == "derived" and column.base in small):
                hidden[column.key] = f"<{threshold}"
        return hidden

    return Table(
        key=table.key,
        title=table.title,
        columns=table.columns,
        rows=[hide(row) for row in table.rows],
        total=hide(table.total),
        codes=table.codes,
    )


@dataclass(frozen=True)
class Cell:
    key: str
    text: str
    numeric: bool


def _text(column: Column, value) -> str:
    if value is None:
        return "—"
    if column.kind == "date" and hasattr(value, "strftime"):
        return value.strftime("%Y-%m")
    if column.kind == "money" and not isinstance(value, str):
        return f"{value:.0f}"
    return str(value)


def display_rows(table: Table) -> list[tuple[bool, list[Cell]]]:
    """Each row (then the total) as (is_total, cells) of ready text: the page and the PDF print
    them without per-cell template work."""
    rows = [(False, row) for row in table.rows]
    if table.total and table.rows:
        rows.append((True, table.total))
    return [
        (
            is_total,
            [
                Cell(column.key, _text(column, row.get(column.key)), not column.is_text)
                for column in table.columns
            ],
        )
        for is_total, row in rows
    ]
