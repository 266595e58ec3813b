"""Time stage: TIMEX3 tagging of conflict reporting, normalisation and event dates."""

from __future__ import annotations

import pytest

from frontwire.model import Document, Report, Timestamp
from frontwire.temporal import TimeTagger, event_date, tag

# A report of our own, written the way wire copy about a border raid reads.
ARTICLE = (
    "Armed groups crossed into the Belgorod region on Tuesday, three days before the polls "
    "open, regional officials said.\n\n"
    "Authorities reported a wave of drone attacks overnight across the region. The border "
    "guard service said it had repelled several attempts to cross the frontier since Sunday.\n\n"
    "Last summer, similar raids hit villages near Shebekino, the worst of them in June.\n\n"
    "The governor will meet evacuated families on Thursday, his office said.\n\n"
    "A volunteer fighter photographed on May 24, 2023, near the border.\n\n"
    "Updated 12/03/24, 5 a.m. ET: This article has been updated."
)
DCT = "2024-03-12"  # a Tuesday


def by_text(text: str, dct: str | None = DCT) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, dct)}


def test_article_expressions_and_values() -> None:
    found = by_text(ARTICLE)
    assert found["Tuesday"] == ("DATE", "2024-03-12")  # published on a Tuesday: that day
    assert found["three days"] == ("DURATION", "P3D")
    assert found["overnight"] == ("TIME", "2024-03-11TNI")
    assert found["Sunday"] == ("DATE", "2024-03-10")
    assert found["Last summer"] == ("DATE", "2023-SU")
    assert found["June"] == ("DATE", "2023-06")  # anchored by "Last summer"
    assert found["Thursday"] == ("DATE", "2024-03-14")  # "will meet": the coming Thursday
    assert found["May 24, 2023"] == ("DATE", "2023-05-24")
    assert found["12/03/24"] == ("DATE", "2024-03-12")  # the reading nearest the DCT
    assert found["5 a.m. ET"] == ("TIME", "2024-03-12T05:00")


def test_offsets_point_back_to_the_text() -> None:
    for t in tag(ARTICLE, DCT):
        assert ARTICLE[t.start : t.end] == t.text


def test_intervals_of_calendar_values() -> None:
    times = {t.text: t for t in tag(ARTICLE, DCT)}
    assert (times["overnight"].begin, times["overnight"].finish) == ("2024-03-11", "2024-03-12")
    assert (times["June"].begin, times["June"].finish) == ("2023-06-01", "2023-06-30")
    assert (times["Last summer"].begin, times["Last summer"].finish) == ("2023-06-01", "2023-08-31")
    assert times["three days"].begin is None
    assert times["June"].anchor == "2023-SU"


@pytest.mark.parametrize(
    "text",
    [
        "Fighters may have entered two villages, the channel said.",
        "\u201cWe are not coming to kill,\u201d a fighter said in the video.",
        "Supporters threatened to march on the capital.",
        "March on the capital, the commander told his men.",
        "May God protect them, the priest said.",
        "Analysts recalled the fall of Avdiivka.",
        "A quarter of the population has left the town.",
        "A 25-year-old man was wounded by shrapnel.",
        "Aid will be sent as soon as the road reopens.",
        "The brigade lost 2000 rounds of ammunition.",
        "The Security Council passed Resolution 2401 unanimously.",
        "Shells landed near 2031 Monument Ave. in the old town.",
    ],
)
def test_false_positives(text: str) -> None:
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling resumed last week.", ("last week", "DATE", "2024-W10")),
        ("The bridge was destroyed two weeks ago.", ("two weeks ago", "DATE", "2024-W09")),
        ("Casualties rose earlier this month.", ("earlier this month", "DATE", "2024-03")),
        (
            "Fighting has displaced thousands over the past three years.",
            ("the past three years", "DURATION", "P3Y"),
        ),
        ("Convoys leave every week.", ("every week", "SET", "P1W")),
        ("The curfew lasts for six hours.", ("six hours", "DURATION", "PT6H")),
        ("The front has barely moved since 2022.", ("2022", "DATE", "2022")),
        ("The war of the 1990s left mines behind.", ("1990s", "DATE", "199")),
        ("The truce collapsed yesterday.", ("yesterday", "DATE", "2024-03-11")),
        ("Sirens sounded last night.", ("last night", "TIME", "2024-03-11TNI")),
        ("Talks resume next month.", ("next month", "DATE", "2024-04")),
        (
            "Losses mounted in the third quarter of 2023.",
            ("the third quarter of 2023", "DATE", "2023-Q3"),
        ),
        ("Officials are now counting the dead.", ("now", "DATE", "PRESENT_REF")),
        ("The offensive began in the spring of 2023.", ("the spring of 2023", "DATE", "2023-SP")),
        (
            "Strikes hit the city at 14:30 local time.",
            ("14:30 local time", "TIME", "2024-03-12T14:30"),
        ),
        ("The ceasefire ended on Christmas Day.", ("Christmas Day", "DATE", "2023-12-25")),
        ("Residents fled in mid-June.", ("mid-June", "DATE", "2023-06")),
        (
            "Both sides observed an Orthodox Easter truce.",
            ("Orthodox Easter", "DATE", "2023-04-16"),
        ),
    ],
)
def test_expression_normalisation(text: str, expected: tuple[str, str, str]) -> None:
    found = [(t.text, t.type, t.value) for t in tag(text, DCT)]
    assert expected in found


