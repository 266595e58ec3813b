"""Readers: every format on the shipped examples, and clear errors on bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from frontwire.errors import IngestError
from frontwire.ingest import content_id, document_from_text, read_file, read_paths
from frontwire.ingest.telegram import flatten_text, message_url
from frontwire.model import Document


def _docs(items: list) -> list[Document]:
    return [d for d in items if isinstance(d, Document)]


def test_examples_folder_reads_every_format_without_errors(examples_dir: Path) -> None:
    items = list(read_paths([str(examples_dir)]))
    errors = [i for i in items if isinstance(i, IngestError)]
    assert errors == []
    docs = _docs(items)
    assert len(docs) >= 16
    assert {d.raw_format for d in docs} == {"text", "markdown", "html", "rss", "atom",
                                            "telegram", "jsonl"}
    assert all(d.published is not None for d in docs)
    assert all(d.text.strip() and d.outlet for d in docs)
    assert len({d.id for d in docs}) == len(docs)
    assert not any(d.source_path.endswith("README.md") for d in docs)


def test_text_headers_and_headline(examples_dir: Path) -> None:
    doc = read_file(str(examples_dir / "eastline_wire_incursion.txt"))[0]
    assert doc.title.startswith("Pro-Ukrainian Russian fighters")
    assert doc.outlet == "Eastline Wire"
    assert doc.url.endswith("russian-volunteers-border-raid")
    assert doc.published is not None
    assert doc.published.value == "2024-03-12T18:40:00-04:00"
    assert doc.meta["author"] == "Eastline Wire staff"
    assert doc.text.startswith("MOSCOW/KYIV (Eastline Wire)")
    assert "Title:" not in doc.text


def test_first_line_headline_without_headers() -> None:
    text = (
        "Shelling damages school in Shebekino\n\n"
        "A school in Shebekino was damaged by shelling on Monday, the governor said.\n\n"
        "Nobody was hurt."
    )
    doc = document_from_text(text, published="2024-03-18", outlet="Eastline Wire")
    assert doc.title == "Shelling damages school in Shebekino"
    assert doc.text.startswith("A school in Shebekino")
    assert doc.published is not None and doc.published.value == "2024-03-18"
    # A first line that is a sentence is not taken for a headline.
    plain = document_from_text("The governor said two people were hurt.\n\nMore later.")
    assert plain.title == "" and plain.text.startswith("The governor said")


def test_headline_line_before_header_lines(examples_dir: Path) -> None:
    doc = read_file(str(examples_dir / "kyiv_desk_kharkiv.txt"))[0]
    assert doc.title == "Russia pounds Kharkiv with missiles overnight, killing five"
    assert doc.outlet == "Kyiv Desk" and doc.url.startswith("https://kyivdesk.com.ua/")
    assert doc.published is not None and doc.published.value == "2024-03-20T10:45:00"
    assert doc.text.startswith("Russian forces struck Kharkiv")


def test_arguments_override_header_lines() -> None:
    doc = document_from_text("Source: Wrong Name\nDate: 2024-01-01\n\nBody text here.",
                             outlet="Border Herald", published="13 March 2024")
    assert doc.outlet == "Border Herald"
    assert doc.published is not None and doc.published.value == "2024-03-13"


def test_markdown_front_matter_and_markup(examples_dir: Path) -> None:
    doc = read_file(str(examples_dir / "border_herald_tyotkino.md"))[0]
    assert doc.raw_format == "markdown"
    assert doc.title.startswith("Tyotkino residents spend night")
    assert doc.outlet == "Border Herald"
    assert doc.published is not None and doc.published.value == "2024-03-13"
    assert "**" not in doc.text and "*Border Herald*" not in doc.text
    assert not doc.text.startswith("#") and "Tyotkino residents spend" not in doc.text[:80]


def test_html_main_text_without_page_furniture(examples_dir: Path) -> None:
    doc = read_file(str(examples_dir / "continental_review_incursion.html"))[0]
    assert doc.raw_format == "html"
    assert doc.outlet == "The Continental Review"
    assert doc.title.startswith("Russian anti-Kremlin militias claim")
    assert doc.url.startswith("https://www.continentalreview.co.uk/")
    assert doc.published is not None and doc.published.value == "2024-03-13T08:15:00+00:00"
    assert doc.updated is not None and doc.updated.value == "2024-03-13T11:02:00+00:00"
    assert "Tyutkino" in doc.text and "Last summer" in doc.text
    for noise in ("Cookie settings", "Most read", "Share on Facebook", "All rights reserved"):
        assert noise not in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart


def test_html_date_from_json_ld(examples_dir: Path) -> None:
    doc = read_file(str(examples_dir / "nile_sahel_el_fasher.html"))[0]
    assert doc.published is not None and doc.published.value == "2024-04-17T10:30:00+02:00"
    assert doc.outlet == "Nile and Sahel Monitor"
    assert doc.text.startswith("Two days after an air strike") and "Donate" not in doc.text


def test_rss_one_document_per_entry(examples_dir: Path) -> None:
    docs = read_file(str(examples_dir / "feeds" / "eastline_world.xml"))
    assert len(docs) == 3 and {d.raw_format for d in docs} == {"rss"}
    assert all(d.outlet == "Eastline Wire" for d in docs)
    first = docs[0]
    assert first.published is not None and first.published.value == "2024-03-14T21:30:00+00:00"
    assert "<p>" not in first.text and "Shebekino" in first.text
    assert first.text.count("\n\n") >= 3


def test_atom_entries_and_entry_without_published(examples_dir: Path) -> None:
    docs = read_file(str(examples_dir / "feeds" / "kharkiv_today.atom"))
    assert [d.raw_format for d in docs] == ["atom"] * 3
    assert docs[0].title.startswith("Night missile attack on Kharkiv")
    assert "<strong>" not in docs[0].text and "five people were killed" in docs[0].text
    # The third entry only has <updated>: it stands in for the publication time.
    assert docs[2].published is not None and docs[2].published.value.startswith("2024-03-19")


def test_telegram_messages_entities_and_urls(examples_dir: Path) -> None:
    legion = read_file(str(examples_dir / "telegram" / "freedom_legion" / "result.json"))
    # 7 entries: one service message and one caption-less photo are not reports.
    assert len(legion) == 5
    assert all(d.url == "" and d.outlet == "Freedom of Russia Legion" for d in legion)
    assert legion[1].text.startswith("Our assault groups have entered Tyotkino, Kursk region.")
    assert legion[0].published is not None
    assert legion[0].published.value == "2024-03-12T02:12:00+00:00"  # 05:12 Moscow time
    assert legion[2].meta["forwarded_from"] == "Russian Volunteer Corps"
    governor = read_file(str(examples_dir / "telegram" / "belgorod_governor" / "result.json"))
    assert governor[0].url == "https://t.me/belgorod_region_gov/3302"
    assert "one person was killed and four were injured" in governor[1].text
    assert governor[-1].updated is not None


def test_telegram_full_account_export(tmp_path: Path) -> None:
    chat = {"name": "Kharkiv Today", "type": "public_channel", "username": "kharkivtoday",
            "messages": [{"id": 7, "type": "message", "date": "2024-03-20T04:20:00",
                          "date_unixtime": "1710901200", "text": "Explosions in Kharkiv."}]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"about": "export", "chats": {"list": [chat]}}), "utf-8")
    docs = read_file(str(path))
    assert [d.url for d in docs] == ["https://t.me/kharkivtoday/7"]
    assert docs[0].published is not None
    assert docs[0].published.value == "2024-03-20T02:20:00+00:00"


def test_telegram_helpers() -> None:
    assert flatten_text(["Fighting in ", {"type": "bold", "text": "Tyotkino"}, "."]) == (
        "Fighting in Tyotkino."
    )
    assert flatten_text("plain") == "plain"
    with pytest.raises(TypeError):
        flatten_text([{"type": "bold"}])
    assert message_url("@some_channel", 42) == "https://t.me/some_channel/42"
    assert message_url("", 42) == ""


def test_jsonl_records(examples_dir: Path) -> None:
    docs = read_file(str(examples_dir / "monitor" / "digest.jsonl"))
    assert len(docs) == 4
    assert docs[0].outlet == "Nile and Sahel Monitor" and "El Fasher" in docs[0].text
    assert docs[0].meta == {"section": "Sudan"}
    assert docs[1].published is not None and docs[1].published.value == "2024-03-14"


def test_jsonl_bad_line_keeps_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"text": "Drones hit Belgorod overnight.", "outlet": "Eastline Wire",
            "published": "2024-03-15"}
    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
        + json.dumps({**good, "text": "Shebekino shelled again."}) + "\n",
        encoding="utf-8",
    )
    items = list(read_paths([str(path)]))
    assert len(_docs(items)) == 2
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.line for e in errors] == [2, 3]
    assert str(errors[0]).startswith(f"{path}:2: invalid JSON")
    assert "no 'text'" in str(errors[1])
    with pytest.raises(IngestError, match=":2: invalid JSON"):
        read_file(str(path))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n", "empty file"),
        ("broken.json", b'{"name": "x", "messages": [', "invalid JSON"),
        ("other.json", b'{"name": "x"}', "not a Telegram export"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unknown binary format"),
        ("latin1.txt", "Caf\u00e9 news".encode("latin-1"), "not UTF-8"),
        ("bad.xml", b"<rss><channel><title>x</title></channel></rss>", "feed has no entries"),
    ],
)
def test_bad_files_give_clear_errors(tmp_path: Path, name: str, content: bytes,
                                     reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert str(path) in str(items[0]) and reason in str(items[0])


def test_broken_file_does_not_stop_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a_broken.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "b_report.txt").write_text("Title: Kharkiv hit\n\nMissiles hit Kharkiv.",
                                           encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Title: hidden\n\nNot read.", encoding="utf-8")
    items = list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert isinstance(items[0], IngestError) and isinstance(items[1], Document)
    assert items[1].title == "Kharkiv hit"
    assert isinstance(items[2], IngestError) and "no such file" in str(items[2])
    assert len(items) == 3


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>Strike</title><description>Missiles hit Kharkiv.</description>"
        b"<pubDate>Wed, 20 Mar 2024 09:10:00 GMT</pubDate></item></channel></rss>"
    )
    (tmp_path / "download.dat").write_bytes(feed)
    (tmp_path / "lines.data").write_text('{"text": "A protest in Nairobi."}\n', "utf-8")
    page = (b"<!DOCTYPE html><html><head><title>Strike on Kharkiv</title></head><body><article>"
            b"<p>Russian missiles hit an industrial site in Kharkiv overnight, the regional "
            b"governor said on Wednesday, adding that five people were killed.</p></article>"
            b"</body></html>")
    (tmp_path / "saved_page.txt").write_bytes(page)
    docs = _docs(list(read_paths([str(tmp_path)])))
    assert sorted(d.raw_format for d in docs) == ["html", "jsonl", "rss"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Title: Vigil in Nairobi\nDate: 2024-04-15\n\nRefugees held a vigil."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = list(read_paths(["-"]))
    assert isinstance(docs[0], Document) and docs[0].title == "Vigil in Nairobi"
    assert docs[0].source_path == "<stdin>"


def test_ids_are_stable_and_content_based(examples_dir: Path) -> None:
    first = [d.id for d in _docs(list(read_paths([str(examples_dir)])))]
    again = [d.id for d in _docs(list(read_paths([str(examples_dir)])))]
    assert first == again
    assert content_id("Missiles hit  Kharkiv.\n") == content_id("Missiles hit Kharkiv.")
    assert content_id("Missiles hit Kharkiv.", outlet="A") != content_id(
        "Missiles hit Kharkiv.", outlet="B")
    assert len(content_id("x")) == 16


def test_read_paths_rejects_a_bare_string() -> None:
    with pytest.raises(TypeError):
        list(read_paths("examples"))  # type: ignore[arg-type]


def test_read_bytes_is_tolerant_like_read_paths() -> None:
    from frontwire.ingest import read_bytes

    items = list(read_bytes(b"", "upload.txt"))
    assert len(items) == 1 and isinstance(items[0], IngestError)
    assert str(items[0]) == "upload.txt: empty file"
    docs = list(read_bytes(b'{"text": "Tear gas in Nairobi."}\n', "upload.jsonl"))
    assert isinstance(docs[0], Document) and docs[0].raw_format == "jsonl"
