"""The speaker-resolution gates: PolNeAR-speakers dev, GAP validation and GUM test must not
fall more than half a point below the recorded baselines (src/sayso/eval/baselines/), and on
GUM sayso must beat the same-string baseline of the same run. Each skips, saying so, when
its data is not there (docs/accuracy.md: "Who is who")."""

from __future__ import annotations

import pytest

from sayso.eval import gap, gum, speakers
from sayso.eval.gate import named_baseline_path, read_baseline, record_regressions

SPEAKERS = speakers.default_path()
GAP = gap.default_path()
GUM = gum.default_root()


def _hold(record, name):
    fallen = record_regressions(record, read_baseline(named_baseline_path(name)))
    assert not fallen, f"accuracy fell below the {name} baseline:\n" + "\n".join(fallen)


@pytest.mark.slow
@pytest.mark.skipif(
    not SPEAKERS.is_file() or not speakers.default_texts_dir(SPEAKERS).is_dir(),
    reason=f"polnear-speakers or PolNeAR dev not found under {SPEAKERS.parent.parent} "
    "(set SAYSO_DATA_DIR): speakers gate skipped",
)
def test_speakers_dev_holds_the_baseline(nlp):
    result = speakers.evaluate(SPEAKERS, nlp=nlp)
    assert len(result.items) == 1584  # the README's count
    _hold(result.gate_record(), "speakers-dev")


@pytest.mark.slow
@pytest.mark.skipif(
    not GAP.is_file(), reason=f"GAP not found at {GAP} (set SAYSO_DATA_DIR): GAP gate skipped"
)
def test_gap_validation_holds_the_baseline(nlp):
    result = gap.evaluate(GAP, nlp=nlp)
    assert len(result.rows) == 454
    _hold(result.gate_record(), "gap-validation")


@pytest.mark.slow
@pytest.mark.skipif(
    not (GUM / "gum").is_dir(),
    reason=f"GUM not found at {GUM} (set SAYSO_DATA_DIR): coreference gate skipped",
)
def test_gum_test_holds_the_baseline_and_beats_same_string(nlp):
    from sayso.eval.entitycoref import evaluate

    documents = gum.read_documents(GUM, "test")
    assert len(documents) == 12  # the test documents of the six genres shared
    result = evaluate(documents, "test", nlp=nlp)
    sayso, same_string = result.scores()
    assert sayso.conll_f1 > same_string.conll_f1, (
        f"sayso {100 * sayso.conll_f1:.2f} does not beat the same-string baseline "
        f"{100 * same_string.conll_f1:.2f}"
    )
    _hold(result.gate_record(), "gum-test")