def test_schedules_and_weekday_ranges() -> None:
    text = "Russia holds a three-day presidential election from Friday to Sunday."
    found = by_text(text, "2024-03-14")  # a Thursday
    assert found["Friday"] == ("DATE", "2024-03-15")
    assert found["Sunday"] == ("DATE", "2024-03-17")
    assert found["three-day"] == ("DURATION", "P3D")


def test_day_ranges_and_nights() -> None:
    times = {
        t.text: t
        for t in tag(
            "On the night of 11-12 March, drones hit Kursk. Talks were held March 3-5, 2024.",
            "2024-03-14",
        )
    }
    night = times["the night of 11-12 March"]
    assert (night.type, night.begin, night.finish) == ("TIME", "2024-03-11", "2024-03-12")
    talks = times["March 3-5, 2024"]
    assert (talks.value, talks.begin, talks.finish) == ("2024-03", "2024-03-03", "2024-03-05")


def test_machine_dates_and_spoken_years() -> None:
    found = by_text("Posted 2024-03-12T05:30:00Z. The mines date from nineteen ninety-six.")
    assert found["2024-03-12T05:30:00Z"] == ("TIME", "2024-03-12T05:30")
    assert found["nineteen ninety-six"] == ("DATE", "1996")
    assert by_text("Two thousand people fled.") == {}


def test_narrative_year_needs_words_that_name_it() -> None:
    text = (
        "Congress has not approved new funding since October, and the next tranche "
        "may not arrive before the summer."
    )
    found = by_text(text, "2024-03-14")
    assert found["October"] == ("DATE", "2023-10")
    assert found["the summer"] == ("DATE", "2024-SU")
    found = by_text("In 2022, the town was shelled in June.", "2024-03-14")
    assert found["June"] == ("DATE", "2022-06")
    text = "Under a plan agreed by the allies in 2022 that set no limits, 40 tanks arrived in May."
    assert by_text(text, "2024-06-14")["May"] == ("DATE", "2024-05")  # a side clause


def test_quarters_from_results_reporting() -> None:
    text = (
        "Revenue rose in the quarter ended Sept. 30 from a year earlier. "
        "In the 2022 third quarter, the company lost money."
    )
    found = by_text(text, "2023-10-26")
    assert found["the quarter"] == ("DATE", "2023-Q3")  # from the month it ended in
    assert found["a year earlier"] == ("DATE", "2022-Q3")
    assert found["the 2022 third quarter"] == ("DATE", "2022-Q3")


def test_weekday_fixes_the_year_of_a_date() -> None:
    # 17 March fell on a Tuesday in 2009, not in 2010.
    found = by_text(
        "Talks will be held on Tuesday, March 17 at 10 a.m. at the embassy.", "2009-06-15"
    )
    assert found["Tuesday, March 17"] == ("DATE", "2009-03-17")
    assert found["10 a.m."] == ("TIME", "2009-03-17T10:00")  # " at" is not a time zone


