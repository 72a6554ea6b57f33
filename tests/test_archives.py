"""Reading CSV and JSON Lines exports: one article per row, columns found by name, bad rows named."""
from __future__ import annotations

import csv
import gzip
import hashlib
import json
from pathlib import Path

import pytest

from peacetalks.sources.archives import is_archive, iter_archive, map_columns
from peacetalks.sources.problems import InputError, Problem
from peacetalks.sources.reading import RawDocument, read_document

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FAKES = SHARED / "fakes" / "FA-KES-Dataset.csv"
DEV = SHARED / "dev"


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def documents(path: Path, **kwargs) -> list[RawDocument]:
    items = list(iter_archive(path, **kwargs))
    assert all(isinstance(item, RawDocument) for item in items), items
    return items  # type: ignore[return-value]


def test_csv_rows_become_documents_with_title_then_text(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", ["id", "title", "text", "date", "source", "url"], [
        ["a1", "Talks resume in Geneva", "Delegations met on Monday.\nThey talked.", "2016-03-14", "Reuters",
         "https://example.org/a1"],
        ["a2", "", "No headline here.", "", "", ""],
    ])
    first, second = documents(path)
    assert first.id == "a1"
    assert first.path == f"{path}#a1"
    assert first.text == "Talks resume in Geneva\n\nDelegations met on Monday.\nThey talked."
    assert first.fields == {"title": "Talks resume in Geneva", "date": "2016-03-14", "source": "Reuters",
                            "url": "https://example.org/a1"}
    assert first.encoding == "utf-8"
    assert first.digest == hashlib.sha256(first.text.encode("utf-8")).hexdigest()
    assert second.text == "No headline here."
    assert second.fields == {}


def test_columns_are_matched_by_alias_ignoring_case_and_spaces() -> None:
    assert map_columns(["Unit ID", "Article_Title", "ARTICLE-CONTENT", "Date", "Source"]) == {
        "id": "Unit ID", "title": "Article_Title", "text": "ARTICLE-CONTENT", "date": "Date", "source": "Source",
    }
    assert map_columns(["headline", "body", "link", "publisher", "published"]) == {
        "title": "headline", "text": "body", "url": "link", "source": "publisher", "date": "published",
    }


def test_missing_text_column_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "no_text.csv", ["id", "title", "summary"], [["1", "A title", "A summary"]])
    with pytest.raises(InputError) as err:
        list(iter_archive(path))
    message = str(err.value)
    assert str(path) in message and "no text column" in message and "'summary'" in message


def test_rows_without_id_are_numbered_and_repeated_ids_made_unique(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "plain.csv", ["text"], [["one"], ["two"]])
    assert [d.id for d in documents(path)] == ["1", "2"]
    path = write_csv(tmp_path / "dupes.csv", ["id", "text"], [["x", "one"], ["x", "two"], ["x", "three"]])
    docs = documents(path)
    assert [d.id for d in docs] == ["x", "x-2", "x-3"]
    assert len({d.path for d in docs}) == 3


def test_bad_rows_are_problems_and_reading_goes_on(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "mixed.csv", ["id", "title", "text"], [
        ["1", "Empty", "   "], ["2", "Big", "x" * 200], ["3", "Fine", "A short article."],
    ])
    empty, big, fine = iter_archive(path, max_bytes=100)
    assert isinstance(empty, Problem) and empty.file == f"{path}#1" and "no text" in empty.problem
    assert isinstance(big, Problem) and big.file == f"{path}#2" and "over the limit of 100" in big.problem
    assert big.severity == "skipped"
    assert isinstance(fine, RawDocument) and fine.id == "3"


def test_fields_larger_than_the_csv_module_default_are_read(tmp_path: Path) -> None:
    long_text = "word " * 60_000  # 300 kB, over csv's default 128 kB field limit
    path = write_csv(tmp_path / "long.csv", ["text"], [[long_text]])
    (doc,) = documents(path)
    assert doc.text == long_text.strip()


