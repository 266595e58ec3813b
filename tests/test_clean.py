"""The clean stage: furniture out, reasons recorded, title first, update notes read."""

from __future__ import annotations

import pytest

from frontwire.clean import Cleaner, clean_text, line_reason
from frontwire.ingest import document_from_text
from frontwire.model import Report, Timestamp

ARTICLE = "\n".join(
    [
        (
            "Police in Nairobi fired tear gas on Thursday at doctors marching to the Ministry "
            "of Health."
        ),
        "",
        "Read more: Kenya's doctors' strike explained",
        "",
        (
            "Demonstrators in white coats gather on Haile Selassie Avenue in Nairobi on March "
            "14, 2024, as…"
        ),
        "",
        "Simon Maina/AFP via Getty Images",
        "",
        (
            "Nairobi Daily Ledger The marchers had gathered at Uhuru Park in the morning. "
            "Officers blocked the route near Afya House."
        ),
        "",
        (
            "The union said its secretary general was injured. The police spokesperson did "
            "not respond to a request for comment. The strike has shut public hospitals."
        ),
        "",
        '"We will not stop until the agreement is honoured..."',
        "",
        "Photo: Reuters",
        "",
        "Share this article",
        "Subscribe to our newsletter",
        "",
        "The Interior Ministry has been contacted for comment.",
        "",
        (
            "Updated 15/03/24, 9:40 a.m. EAT: This story has been updated with the union's "
            "statement."
        ),
    ]
)


def _cleaned() -> tuple[str, dict[str, list[str]], Timestamp | None]:
    text, removed, updated = clean_text(ARTICLE, outlet="Nairobi Daily Ledger")
    reasons: dict[str, list[str]] = {}
    for line in removed:
        reasons.setdefault(line.reason, []).append(line.text)
    return text, reasons, updated


def test_furniture_removed_with_reasons() -> None:
    text, reasons, _ = _cleaned()
    assert reasons["see-also"] == ["Read more: Kenya's doctors' strike explained"]
    assert reasons["caption"][0].startswith("Demonstrators in white coats")
    assert reasons["photo-credit"] == ["Simon Maina/AFP via Getty Images", "Photo: Reuters"]
    assert reasons["boilerplate"] == ["Share this article", "Subscribe to our newsletter"]
    assert reasons["outlet-prefix"] == ["Nairobi Daily Ledger"]
    assert (
        "The police spokesperson did not respond to a request for comment."
        in (reasons["contact-note"])
    )
    assert "The Interior Ministry has been contacted for comment." in reasons["contact-note"]
    assert len(reasons["updated-note"]) == 1
    for gone in ("Read more", "Getty", "Share this", "contacted", "Updated", "respond to"):
        assert gone not in text


def test_story_text_and_paragraphs_kept() -> None:
    text, _, _ = _cleaned()
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("Police in Nairobi fired tear gas")
    assert "The marchers had gathered at Uhuru Park in the morning." in paragraphs[1]
    assert paragraphs[2] == (
        "The union said its secretary general was injured. The strike has shut public hospitals."
    )
    # A quotation trailing off is story text, not a truncated caption.
    assert '"We will not stop until the agreement is honoured..."' in paragraphs
    assert "\n\n\n" not in text


def test_update_note_sets_updated() -> None:
    _, _, updated = _cleaned()
    assert updated is not None
    assert updated.value == "2024-03-15T09:40:00+03:00"  # 15/03: only one reading
    assert not updated.ambiguous


def test_ambiguous_update_note_uses_the_published_date() -> None:
    body = (
        "Drones attacked Belgorod overnight, the governor said on Tuesday.\n\n"
        "Updated 12/03/24, 5 a.m. ET: This article has been updated with more information."
    )
    published = Timestamp(value="2024-03-12")
    text, removed, updated = clean_text(body, outlet="Newsweek", published=published)
    assert text == "Drones attacked Belgorod overnight, the governor said on Tuesday."
    assert updated is not None and updated.ambiguous
    assert sorted(r[:10] for r in updated.readings) == ["2024-03-12", "2024-12-03"]
    # The US locale says month first, the published date outweighs it.
    assert updated.value == "2024-03-12T05:00:00-04:00"
    assert "outlet locale US: month first" in updated.evidence
    assert "nearer published date 2024-03-12" in updated.evidence