def test_without_dct_relative_values_stay_unresolved() -> None:
    found = by_text("Shelling hit the town on Tuesday and again yesterday, in June.", None)
    assert found["Tuesday"] == ("DATE", "XXXX-WXX-2")
    assert found["yesterday"] == ("DATE", "XXXX-XX-XX")
    assert found["June"] == ("DATE", "XXXX-06")


def test_slash_dates_follow_the_texts_own_order() -> None:
    text = "The order was signed on 25/03/2024 and published on 04/05/2024."
    values = [t.value for t in tag(text, None)]
    assert values == ["2024-03-25", "2024-05-04"]
    assert [t.value for t in tag("Posted 12/03/24.", None)] == ["2024-12-03"]


def test_outlet_date_order() -> None:
    assert [t.value for t in tag("Posted 04/05/24.", None, date_order="dmy")] == ["2024-05-04"]
    document = Document(
        id="d",
        text="Posted 04/05/24.",
        published=Timestamp(value="2024-03-12", source_text="12/03/24"),
    )
    report = TimeTagger()(Report(document=document, text=document.text))
    assert [t.value for t in report.times] == ["2024-05-04"]  # the stamp showed d/m/y
    report = TimeTagger(date_order="mdy")(Report(document=document, text=document.text))
    assert [t.value for t in report.times] == ["2024-04-05"]
    with pytest.raises(ValueError, match="date_order"):
        TimeTagger(date_order="ymd")


def test_bad_input_raises_clear_errors() -> None:
    with pytest.raises(TypeError):
        tag(None, DCT)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO date"):
        tag("on Tuesday", "last Tuesday")
    with pytest.raises(TypeError, match="unknown options"):
        TimeTagger(langauge="en")


def _report(text: str, published: str | None = DCT) -> Report:
    stamp = Timestamp(value=published) if published else None
    return Report(document=Document(id="t1", text=text, published=stamp), text=text)


def test_stage_fills_report_times() -> None:
    stage = TimeTagger()
    assert stage.name == "time"
    report = stage(_report(ARTICLE))
    assert [t.text for t in report.times][:3] == ["Tuesday", "three days", "overnight"]
    with pytest.raises(TypeError):
        stage("not a report")  # type: ignore[arg-type]


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_event_date_inside_span() -> None:
    report = TimeTagger()(_report(ARTICLE))
    start, end = _span(ARTICLE, "Armed groups crossed into the Belgorod region on Tuesday")
    assert event_date(report, start, end) == {
        "date_start": "2024-03-12",
        "date_end": "2024-03-12",
        "time_precision": 1,
        "date_prec": 1,
        "date_text": "Tuesday",
    }


def test_event_date_overnight_is_the_night_before() -> None:
    report = _report(ARTICLE)  # times not tagged yet: event_date tags them itself
    start, end = _span(ARTICLE, "Authorities reported a wave of drone attacks overnight")
    result = event_date(report, start, end)
    assert (result["date_start"], result["date_end"]) == ("2024-03-11", "2024-03-12")
    assert result["time_precision"] == 1 and result["date_prec"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "Drones struck Belgorod overnight, the governor said on Monday.",
        "On Monday, the governor said drones had attacked the region overnight.",
    ],
)
def test_overnight_before_the_day_named(text: str) -> None:
    night = next(t for t in tag(text, "2024-03-13") if t.text == "overnight")
    assert (night.begin, night.finish) == ("2024-03-10", "2024-03-11")


def test_telegram_style_report() -> None:
    text = (
        "As of 22:00 on 13.03.2024, 78 combat clashes were recorded. Water should be "
        "restored by Friday. Schools stay closed until the end of the week."
    )
    found = by_text(text, "2024-03-14")
    assert found["22:00"] == ("TIME", "2024-03-13T22:00")  # the date written after it
    assert found["13.03.2024"] == ("DATE", "2024-03-13")
    assert found["Friday"] == ("DATE", "2024-03-15")
    assert found["the end of the week"] == ("DATE", "2024-W11")


