import pyarrow as pa
import pytest

from rhetoric.io.store import TableWriter, atomic_path, read_table, sha256_file, write_json


def test_atomic_path_leaves_nothing_when_the_write_fails(tmp_path):
    final = tmp_path / "table.parquet"
    final.write_bytes(b"previous complete output")
    with pytest.raises(RuntimeError):
        with atomic_path(final) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("crash mid-write")
    assert final.read_bytes() == b"previous complete output"
    assert list(tmp_path.iterdir()) == [final]


def test_table_writer_streams_row_groups_and_renames_on_close(tmp_path):
    schema = pa.schema([("doc_id", pa.string()), ("n", pa.int64())])
    path = tmp_path / "t.parquet"
    writer = TableWriter(path, schema)
    writer.write([{"doc_id": "a", "n": 1}])
    assert not path.exists(), "the final name must not exist before close()"
    writer.write([{"doc_id": "b", "n": 2}, {"doc_id": "c", "n": None}])
    writer.close()
    frame = read_table(path)
    assert frame["doc_id"].tolist() == ["a", "b", "c"]
    assert frame["n"].isna().tolist() == [False, False, True]
    import pyarrow.parquet as pq
    assert pq.ParquetFile(path).num_row_groups == 2


def test_table_writer_abort_keeps_the_old_file(tmp_path):
    schema = pa.schema([("x", pa.int64())])
    path = tmp_path / "t.parquet"
    with TableWriter(path, schema) as writer:
        writer.write([{"x": 1}])
    before = sha256_file(path)
    with pytest.raises(ValueError):
        with TableWriter(path, schema) as writer:
            writer.write([{"x": 2}])
            raise ValueError("interrupted")
    assert sha256_file(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.parquet"]


def test_empty_table_keeps_its_schema(tmp_path):
    schema = pa.schema([("doc_id", pa.string()), ("score", pa.float64())])
    with TableWriter(tmp_path / "e.parquet", schema):
        pass
    frame = read_table(tmp_path / "e.parquet")
    assert list(frame.columns) == ["doc_id", "score"] and len(frame) == 0


def test_json_is_sorted_and_stable(tmp_path):
    a = write_json({"b": 1, "a": [1, 2]}, tmp_path / "a.json").read_bytes()
    b = write_json({"a": [1, 2], "b": 1}, tmp_path / "b.json").read_bytes()
    assert a == b
