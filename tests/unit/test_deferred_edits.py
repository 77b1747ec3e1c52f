"""ShardedJSONStorage.edit: a change to a table whose file is not parsed yet
is kept, and made (in order, once) when the file is parsed."""

import pytest

from core.read_model.storage import CorruptReadModel, ShardedJSONStorage


def _append(value):
    def change(table):
        items = table.setdefault("1", {"items": []})["items"]
        if value in items:
            return False  # already there: changes nothing
        items.append(value)
        return True

    return change


@pytest.fixture
def folder(tmp_path):
    first = ShardedJSONStorage(tmp_path, 1, lazy_prefixes=("log_",))
    first.table("log_0")["1"] = {"items": ["a"]}
    first.touch("log_0")
    first.table("other")["1"] = {"x": 1}
    first.touch("other")
    first.flush(5)
    return tmp_path


def _opened(folder):
    storage = ShardedJSONStorage(folder, 1, lazy_prefixes=("log_",))
    storage.load()
    return storage


def test_an_edit_of_an_unparsed_table_waits_for_it_to_be_parsed(folder):
    storage = _opened(folder)
    before = (folder / "log_0.json").read_bytes()
    storage.edit("log_0", _append("b"))
    storage.edit("log_0", _append("c"))
    assert "log_0" in storage.unloaded
    assert (folder / "log_0.json").read_bytes() == before
    assert storage.get("log_0")["1"]["items"] == ["a", "b", "c"]
    assert "log_0" not in storage.unloaded


def test_the_next_flush_makes_the_kept_edits(folder):
    storage = _opened(folder)
    storage.edit("log_0", _append("b"))
    storage.flush(6)
    assert _opened(folder).get("log_0")["1"]["items"] == ["a", "b"]


def test_a_kept_edit_that_changes_nothing_leaves_the_file_alone(folder):
    storage = _opened(folder)
    before = (folder / "log_0.json").read_bytes()
    storage.edit("log_0", _append("a"))  # a replayed event
    storage.flush(6)
    assert (folder / "log_0.json").read_bytes() == before


def test_an_edit_of_a_parsed_table_is_made_at_once(folder):
    storage = _opened(folder)
    storage.ensure_loaded("log_0")
    storage.edit("log_0", _append("b"))
    assert storage.get("log_0")["1"]["items"] == ["a", "b"]
    storage.edit("new", _append("z"))  # a table that does not exist yet
    assert storage.get("new")["1"]["items"] == ["z"]


def test_a_damaged_file_found_by_a_flush_writes_nothing(folder):
    storage = _opened(folder)
    path = folder / "log_0.json"
    path.write_bytes(path.read_bytes()[:-5])
    meta_before = (folder / "meta.json").read_bytes()
    storage.table("other")["1"] = {"x": 2}
    storage.touch("other")
    storage.edit("log_0", _append("b"))
    with pytest.raises(CorruptReadModel):
        storage.flush(6)
    assert (folder / "meta.json").read_bytes() == meta_before
    assert _opened(folder).get("other")["1"] == {"x": 1}


def test_a_reset_forgets_the_kept_edits(folder):
    storage = _opened(folder)
    storage.edit("log_0", _append("b"))
    storage.reset()
    storage.load()
    assert storage.get("log_0")["1"]["items"] == ["a"]