def test_removed_line_numbers_point_into_the_raw_text() -> None:
    _, removed, _ = clean_text(ARTICLE, outlet="Nairobi Daily Ledger")
    raw = ARTICLE.split("\n")
    for line in removed:
        assert line.text in raw[line.line_no]


def test_outlet_prefix_only_for_the_documents_outlet() -> None:
    text, removed, _ = clean_text(
        "Reuters The ministry said three drones were downed.", outlet="Newsweek"
    )
    assert text.startswith("Reuters The ministry") and removed == []
    text, removed, _ = clean_text("Newsweek reported the strike on Tuesday.", outlet="Newsweek")
    assert text.startswith("Newsweek reported") and removed == []


def test_story_lines_are_not_furniture() -> None:
    for line in (
        "Share prices in Moscow fell after the raid.",
        "The governor declined to comment on the number of casualties.",
        "Related talks between the army and the RSF collapsed in December.",
        "Photos published by the militia show armoured vehicles near Tyotkino.",
    ):
        assert line_reason(line) is None, line


def test_cleaner_stage_puts_title_first_and_sets_updated() -> None:
    doc = document_from_text(
        "Title: Police tear-gas doctors in Nairobi\nSource: Nairobi Daily Ledger\n"
        "Date: 14/03/2024\n\n" + ARTICLE
    )
    report = Cleaner()(Report(document=doc))
    assert report.text.startswith("Police tear-gas doctors in Nairobi\n\nPolice in Nairobi")
    assert doc.updated is not None and doc.updated.value.startswith("2024-03-15")
    assert {r.reason for r in report.removed} >= {"caption", "photo-credit", "updated-note"}


def test_cleaner_drops_a_repeated_headline() -> None:
    doc = document_from_text(
        "Body line that repeats.\n\nKharkiv was hit overnight.", title="Kharkiv hit overnight"
    )
    doc.text = "Kharkiv hit overnight\n\nKharkiv was hit overnight by missiles."
    report = Cleaner()(Report(document=doc))
    assert report.text == "Kharkiv hit overnight\n\nKharkiv was hit overnight by missiles."
    assert [r.reason for r in report.removed] == ["title"]


def test_bad_input_raises() -> None:
    with pytest.raises(TypeError):
        clean_text(None)  # type: ignore[arg-type]


def test_seed_report(seed_text: str) -> None:
    doc = document_from_text(seed_text, outlet="Newsweek")
    report = Cleaner()(Report(document=doc))
    reasons = {r.reason: r.text for r in report.removed}
    assert [r.reason for r in report.removed].count("see-also") == 2
    assert reasons["photo-credit"] == "Sergey Bobock/AFP via Getty Images"
    assert reasons["caption"].startswith("A Russian Volunteer Corps fighter stands")
    assert "has been contacted for comment" in reasons["contact-note"]
    assert reasons["updated-note"].startswith("Updated 12/03/24, 5 a.m. ET")
    for gone in ("See also", "Getty Images", "contacted for comment", "amid…", "Updated 12/03"):
        assert gone not in report.text
    assert report.text.startswith("Putin defectors vow to 'liberate Russia'")
    assert "Tetkino" in report.text and "Shchebykino" in report.text
    updated = doc.updated
    assert updated is not None and updated.ambiguous
    assert sorted(r[:10] for r in updated.readings) == ["2024-03-12", "2024-12-03"]
    assert "locale US" in updated.evidence and "Tuesday" in updated.evidence


def test_examples_clean_without_losing_stories(examples_dir) -> None:
    from frontwire.ingest import read_paths

    cleaner = Cleaner()
    for doc in read_paths([str(examples_dir)]):
        assert not isinstance(doc, Exception)
        report = cleaner(Report(document=doc))
        assert len(report.text) > 0.8 * len(doc.text)
        assert report.warnings == []
