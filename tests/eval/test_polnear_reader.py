"""The PolNeAR reader on small BRAT files written for the purpose (no corpus text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import InputError
from sayso.eval.polnear import parse_ann, read_split

TEXT = (
    "Storm warning: “Stay home.”\n"
    "“The river will rise,” the mayor said,\n"
    "“and the bridge will close.”\n"
    "It was expected that schools would shut.\n"
)


def _offsets(words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def _t(tid: str, label: str, *pieces: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in pieces)
    return f"{tid}\t{label} {offsets}\t" + " ".join(TEXT[s:e] for s, e in pieces)


def _ann() -> str:
    quote1, quote2 = _offsets("The river will rise,"), _offsets("and the bridge will close.")
    lines = [
        _t("T1", "Source", _offsets("Storm warning")),
        _t("T2", "Cue", _offsets(":")),
        _t("T3", "Content", _offsets("“Stay home.”")),
        _t("T4", "Attribution", _offsets(":")),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        _t("T5", "Content", quote1),
        _t("T6", "Source", _offsets("the mayor")),
        _t("T7", "Cue", _offsets("said")),
        _t("T8", "Content", quote2),
        _t("T9", "Attribution", _offsets("said")),
        "E2\tAttribution:T9 Content:T5 Source:T6 Cue:T7 Content2:T8",
        _t("T10", "Cue", _offsets("was expected")),
        _t("T11", "Content", _offsets("that schools would shut")),
        _t("T12", "Attribution-no-source", _offsets("was expected")),
        "E3\tAttribution-no-source:T12 Cue:T10 Content:T11",
        _t("T13", "Discard", _offsets("Storm")),
        "#1\tAnnotatorNotes T13\ta note",
        _t("T14", "Attribution", _offsets("said")),
        "E4\tAttribution:T14",  # an event without content cannot be scored
    ]
    return "\n".join(lines) + "\n"


def test_parse_events_with_content2_and_no_source():
    found = parse_ann(_ann())
    assert [a.id for a in found] == ["E1", "E2", "E3"]
    first, split, passive = found
    assert first.source == (_offsets("Storm warning"),)
    assert first.cue == (_offsets(":"),)
    assert split.content == (
        _offsets("The river will rise,"),
        _offsets("and the bridge will close."),
    )
    assert passive.source is None and passive.cue == (_offsets("was expected"),)


def test_fragments_cut_at_line_breaks_and_spilled_text():
    start = TEXT.index("the mayor said,")
    end = TEXT.index("the bridge")
    newline = TEXT.index("\n", start)
    ann = (
        f"T1\tContent {start} {newline};{newline + 1} {end}\t{TEXT[start:newline]}\n"
        f"{TEXT[newline + 1 : end]}\n"  # BRAT writes the span's line break into the file
        f"T2\tCue {TEXT.index('said')} {TEXT.index('said') + 4}\tsaid\n"
        "E1\tAttribution:T2 Cue:T2 Content:T1\n"
    )
    (attribution,) = parse_ann(ann)
    assert attribution.content == ((start, newline), (newline + 1, end))
    assert attribution.source is None


def _corpus(root: Path, annotators: str, files: dict[str, str]) -> None:
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "a-story.txt").write_text(TEXT, encoding="utf-8")
    for annotator, ann in files.items():
        path = root / "dev" / "attributions" / f"a-story_{annotator}.ann"
        path.write_text(ann, encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublisher\ttitle\n"
        f"dev\ta-story\t1\t{annotators}\tpaper\tStorm warning\n",
        encoding="utf-8",
    )


def test_first_annotator_in_metadata_is_primary(tmp_path):
    other = "\n".join(_ann().splitlines()[:5]) + "\n"
    _corpus(tmp_path, "bb02|aa01", {"aa01": other, "bb02": _ann()})
    (article,) = read_split(tmp_path, "dev")
    assert article.annotator == "bb02"
    assert len(article.attributions) == 3
    assert article.text == TEXT and article.publisher == "paper"


def test_missing_split_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="train"):
        list(read_split(tmp_path, "train"))
