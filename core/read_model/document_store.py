"""The read model's documents as the projections see them: get one, put one,
remove one, append stock movements. Documents are edited in place (TinyDB's
``upsert``/``update`` would copy a whole table twice per document), so a
change to a document taken with ``get`` is announced with ``changed``.
"""

from functools import partial

from core.read_model import documents as docs
from core.read_model.storage import ShardedJSONStorage
from core.write_model.reading import StoredEvent

Move = tuple  # (kind, quantity, stock_after, reason, note, order_id)


class DocumentStore:
    def __init__(self, storage: ShardedJSONStorage):
        self._storage = storage

    def get(self, table_name: str, doc_id: int) -> dict | None:
        """One document, to change in place (then ``changed``), or None."""
        table = self._storage.get(table_name)
        return None if table is None else table.get(str(doc_id))

    def table(self, name: str) -> dict | None:
        """A whole table's documents (parsed now if not yet), or None."""
        return self._storage.get(name)

    def edit(self, name: str, change) -> None:
        """Change a table's documents (made when it is parsed: storage.edit)."""
        self._storage.edit(name, change)

    def put(self, table_name: str, doc_id: int, doc: dict | list) -> None:
        """Insert or replace (an upsert) one document."""
        self._storage.table(table_name)[str(doc_id)] = doc
        self._storage.touch(table_name)

    def changed(self, table_name: str) -> None:
        """A document of ``table_name`` taken with ``get`` was changed in place."""
        self._storage.touch(table_name)

    def remove(self, table_name: str, doc_id: int) -> None:
        table = self._storage.get(table_name)
        if table is not None and table.pop(str(doc_id), None) is not None:
            self._storage.touch(table_name)

    def append_moves(self, origin: StoredEvent, moves: dict[int, Move]) -> None:
        """Append a stock movement per product id, made by the event ``origin``
        (its outbox position, time and who). A history table not parsed yet is
        not parsed for this (``storage.edit`` defers the append)."""
        edit, history_table = self._storage.edit, docs.history_table
        position, at, staff_id = origin.position, origin.recorded_at, origin.staff_id
        for product_id, move in moves.items():
            doc = docs.move_doc(position, at, *move, staff_id=staff_id)
            edit(history_table(product_id, at), partial(_append_move, product_id, doc))

    def moves(self, product_id: int) -> list[list]:
        """Every stock movement of a product, oldest first (its tables of
        every month, parsed now if not yet)."""
        found: list[list] = []
        for name in self._storage.names(docs.history_shard_prefix(product_id)):
            doc = (self._storage.get(name) or {}).get(str(product_id))
            if doc is not None:
                found += doc["moves"]
        return found

    def remove_history(self, product_id: int) -> None:
        """Forget a product's stock movements (it was deleted)."""
        for name in self._storage.names(docs.history_shard_prefix(product_id)):
            self._storage.edit(name, partial(_remove, str(product_id)))


def _remove(key: str, table: dict) -> bool:
    return table.pop(key, None) is not None


def _append_move(product_id: int, move: list, table: dict) -> bool:
    """Add ``move`` to the end of the product's history in ``table``. A
    replayed event is recognised by its position and not recorded twice."""
    key = str(product_id)
    doc = table.get(key)
    if doc is None:
        doc = table[key] = docs.history_doc(product_id)
    history = doc["moves"]
    if history and history[-1][0] >= move[0]:
        return False
    history.append(move)
    return True
