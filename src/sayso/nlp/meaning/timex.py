"""Normalise English time expressions against a publication date (TIMEX3-like values).

"on Wednesday" in a past-tense sentence of an article published Thursday 2024-03-21 is
2024-03-20; "this week" is 2024-W12; "in late February" is 2024-02 with ``mod`` END. With
no publication date, relative expressions keep ``value`` None and absolute ones ("March 3,
2024", "in 2023") still resolve. Deliberately a small hand-written grammar: news uses a
few dozen patterns, and every one of them is tested.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3, "few": 3, "several": 3,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip
_PREPOSITIONS = re.compile(
    r"^(on|in|at|during|by|since|from|until|till|before|after|over|throughout|around|"
    r"about|for|as of|as early as|as late as|within)\s+"
)
_MODS = {
    "early": "START", "the beginning of": "START", "the start of": "START", "mid": "MID",
    "the middle of": "MID", "late": "END", "the end of": "END", "earlier": "EARLIER",
    "later": "LATER",
}  # fmt: skip
_MOD = (
    r"(?:(early|mid|late|the beginning of|the start of|the middle of|the end of|earlier|later)"
    r"[\s-]+)?"
)
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUMBER = r"(\d+|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")"
_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "in the past": "PAST_REF", "previously": "PAST_REF", "soon": "FUTURE_REF",
    "in the future": "FUTURE_REF", "in the near future": "FUTURE_REF",
    "in the coming days": "FUTURE_REF", "in the coming weeks": "FUTURE_REF",
    "in the coming months": "FUTURE_REF",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimeValue:
    """What a time expression means: ``value`` None when it needs a missing anchor."""

    value: str | None
    type: str
    mod: str | None = None
    range: tuple[str, str] | None = None


def parse_anchor(published: str | None) -> date | None:
    """The publication date from an ISO 8601 string ("2024-03-21", "2024-03-21T10:00")."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def normalise_time(text: str, anchor: date | None, tense: str = "past") -> TimeValue | None:
    """The meaning of ``text``, or None when it is not a time expression sayso knows.

    ``tense`` ("past", "present" or "future") of the clause decides which Wednesday
    "on Wednesday" is and which year "in February" falls in."""
    phrase = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    phrase = _PREPOSITIONS.sub("", phrase)
    if phrase.startswith("the ") and not phrase.startswith(("the end", "the start", "the beg")):
        bare = phrase[4:]
        if re.fullmatch(r"(past|last|previous|next|coming|following) .*", bare):
            phrase = bare
    if phrase in _REFS:
        return TimeValue(_REFS[phrase], "ref")
    for parser in (_iso, _day_words, _weekday, _relative_period, _ago, _month_day,
                   _month, _year, _decade, _span):  # fmt: skip
        found = parser(phrase, anchor, tense)
        if found is not None:
            return found
    return None


# -- parsers: each returns None when the phrase is not its kind ---------------------------


