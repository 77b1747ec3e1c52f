"""The read model's manifest: what a save writes stays small however many
tables years of trading leave, and it still names every table with the
checkpoint its file was written at (core/read_model/storage.py)."""

import json
import os

import pytest

from core.read_model import storage
from core.read_model.storage import META_FILE, CorruptReadModel, ShardedJSONStorage, recorded_tables

SCHEMA = 1


def new_storage(folder) -> ShardedJSONStorage:
    return ShardedJSONStorage(folder, SCHEMA, lazy_prefixes=("history_",))


def fill(tables: ShardedJSONStorage, names, checkpoint) -> None:
    for name in names:
        tables.table(name)[str(checkpoint)] = {"at": checkpoint}
        tables.touch(name)
    tables.flush(checkpoint)


def reopened(folder) -> ShardedJSONStorage:
    tables = new_storage(folder)
    tables.load()
    return tables


def bases(folder) -> list[str]:
    return sorted(p.name for p in folder.glob("meta_base_*.json"))


def test_a_save_writes_a_manifest_whose_size_does_not_grow_with_the_tables(tmp_path):
    tables = new_storage(tmp_path)
    fill(tables, [f"orders_{n}" for n in range(100)], 1)
    fill(tables, [f"history_{n}_2026-{m:02}" for n in range(200) for m in range(1, 13)], 2)
    for checkpoint in range(3, 20):
        fill(tables, ["orders_99", "history_7_2026-12"], checkpoint)
    # 2,500 tables; a save that changes two writes meta.json naming those two.
    assert (tmp_path / META_FILE).stat().st_size < 200 < 50_000 < (tmp_path / bases(tmp_path)[0]).stat().st_size
    assert json.loads((tmp_path / META_FILE).read_bytes())["written_at"] == {
        "history_7_2026-12": 19,
        "orders_99": 19,
    }
    checkpoint, written_at = recorded_tables(tmp_path, SCHEMA)
    assert checkpoint == 19 and len(written_at) == 2500
    assert written_at["orders_0"] == 1 and written_at["history_0_2026-01"] == 2 and written_at["orders_99"] == 19


def test_a_new_base_once_enough_tables_changed_since_the_last_one(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "REBASE_AFTER", 10)
    tables = new_storage(tmp_path)
    fill(tables, ["categories"], 1)
    first = bases(tmp_path)
    fill(tables, [f"orders_{n}" for n in range(10)], 2)
    assert bases(tmp_path) == first  # 10 changes since: not yet
    fill(tables, ["orders_10"], 3)
    assert bases(tmp_path) != first and len(bases(tmp_path)) == 1  # the old one removed
    meta = json.loads((tmp_path / META_FILE).read_bytes())
    assert meta["base"] == bases(tmp_path)[0] and meta["written_at"] == {} and meta["removed"] == []
    assert reopened(tmp_path).table("orders_10") == {"3": {"at": 3}}
    expected = {"categories": 1, **{f"orders_{n}": 2 for n in range(10)}, "orders_10": 3}
    assert recorded_tables(tmp_path, SCHEMA) == (3, expected)


def test_a_table_removed_after_the_base_stays_removed(tmp_path):
    tables = new_storage(tmp_path)
    fill(tables, ["orders_0", "orders_1"], 1)
    tables.write({name: table for name, table in tables.read().items() if name != "orders_0"})
    tables.flush(2)
    assert json.loads((tmp_path / META_FILE).read_bytes())["removed"] == ["orders_0"]
    assert not (tmp_path / "orders_0.json").exists()
    again = reopened(tmp_path)
    assert again.get("orders_0") is None and again.get("orders_1") == {"1": {"at": 1}}
    # Made again later: named again.
    fill(again, ["orders_0"], 3)
    assert recorded_tables(tmp_path, SCHEMA)[1] == {"orders_0": 3, "orders_1": 1}