def test_narrative_year_yields_to_future_tense() -> None:
    text = "Poland, invited to join in July 1997, will officially join on March 12."
    assert by_text(text, "1999-02-27")["March 12"] == ("DATE", "1999-03-12")


def test_event_date_since_runs_to_the_dct() -> None:
    report = TimeTagger()(_report(ARTICLE))
    start, end = _span(ARTICLE, "repelled several attempts to cross the frontier since Sunday")
    result = event_date(report, start, end)
    assert (result["date_start"], result["date_end"]) == ("2024-03-10", "2024-03-12")
    assert result["time_precision"] == 2 and result["date_prec"] == 2
    assert result["date_text"] == "since Sunday"


def test_event_date_prefers_the_framing_date() -> None:
    text = "The deadliest strike since 24 February 2022 hit Belgorod on Tuesday."
    result = event_date(_report(text), 0, len(text))
    assert result["date_start"] == "2024-03-12" and result["date_text"] == "Tuesday"


def test_event_date_skips_earlier_reference_points() -> None:
    text = "The town has been shelled since 2014. On Tuesday a drone hit the market."
    report = _report(text)
    start, end = _span(text, "a drone hit the market")
    result = event_date(report, start, end)
    assert result["date_start"] == "2024-03-12" and result["date_text"] == "Tuesday"
    text = "The town has been shelled since 2014. A drone hit the market."
    start, end = _span(text, "A drone hit the market")
    assert event_date(_report(text), start, end)["date_text"] == ""  # the DCT, not 2014


def test_event_date_uses_earlier_expression_of_paragraph() -> None:
    report = TimeTagger()(_report(ARTICLE))
    start, end = _span(ARTICLE, "the worst of them")
    result = event_date(report, start, end)
    assert result["date_text"] == "Last summer"
    assert result["time_precision"] == 3 and result["date_prec"] == 5


def test_event_date_falls_back_to_dct() -> None:
    text = "Drones struck an oil depot, the governor said."
    result = event_date(_report(text), 0, len(text))
    assert result == {  # a weak prior: the two days before the report up to it
        "date_start": "2024-03-10",
        "date_end": "2024-03-12",
        "time_precision": 2,
        "date_prec": 2,
        "date_text": "",
    }
    undated = event_date(_report(text, None), 0, len(text))
    assert undated["date_start"] is None and undated["date_prec"] == 5


def test_event_date_rejects_bad_spans() -> None:
    report = _report("Shelling on Monday.")
    with pytest.raises(ValueError, match="outside"):
        event_date(report, 5, 500)
    with pytest.raises(TypeError):
        event_date("text", 0, 1)  # type: ignore[arg-type]


def test_seed_report(seed_text: str) -> None:
    found = {t.text: t.value for t in tag(seed_text, DCT)}
    assert found["Tuesday"] == "2024-03-12"
    assert found["overnight"] == "2024-03-11TNI"
    assert found["Sunday"] == "2024-03-10"
    assert found["Last summer"] == "2023-SU"
    assert found["June"] == "2023-06"
    assert found["12/03/24"] == "2024-03-12"
    assert "May 24, 2023" in found and "three days" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militias have held the pass for more than three years.", ("P3Y", "MORE_THAN")),
        ("The siege ended in early 2023, officials said.", ("2023", "START")),
        ("Refugees returned in mid-March.", ("2024-03", "MID")),
        ("The dam was mined in late June, engineers said.", ("2023-06", "END")),
        ("The camp was cleared about two years ago.", ("2022", "APPROX")),
        ("Talks dragged on for nearly five months.", ("P5M", "LESS_THAN")),
        ("The curfew will last at least three days.", ("P3D", "EQUAL_OR_MORE")),
        ("The militia seized the mine more than a decade ago.", ("2014", "BEFORE")),
        ("Sirens sounded at around 5 a.m. in the port.", ("2024-03-12T05:00", "APPROX")),
        ("Convoys will resume by the end of the week.", ("2024-W11", "END")),
    ],
)
def test_timex_mod(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t.value, t.mod) for t in tag(text, DCT)]


