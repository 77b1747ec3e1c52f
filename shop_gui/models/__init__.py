"""Qt item models over query results (never over the stores themselves)."""


def repaint_all(model) -> None:
    """Every cell may read differently (the currency changed): say so, keeping rows and selection."""
    rows, columns = model.rowCount(), model.columnCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