def test_an_older_copy_of_a_table_named_only_by_the_base_is_replayed(tmp_path):
    tables = new_storage(tmp_path)
    fill(tables, ["orders_0", "orders_1"], 1)
    old_copy = (tmp_path / "orders_0.json").read_bytes()
    fill(tables, ["orders_0"], 2)
    tables._forget_base()  # the next save writes a base naming orders_0 at 2
    fill(tables, ["orders_1"], 3)
    assert "orders_0" not in json.loads((tmp_path / META_FILE).read_bytes())["written_at"]
    (tmp_path / "orders_0.json").write_bytes(old_copy)  # a slower till's copy
    assert reopened(tmp_path).checkpoint == 1


def test_a_crash_between_the_new_base_and_meta_json_leaves_the_old_manifest_whole(tmp_path, monkeypatch):
    tables = new_storage(tmp_path)
    fill(tables, ["orders_0"], 1)
    old_meta = (tmp_path / META_FILE).read_bytes()
    tables._forget_base()
    real = storage._write_atomically

    def die_at_meta(path, data):
        if path.name == META_FILE:
            raise OSError("the power went")
        real(path, data)

    monkeypatch.setattr(storage, "_write_atomically", die_at_meta)
    with pytest.raises(OSError):
        fill(tables, ["orders_0", "orders_1"], 2)
    assert (tmp_path / META_FILE).read_bytes() == old_meta
    monkeypatch.undo()
    again = reopened(tmp_path)
    # Tables newer than the manifest's checkpoint: their events are replayed.
    assert again.checkpoint == 1 and again.get("orders_0") == {"1": {"at": 1}, "2": {"at": 2}}


def test_a_base_another_till_removed_is_written_again_before_meta_names_it(tmp_path):
    one, other = new_storage(tmp_path), None
    fill(one, ["orders_0"], 1)
    other = reopened(tmp_path)
    other._forget_base()
    fill(other, ["orders_1"], 2)  # its own base; the first till's is gone
    fill(one, ["orders_0"], 3)
    meta = json.loads((tmp_path / META_FILE).read_bytes())
    assert (tmp_path / meta["base"]).exists()
    assert reopened(tmp_path).checkpoint == 3


def test_a_missing_base_is_a_damaged_read_model(tmp_path):
    tables = new_storage(tmp_path)
    fill(tables, ["orders_0"], 1)
    os.unlink(tmp_path / bases(tmp_path)[0])
    with pytest.raises(CorruptReadModel):
        reopened(tmp_path)


def test_litter_is_removed_but_never_the_manifest(tmp_path):
    tables = new_storage(tmp_path)
    fill(tables, ["orders_0"], 1)
    (tmp_path / "meta_base_0_1.json").write_text("{}")  # a base of a save that never finished
    tables.remove_unlisted_files()
    assert bases(tmp_path) == [json.loads((tmp_path / META_FILE).read_bytes())["base"]]
    assert reopened(tmp_path).get("orders_0") == {"1": {"at": 1}}


def test_the_names_of_a_prefix_follow_the_tables_that_come_and_go(tmp_path):
    tables = new_storage(tmp_path)
    fill(tables, ["history_0_2026-01", "history_1_2026-01", "orders_0"], 1)
    tables = reopened(tmp_path)  # the history's tables not parsed yet
    assert tables.names("history_0_") == ["history_0_2026-01"]
    tables.table("history_0_2026-02")["1"] = {"moves": []}  # a new month
    assert tables.names("history_0_") == ["history_0_2026-01", "history_0_2026-02"]
    tables.write({name: table for name, table in tables.read().items() if name != "history_0_2026-02"})
    assert tables.names("history_0_") == ["history_0_2026-01"]
    tables.names("history_0_").clear()  # a copy: the next caller's list is whole
    assert tables.names("history_0_") == ["history_0_2026-01"]
    tables.reset()
    assert tables.names("history_") == []
