"""Files mixing encodings (issue 21): decoded line by line when one encoding does not fit
the whole file, and the repair reported naming the input."""

from __future__ import annotations

import logging

from sayso.clean import decode_bytes

UTF8 = "Москва заявила, что переговоры продолжатся на следующей неделе.\n"
CP1251 = "Киев ответил, что не согласен с этим решением и будет протестовать.\n"


def test_a_utf8_paragraph_in_a_cp1251_file_is_not_mojibake(caplog):
    data = (CP1251 * 6).encode("cp1251") + b"\n" + UTF8.encode() + (CP1251 * 3).encode("cp1251")
    with caplog.at_level(logging.WARNING, logger="sayso.clean"):
        text = decode_bytes(data, "mixed.txt")
    assert text == CP1251 * 6 + "\n" + UTF8 + CP1251 * 3
    [record] = caplog.records
    assert record.getMessage().startswith("mixed.txt: mixed encodings")
    assert "lines 1-6, 9-11 as windows-1251" in record.getMessage() or "cp1251" in (
        record.getMessage()
    )


def test_a_file_half_utf8_half_cp1251_is_read_not_refused():
    data = UTF8.encode() + CP1251.encode("cp1251") + UTF8.encode() + CP1251.encode("cp1251")
    assert decode_bytes(data, "half.txt") == UTF8 + CP1251 + UTF8 + CP1251


def test_english_smart_quotes_in_cp1252_beside_utf8():
    utf8 = "“We will win,” the minister said on Monday.\n"
    legacy = "“Nobody believes it,” the opposition leader answered in parliament.\n"
    data = utf8.encode() + (legacy * 4).encode("cp1252")
    assert decode_bytes(data, "quotes.txt") == utf8 + legacy * 4


def test_one_encoding_files_are_read_as_before_without_a_report(caplog):
    with caplog.at_level(logging.WARNING, logger="sayso.clean"):
        assert decode_bytes((CP1251 * 5).encode("cp1251"), "a.txt") == CP1251 * 5
        assert decode_bytes((UTF8 * 2).encode(), "b.txt") == UTF8 * 2
    assert caplog.records == []