def test_jsonl_rows_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"article_id": 7, "headline": "Ceasefire holds", "content": "Guns fell silent.",
                    "published_at": "2016-02-27", "link": "https://example.org/7"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"article_id": 8, "content": {"nested": "object"}}),
        json.dumps({"content": "No id here."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc, bad_json, not_object, not_text, no_id = iter_archive(path)
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.text) == ("7", "Ceasefire holds\n\nGuns fell silent.")
    assert doc.fields == {"title": "Ceasefire holds", "date": "2016-02-27", "url": "https://example.org/7"}
    assert isinstance(bad_json, Problem) and bad_json.file == f"{path}#line 3" and "not valid JSON" in bad_json.problem
    assert isinstance(not_object, Problem) and "not a JSON object" in not_object.problem
    assert isinstance(not_text, Problem) and not_text.file == f"{path}#8" and "not text" in not_text.problem
    assert isinstance(no_id, RawDocument) and no_id.id == "6"


def test_jsonl_without_text_key_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"title": "t", "summary": "s"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text column"):
        list(iter_archive(path))


def test_gzipped_csv_reads_like_the_plain_file(tmp_path: Path) -> None:
    plain = write_csv(tmp_path / "a.csv", ["title", "text"], [["T", "Body."]])
    packed = tmp_path / "a.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert is_archive(packed)
    assert [d.text for d in documents(packed)] == [d.text for d in documents(plain)]


def test_non_utf8_export_is_decoded_and_says_so(tmp_path: Path) -> None:
    text = "Le président a déclaré que les négociations reprendraient à Genève après la trêve."
    path = write_csv(tmp_path / "latin.csv", ["title", "text"], [["Négociations à Genève", text]] * 3,
                     encoding="cp1252")
    docs = documents(path)
    assert docs[0].text.endswith(text)
    assert docs[0].encoding != "utf-8"


def test_a_damaged_byte_in_one_row_does_not_spoil_the_others(tmp_path: Path) -> None:
    path = tmp_path / "damaged.csv"
    path.write_bytes(b"id,text\n1,Caf\xe9 talks\n2,Clean row \xe2\x80\x94 with a dash\n")
    first, second = documents(path)
    assert "\ufffd" not in first.text and first.text.startswith("Caf") and first.encoding != "utf-8"
    assert second.text == "Clean row \u2014 with a dash" and second.encoding == "utf-8"


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"\x00\x01\x02binary" * 100, "binary"),
])
def test_unusable_files_are_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        list(iter_archive(path))
    assert str(path) in str(err.value)


def test_missing_file_and_wrong_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_archive(tmp_path / "absent.csv"))
    (tmp_path / "notes.txt").write_text("hello")
    assert not is_archive(tmp_path / "notes.txt")
    assert not is_archive(tmp_path / "absent.csv")
    with pytest.raises(InputError, match="not an archive"):
        list(iter_archive(tmp_path / "notes.txt"))


@pytest.mark.skipif(not FAKES.exists(), reason="the FA-KES export is not in ../shared/corpus/fakes")
def test_fakes_export_reads_every_row_like_the_dev_files() -> None:
    docs = documents(FAKES)
    assert len(docs) == 804
    assert len({d.id for d in docs}) == 804
    by_id = {d.id: d for d in docs}
    assert {d.fields["source"] for d in docs} >= {"sputnik", "reuters", "sana", "tass"}
    # The dev files are FA-KES rows saved as title, blank line, text: a row reads (and hashes) like its file.
    dev_files = sorted(DEV.glob("*.txt"))
    assert dev_files
    for file in dev_files:
        from_file = read_document(file)
        row = by_id[file.stem]
        assert isinstance(from_file, RawDocument)
        assert row.text == from_file.text
        assert row.digest == from_file.digest
    first = docs[0]
    assert first.fields["date"] == "4/5/2017"
    assert first.text.startswith(first.fields["title"] + "\n\nWed 05 Apr 2017")
