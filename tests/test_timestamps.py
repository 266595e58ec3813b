"""Document timestamps: formats, time zones, two-digit years and day/month ambiguity."""

from __future__ import annotations

import pytest

from frontwire.timestamps import outlet_locale, parse_timestamp


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2024-03-12", "2024-03-12", "day"),
        ("2024-03-12T09:30:00Z", "2024-03-12T09:30:00+00:00", "minute"),
        ("Tue, 12 Mar 2024 09:30:00 +0300", "2024-03-12T09:30:00+03:00", "minute"),
        ("Thu, 14 Mar 2024 21:30:00 GMT", "2024-03-14T21:30:00+00:00", "minute"),
        ("March 12, 2024", "2024-03-12", "day"),
        ("12 March 2024", "2024-03-12", "day"),
        ("Mar. 12, 2024 at 5:30 p.m. ET", "2024-03-12T17:30:00-04:00", "minute"),
        ("12 March 2024, 17:45 MSK", "2024-03-12T17:45:00+03:00", "minute"),
        ("at 06:15 Kyiv time, 20 March 2024", "2024-03-20T06:15:00+02:00", "minute"),
        ("January 5, 2024 10:00 EST", "2024-01-05T10:00:00-05:00", "minute"),
        ("25/03/2024", "2024-03-25", "day"),
        ("03/25/24", "2024-03-25", "day"),
        ("March 2024", "2024-03", "month"),
        ("1710208872", "2024-03-12T02:01:00+00:00", "minute"),
        ("Published 5:07 PM EDT, Tue March 12, 2024", "2024-03-12T17:07:00-04:00", "minute"),
    ],
)
def test_formats(text: str, value: str, precision: str) -> None:
    stamp = parse_timestamp(text)
    assert stamp is not None
    assert (stamp.value, stamp.precision) == (value, precision)
    assert not stamp.ambiguous


def test_two_digit_year_is_this_century() -> None:
    # dateparser reads "12/03/24, 5 a.m. ET" as 1924.
    stamp = parse_timestamp("12/03/24, 5 a.m. ET", locale="US")
    assert stamp is not None and stamp.value.startswith("2024-")


def test_ambiguous_date_keeps_both_readings_and_follows_locale() -> None:
    us = parse_timestamp("12/03/24, 5 a.m. ET", locale="US")
    gb = parse_timestamp("12/03/24, 5 a.m. ET", locale="GB")
    assert us is not None and gb is not None
    assert us.ambiguous and gb.ambiguous
    assert sorted(r[:10] for r in us.readings) == ["2024-03-12", "2024-12-03"]
    assert us.value == "2024-12-03T05:00:00-05:00"  # EST in December
    assert gb.value == "2024-03-12T05:00:00-04:00"  # EDT in March
    assert "locale US: month first" in us.evidence
    assert "locale GB: day first" in gb.evidence


def test_weekday_in_context_decides() -> None:
    # 5 March 2024 was a Tuesday, 3 May 2024 a Friday.
    stamp = parse_timestamp("05/03/24", context="Doctors marched on Tuesday in Nairobi.")
    assert stamp is not None and stamp.value == "2024-03-05"
    assert "weekday Tuesday matches 2024-03-05" in stamp.evidence
    friday = parse_timestamp("05/03/24", context="The march took place on Friday.")
    assert friday is not None and friday.value == "2024-05-03"


def test_published_date_outweighs_locale() -> None:
    stamp = parse_timestamp("12/03/24", locale="US", reference="2024-03-12")
    assert stamp is not None and stamp.value == "2024-03-12"
    assert "nearer published date" in stamp.evidence


def test_unambiguous_and_equal_parts_are_not_ambiguous() -> None:
    stamp = parse_timestamp("04/04/2024")
    assert stamp is not None and not stamp.ambiguous and stamp.value == "2024-04-04"


def test_no_date_gives_none_and_bad_input_raises() -> None:
    assert parse_timestamp("") is None
    assert parse_timestamp("no date at all") is None
    with pytest.raises(TypeError):
        parse_timestamp(20240312)  # type: ignore[arg-type]


def test_outlet_locale_from_name_domain_and_tld() -> None:
    assert outlet_locale("Newsweek") == "US"
    assert outlet_locale("", "https://www.bbc.co.uk/news/world") == "GB"
    assert outlet_locale("Some Kharkiv site", "https://example.com.ua/x") == "UA"
    assert outlet_locale("Unknown Blog") is None