def test_no_mod_for_prepositions() -> None:
    found = [(t.text, t.mod) for t in tag("Over the weekend, shelling hit the port.", DCT)]
    assert found == [("the weekend", "")]


def test_new_conventions() -> None:
    dct = "2000-02-24"  # a Thursday
    cases: dict[str, tuple[str, str, str] | None] = {
        "Displaced families march each July to the old shrine.": ("each July", "SET", "XXXX-07"),
        "January nineteen ninety-seven. The same town was shelled again.": (
            "January nineteen ninety-seven",
            "DATE",
            "1997-01",
        ),
        "The court will hear the case the week of March 6.": (
            "the week of March 6",
            "DATE",
            "2000-W10",
        ),
        "Mines from the 20th century still kill farmers.": ("20th century", "DATE", "19"),
        "The militia grew over the past year.": ("the past year", "DATE", "1999"),
        "Exiles hope they will one day return.": ("one day", "DATE", "FUTURE_REF"),
        "The current ceasefire is holding.": ("current", "DATE", "PRESENT_REF"),
        "Aid workers visit the camp daily.": ("daily", "SET", "P1D"),
        "The army spends $2 million a day on fuel.": None,
        "Rebels said they would seize the town within weeks.": ("weeks", "DURATION", "PXW"),
    }
    for text, expected in cases.items():
        if expected is None:
            assert tag(text, dct) == [], text
            continue
        assert expected in [(t.text, t.type, t.value) for t in tag(text, dct)], text


def test_weekday_resolution_cues() -> None:
    dct = "2000-01-07"  # a Friday
    found = by_text("The talks follow Tuesday's ruling by the court.", dct)
    assert found["Tuesday"] == ("DATE", "2000-01-04")  # a possessive: already happened
    found = by_text("Protesters are planning to block the airport on Monday.", dct)
    assert found["Monday"] == ("DATE", "2000-01-10")
    found = by_text("Statements were made Wednesday and Thursday by the envoy.", dct)
    assert found["Thursday"] == ("DATE", "2000-01-06")  # a list, not a range
    found = by_text("Following are statements made Friday and Thursday by the envoy.", dct)
    assert found["Thursday"] == ("DATE", "2000-01-06")  # the verb right before it
    found = by_text("The prisoners will be released on Thursday.", dct)
    assert found["Thursday"] == ("DATE", "2000-01-13")
    found = by_text("The offer had been scheduled to expire at midnight Tuesday.", dct)
    assert found["midnight Tuesday"] == ("TIME", "2000-01-04T24:00")


def test_clock_time_takes_the_weekday_after_an_aside() -> None:
    text = "The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building."
    found = by_text(text, "2000-01-08")
    assert found["10:35 a.m."] == ("TIME", "2000-01-07T10:35")
    assert found["0735 GMT"] == ("TIME", "2000-01-07T07:35")


def test_newspaper_is_not_a_set() -> None:
    assert tag("The party daily Granma printed the letter.", DCT) == []


def test_year_ended_is_a_length_and_day_long() -> None:
    text = "Net income for the fiscal year ended March 31 rose after their third day-long strike."
    found = by_text(text, "1989-10-26")
    assert found["the fiscal year"] == ("DURATION", "P1Y")
    assert found["day-long"] == ("DURATION", "P1D")
    text = "Profit for the second quarter of $8.6 million beat forecasts; that quarter was hard."
    found = by_text(text, "1989-10-26")
    assert found["the second quarter"] == ("DATE", "1989-Q2")
    assert found["that quarter"] == ("DATE", "1989-Q2")


def test_years_ago_sets_the_narrative_year() -> None:
    found = by_text("The dam was breached two years ago, in late June, villagers said.")
    assert found["two years ago"] == ("DATE", "2022")
    assert found["late June"] == ("DATE", "2022-06")


