"""Reading the tab-separated data files the package ships (comments start with #)."""

from __future__ import annotations

from newsgraph.errors import ResourceError


def tsv_rows(text: str, source: str, min_cols: int) -> list[tuple[int, list[str]]]:
    """(line number, columns) of each data line; a line with too few columns names its file and line."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < min_cols:
            raise ResourceError(f"{source}, line {number}: expected at least {min_cols} tab-separated columns, got {len(cols)}")
        rows.append((number, cols))
    return rows