def _iso(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
        try:
            return _day(date.fromisoformat(phrase))
        except ValueError:
            return None
    return None


def _day_words(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
    if phrase not in offsets:
        return None
    if anchor is None:
        return TimeValue(None, "date")
    return _day(anchor + timedelta(days=offsets[phrase]))


def _weekday(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(
        r"(?:(last|this|next|coming|this coming|past|this past) )?(" + "|".join(WEEKDAYS) + r")"
        r"(?:'s)?(?: (morning|afternoon|evening|night))?",
        phrase,
    )
    if match is None:
        return None
    if anchor is None:
        return TimeValue(None, "date")
    which, weekday = match.group(1), WEEKDAYS.index(match.group(2))
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if which in {"last", "past", "this past"}:
        day = anchor - timedelta(days=back or 7)
    elif which in {"next", "coming", "this coming"}:
        day = anchor + timedelta(days=ahead or 7)
    elif which == "this":
        day = anchor + timedelta(days=weekday - anchor.weekday())
    elif tense == "future":
        day = anchor + timedelta(days=ahead)
    else:
        day = anchor - timedelta(days=back)
    return _day(day)


def _relative_period(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(
        _MOD + r"(this|last|next|past|previous|coming|following) (week|weekend|month|year|decade)",
        phrase,
    )
    if match is None:
        return None
    mod = _MODS.get(match.group(1) or "")
    unit, which = match.group(3), match.group(2)
    if anchor is None:
        return TimeValue(None, unit, mod)
    step = {"this": 0, "last": -1, "past": -1, "previous": -1}.get(which, 1)
    if unit in {"week", "weekend"}:
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        iso = monday.isocalendar()
        if unit == "weekend":
            saturday = monday + timedelta(days=5)
            return TimeValue(
                f"{iso.year}-W{iso.week:02d}-WE",
                "weekend",
                mod,
                (saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()),
            )
        first, last = monday, monday + timedelta(days=6)
        if mod == "EARLIER" and step == 0:
            last = max(first, anchor - timedelta(days=1))
        return TimeValue(f"{iso.year}-W{iso.week:02d}", "week", mod, _iso_range(first, last))
    if unit == "month":
        value = _month_value(*_add_months(anchor.year, anchor.month, step), mod)
        if mod == "EARLIER" and step == 0 and value.range and anchor.day > 1:
            earlier = (value.range[0], (anchor - timedelta(days=1)).isoformat())
            return TimeValue(value.value, value.type, mod, earlier)
        return value
    if unit == "decade":
        decade = anchor.year // 10 + step
        return TimeValue(f"{decade}", "decade", mod, (f"{decade}0-01-01", f"{decade}9-12-31"))
    return _year_value(anchor.year + step, mod)


def _ago(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(_NUMBER + r" (day|week|month|year)s? ago", phrase)
    if match is None:
        return None
    if anchor is None:
        return TimeValue(None, match.group(2))
    count = int(match.group(1)) if match.group(1).isdigit() else NUMBERS[match.group(1)]
    unit = match.group(2)
    if unit == "day":
        return _day(anchor - timedelta(days=count))
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday(), weeks=count)
        iso = monday.isocalendar()
        return TimeValue(
            f"{iso.year}-W{iso.week:02d}",
            "week",
            "APPROX",
            _iso_range(monday, monday + timedelta(days=6)),
        )
    if unit == "month":
        return _month_value(*_add_months(anchor.year, anchor.month, -count), "APPROX")
    return _year_value(anchor.year - count, "APPROX")


def _month_day(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?", phrase)
    if match is not None:
        month, day, year = MONTHS[match.group(1)], int(match.group(2)), match.group(3)
    else:
        match = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? " + _MONTH
                             + r"(?:,? (\d{4}))?", phrase)  # fmt: skip
        if match is None:
            return None
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], match.group(3)
    resolved = int(year) if year else _year_for_month(month, anchor, tense)
    if resolved is None:
        return TimeValue(None, "date")
    try:
        return _day(date(resolved, month, day))
    except ValueError:
        return None


def _month(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(_MOD + r"(?:(last|this|next) )?" + _MONTH + r"(?:,? (\d{4}))?", phrase)
    if match is None:
        return None
    mod, which = _MODS.get(match.group(1) or ""), match.group(2)
    month, year = MONTHS[match.group(3)], match.group(4)
    if year:
        return _month_value(int(year), month, mod)
    if which == "last":
        tense = "past"
    elif which == "next":
        tense = "future"
    resolved = _year_for_month(month, anchor, tense)
    if resolved is None:
        return TimeValue(None, "month", mod)
    return _month_value(resolved, month, mod)


def _year(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(_MOD + r"(\d{4})", phrase)
    if match is None or not 1000 <= int(match.group(2)) <= 2999:
        return None
    return _year_value(int(match.group(2)), _MODS.get(match.group(1) or ""))


def _decade(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    match = re.fullmatch(_MOD + r"(?:the )?(\d{3})0'?s", phrase)
    if match is None:
        return None
    decade = match.group(2)
    return TimeValue(
        decade, "decade", _MODS.get(match.group(1) or ""), (f"{decade}0-01-01", f"{decade}9-12-31")
    )


def _span(phrase: str, anchor: date | None, tense: str) -> TimeValue | None:
    """ "the past two weeks", "the next few months": a duration ending or starting now."""
    match = re.fullmatch(r"(past|last|next|coming) (?:" + _NUMBER + r" )?(day|week|month|year)s",
                         phrase)  # fmt: skip
    if match is None:
        return None
    count_text = match.group(2) or "several"
    count = int(count_text) if count_text.isdigit() else NUMBERS[count_text]
    unit = match.group(3)
    value = f"P{count}{unit[0].upper()}"
    if anchor is None:
        return TimeValue(value, "duration")
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
    if match.group(1) in {"past", "last"}:
        return TimeValue(
            value, "duration", "BEFORE", _iso_range(anchor - timedelta(days=days), anchor)
        )
    return TimeValue(value, "duration", "AFTER", _iso_range(anchor, anchor + timedelta(days=days)))


# -- helpers ------------------------------------------------------------------------------


def _day(day: date) -> TimeValue:
    return TimeValue(day.isoformat(), "date", None, (day.isoformat(), day.isoformat()))


def _iso_range(first: date, last: date) -> tuple[str, str]:
    return first.isoformat(), last.isoformat()


def _month_value(year: int, month: int, mod: str | None) -> TimeValue:
    last_day = calendar.monthrange(year, month)[1]
    first, last = 1, last_day
    if mod == "START":
        last = 10
    elif mod == "MID":
        first, last = 11, 20
    elif mod == "END":
        first = 21
    return TimeValue(
        f"{year}-{month:02d}",
        "month",
        mod,
        _iso_range(date(year, month, first), date(year, month, last)),
    )


def _year_value(year: int, mod: str | None) -> TimeValue:
    first, last = date(year, 1, 1), date(year, 12, 31)
    if mod == "START":
        last = date(year, 4, 30)
    elif mod == "MID":
        first, last = date(year, 5, 1), date(year, 8, 31)
    elif mod == "END":
        first = date(year, 9, 1)
    return TimeValue(str(year), "year", mod, _iso_range(first, last))


def _year_for_month(month: int, anchor: date | None, tense: str) -> int | None:
    """ "in February": this year's, unless the tense puts it on the other side of now."""
    if anchor is None:
        return None
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    return anchor.year


def _add_months(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1