def test_weekday_cues_of_deadlines_and_failed_contacts() -> None:
    dct = "2024-03-14"  # a Thursday
    found = by_text("Relatives of the detainees could not be reached Wednesday.", dct)
    assert found["Wednesday"] == ("DATE", "2024-03-13")
    found = by_text("Shelters could reopen on Wednesday if the shelling stops.", dct)
    assert found["Wednesday"] == ("DATE", "2024-03-20")
    found = by_text("The court postponed until Tuesday any ruling on the exchange.", dct)
    assert found["Tuesday"] == ("DATE", "2024-03-19")
    found = by_text("Both delegations meet separately Monday with the mediator.", dct)
    assert found["Monday"] == ("DATE", "2024-03-18")


def test_halves_of_a_year() -> None:
    found = by_text("Grain exports fell in the last half of 2023 and the first half of 2024.")
    assert found["the last half of 2023"] == ("DATE", "2023-H2")
    assert found["the first half of 2024"] == ("DATE", "2024-H1")
    found = by_text("Shipping recovered in the latter half of last year.")
    assert found["the latter half of last year"] == ("DATE", "2023-H2")


def test_year_ago_quarter_ignores_forecast_quarters() -> None:
    text = (
        "The company expects losses to last through the third quarter of 2025. "
        "In the third quarter, it earned $4 million; in the year-ago period it lost $2 million."
    )
    found = by_text(text, "2024-10-26")
    assert found["the year-ago period"] == ("DATE", "2023-Q3")


@pytest.mark.parametrize(
    "text",
    [
        "The minister told CBS's \"60 Minutes\" that the ceasefire would hold.",
        "Speaking on \"This Week With David Brinkley,\" the envoy denied the report.",
        "Drone Strikes On Border Villages Resumed Last Week",
        "He marched at the head of the March of the Combatant Mothers.",
    ],
)
def test_titles_and_names_are_not_times(text: str) -> None:
    assert tag(text, DCT) == []


def test_title_filter_keeps_prose_and_holidays() -> None:
    found = by_text("Weeks of shelling followed. The boy was rescued on Thanksgiving Day.")
    assert "Thanksgiving Day" in found
    found = by_text("The barrage lasted 60 minutes last week.")
    assert found["60 minutes"] == ("DURATION", "PT60M")
    assert found["last week"] == ("DATE", "2024-W10")


def test_holiday_week() -> None:
    found = by_text("Pilgrims prayed for peace as Easter week began.", "2000-04-17")
    assert found["Easter week"] == ("DATE", "2000-W16")  # Easter 2000: Sunday 23 April
    found = by_text("The truce collapsed at Easter.", "2000-04-17")
    assert found["Easter"] == ("DATE", "1999-04-04")  # a past Easter, not the coming one


def test_year_earlier_months_is_a_stretch() -> None:
    text = "Net for the nine months rose; the year-earlier nine months included a one-time gain."
    found = by_text(text, "2024-10-26")
    assert found["the year-earlier nine months"] == ("DURATION", "P9M")


def test_generic_today_is_an_era() -> None:
    assert "today" not in {t.text.lower() for t in tag("This matters to today's youth.", DCT)}
    found = by_text("Today's talks in Doha collapsed.")
    assert found["Today"] == ("DATE", "2024-03-12")


def test_month_after_a_sibling_month_is_nearest_to_it() -> None:
    text = "Fuel prices climbed to a high of $4.10 in June from $2.95 in March."
    found = by_text(text, "2024-10-30")
    assert found["March"] == ("DATE", "2024-03")
    text = "The dividend is payable Jan. 2 to holders of record Dec. 15."
    found = by_text(text, "2024-11-02")
    assert found["Jan. 2"] == ("DATE", "2025-01-02")
    assert found["Dec. 15"] == ("DATE", "2024-12-15")


def test_that_day_after_a_month_is_a_day_of_that_month() -> None:
    found = by_text("The channel opened in October 2023. It was blocked that same day.")
    assert found["same day"] == ("DATE", "2023-10-XX")
    found = by_text("Shelling hit the town on March 3. That day, 12 people died.")
    assert found["That day"] == ("DATE", "2024-03-03")
    report = _report("The channel opened in October 2023. It was blocked that same day.")
    start = report.text.index("blocked")
    assert event_date(report, start, start + 7)["date_start"]  # still dated, never empty


