"""The accuracy gate: the dev-split figures must not fall more than half a point below the
recorded baseline (src/sayso/eval/baselines/polnear-dev.json). Skips, saying so, when the
PolNeAR corpus is not there."""

from __future__ import annotations

import pytest

from sayso.eval.evaluate import evaluate
from sayso.eval.gate import default_baseline_path, read_baseline, regressions
from sayso.eval.polnear import default_corpus_dir

CORPUS = default_corpus_dir()


@pytest.mark.slow
@pytest.mark.skipif(
    not (CORPUS / "dev" / "text").is_dir(),
    reason=f"PolNeAR corpus not found at {CORPUS} (set SAYSO_DATA_DIR): accuracy gate skipped",
)
def test_dev_figures_hold_the_baseline(nlp):
    from sayso.eval.evaluate import sayso_predictor

    result = evaluate(CORPUS, "dev", predictor=sayso_predictor(nlp))
    fallen = regressions(result.figures(), read_baseline(default_baseline_path()))
    assert not fallen, "accuracy fell below the baseline:\n" + "\n".join(fallen)