def test_effective_date_lies_ahead() -> None:
    found = by_text("The new curfew, effective June 1, bans all travel at night.", "2024-10-26")
    assert found["June 1"] == ("DATE", "2025-06-01")
    found = by_text("It proved an effective tactic in June, officers said.", "2024-10-26")
    assert found["June"] == ("DATE", "2024-06")


def test_planned_action_lies_ahead_but_a_fronted_date_dates_the_plan() -> None:
    # DCT 2024-03-13 is a Wednesday.
    text = "The monitors planned to leave Kharkiv on Thursday for Dnipro."
    assert by_text(text, "2024-03-13")["Thursday"] == ("DATE", "2024-03-14")
    text = "Residents planned a march in the centre on Saturday, organisers said."
    assert by_text(text, "2024-03-13")["Saturday"] == ("DATE", "2024-03-16")
    text = "On Friday, the regional government planned to pay the evacuees."
    assert by_text(text, "2024-03-13")["Friday"] == ("DATE", "2024-03-08")


def test_frequency_adjectives_of_activities_are_sets() -> None:
    text = (
        "Shelling of the district has become a daily routine, and the mayor gives a daily "
        "update. The army reports weekly losses on a daily basis. The daily said the "
        "quarterly budget was cut; the average daily volume fell."
    )
    found = [(t.text, t.value) for t in tag(text, DCT)]
    assert found.count(("daily", "P1D")) == 3  # routine, update, basis
    assert ("weekly", "P1W") in found
    assert "quarterly" not in {t for t, _ in found}  # a budget period, not an activity


def test_part_of_day_alone_takes_the_day_of_the_narrative() -> None:
    found = by_text("By mid-afternoon, sirens sounded again in Odesa.", "2024-03-12")
    assert found["mid-afternoon"] == ("TIME", "2024-03-12TAF")
    found = by_text("Drones hit the port on Sunday. Rescuers worked in the morning to clear it.")
    assert found["the morning"] == ("TIME", "2024-03-10TMO")
    found = by_text("At mid-afternoon yesterday, the bridge was closed.")
    assert found["mid-afternoon yesterday"] == ("TIME", "2024-03-11TAF")


def test_previous_weekday_counts_from_the_last_date() -> None:
    text = "On Thursday, March 14, the hryvnia fell 2%, down 4% from the previous Friday."
    found = by_text(text, "2024-03-18")
    assert found["the previous Friday"] == ("DATE", "2024-03-08")


def test_vague_stretches_and_references() -> None:
    text = (
        "Aid groups expect more displacement in the weeks ahead. The frontline village had "
        "been quiet for a while, and for the first time in years the school closed. Over the "
        "years, the army dug in. The near term looks grim, but in the short term the corridor "
        "stays open."
    )
    found = by_text(text)
    assert found["the weeks ahead"] == ("DURATION", "PXW")
    assert found["a while"] == ("DURATION", "PXX")
    assert found["years"] == ("DURATION", "PXY")  # "in years" and "over the years"
    assert found["The near term"] == ("DATE", "FUTURE_REF")
    assert found["the short term"] == ("DATE", "FUTURE_REF")
    assert "short-term" not in by_text("It repaid short-term debt.")


def test_year_end_after_a_preposition() -> None:
    found = by_text("The ministry wants the bridge rebuilt by year-end.", "2024-10-26")
    assert found["year-end"] == ("DATE", "2024")
    found = by_text("Prices have risen 9% since year's end.", "2024-10-26")
    assert found["year's end"] == ("DATE", "2023")
    assert "year-end" not in by_text("Year-end results were weak; year-end net fell.")


def test_spelled_decades() -> None:
    found = by_text("The town was rebuilt in the early nineties after the war.")
    assert found["the early nineties"] == ("DATE", "199")


def test_tomorrow_as_an_era_and_later_in_the_day() -> None:
    assert by_text("These drones are the weapons of tomorrow, the general said.") == {}
    assert by_text("Most of tomorrow will go on talks.")["tomorrow"] == ("DATE", "2024-03-13")
    text = "Shelling hit Kherson on Sunday. Later in the day, a second strike hit the port."
    assert by_text(text)["the day"] == ("DATE", "2024-03-10")


def test_nth_day_of_a_count_is_dated_by_its_verb() -> None:
    found = by_text("Today marks the 100th day of the siege of Avdiivka.")
    assert found["the 100th day"] == ("DATE", "2024-03-12")
    found = by_text("Friday was the third straight day of protests in Tbilisi.")
    assert found["the third straight day"] == ("DATE", "2024-03-08")
    assert by_text("On the first day of the war, columns crossed the border.") == {}


def test_pre_and_post_years_and_working_days() -> None:
    text = "The post-2014 front line held; pre-2022 borders did not."
    times = {t.text: t for t in tag(text, DCT)}
    assert (times["post-2014"].value, times["post-2014"].mod) == ("2014", "AFTER")
    assert (times["pre-2022"].value, times["pre-2022"].mod) == ("2022", "BEFORE")
    found = by_text("The crossing stayed shut for eight working days.")
    assert found["eight working days"] == ("DURATION", "P8D")


def test_short_decades_lie_at_or_just_ahead_of_the_document_date() -> None:
    assert by_text("Unrest marked the '80s.", "1989-10-26")["'80s"] == ("DATE", "198")
    assert by_text("A boom by the mid-'90s, he said.", "1989-10-26")["mid-'90s"][1] == "199"
    assert by_text("Prices of the '20s are back.", "2024-03-12")["'20s"] == ("DATE", "202")
    assert by_text("The famine of the '30s haunts them.", "2024-03-12")["'30s"] == ("DATE", "193")


def test_anaphor_opening_a_paragraph_counts_from_the_last_period() -> None:
    text = "In March, the brigade was pulled back to Pokrovsk.\n\nThe following month, it returned."
    assert by_text(text, "2024-10-26")["The following month"] == ("DATE", "2024-04")


def test_then_current_is_a_past_present() -> None:
    assert by_text("Troops held the then-current line.")["then-current"] == ("DATE", "PAST_REF")


def test_recent_units_are_open_stretches() -> None:
    found = by_text("Shelling of Kupiansk has intensified in recent weeks, and in recent years.")
    assert found["recent weeks"] == ("DURATION", "PXW")
    assert found["recent years"] == ("DURATION", "PXY")


def test_spelled_year_of_a_season_and_vague_later() -> None:
    found = by_text("Prices fell to the level of the winter of nineteen ninety-four.")
    assert found["the winter of nineteen ninety-four"] == ("DATE", "1994-WI")
    found = by_text("The first shells hit in May. A few days later, the dam broke.")
    assert found["A few days"] == ("DURATION", "PXD")  # "later" stays outside


def test_open_future_and_stretches_after_an_event() -> None:
    found = by_text("The ministry wants the prisoners home as soon as possible.")
    assert found["as soon as possible"] == ("DATE", "FUTURE_REF")
    found = by_text("Talks on the corridor will resume at a later date, Ankara said.")
    assert found["a later date"] == ("DATE", "FUTURE_REF")
    found = by_text("The dam burst in 2023. In the years that followed, the valley emptied.")
    assert found["years"] == ("DURATION", "PXY")


def test_corresponding_period_last_year_in_a_results_report() -> None:
    text = (
        "The grain exporter lost $3 million in the third quarter, against a profit of "
        "$1.8 million for the corresponding period last year."
    )
    found = by_text(text, "2024-10-30")
    assert found["the corresponding period last year"] == ("DATE", "2023-Q3")
    found = by_text("Sales matched the corresponding period last year.", "2024-10-30")
    assert found["the corresponding period last year"] == ("DATE", "2023")


def test_quarter_a_year_ago_is_one_expression() -> None:
    text = "The refinery earned $5 million in the third quarter, against $9 million for the "
    text += "quarter a year ago."
    found = by_text(text, "2024-10-30")
    assert found["the quarter a year ago"] == ("DATE", "2023-Q3")
