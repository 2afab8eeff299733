"""The coreference scorer on hand-made partitions whose values are worked out below.

The first case is the example of Pradhan et al. (2014), "Scoring Coreference Partitions of
Predicted Mentions: A Reference Implementation" (key {a b c} {d e f g}, response {a b}
{c d} {f g h i}); the paper gives MUC 40 / 40, B³ 41.67 / 50 and CEAF-e 65 / 43.33.
"""

from __future__ import annotations

import pytest

from sayso.eval.coref import b_cubed, ceaf_e, muc, partition, score

KEY = partition([{"a", "b", "c"}, {"d", "e", "f", "g"}])
RESPONSE = partition([{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}])


def test_muc_counts_links():
    # Recall: {a b c} is cut in 2 pieces (3 - 2 = 1 of 2 links), {d e f g} in 3 ({d}, {e}
    # missing from the response, {f g}): 1 of 3. Precision: {a b} 1 of 1, {c d} 0 of 1,
    # {f g h i} in 3 pieces ({f g}, h, i): 1 of 3. Both 2 / 5.
    result = muc(KEY, RESPONSE)
    assert result.recall == pytest.approx(2 / 5)
    assert result.precision == pytest.approx(2 / 5)
    assert result.f1 == pytest.approx(0.4)


def test_b_cubed_averages_over_mentions():
    # Recall over the 7 key mentions: a, b 2/3; c 1/3; d 1/4; e 0 (not in the response);
    # f, g 2/4 -> 35/12 / 7.
    # Precision over the 8 response mentions: a, b 1; c, d 1/2; f, g 2/4; h, i 0 -> 4 / 8.
    result = b_cubed(KEY, RESPONSE)
    assert result.recall == pytest.approx(35 / 84)
    assert result.precision == pytest.approx(4 / 8)
    assert result.recall == pytest.approx(0.4167, abs=1e-4)


def test_ceaf_e_aligns_clusters_one_to_one():
    # phi4: K1-R1 4/5, K1-R2 2/5, K2-R2 2/6, K2-R3 4/8. Best alignment K1-R1 + K2-R3 = 1.3.
    result = ceaf_e(KEY, RESPONSE)
    assert result.recall == pytest.approx(1.3 / 2)
    assert result.precision == pytest.approx(1.3 / 3)
    assert result.f1 == pytest.approx(0.52)


def test_conll_f1_is_the_mean_of_the_three():
    result = score(KEY, RESPONSE)
    b3_f1 = 2 * (35 / 84) * (1 / 2) / (35 / 84 + 1 / 2)
    assert result.conll_f1 == pytest.approx((0.4 + b3_f1 + 0.52) / 3)


def test_identical_partitions_score_one():
    result = score(KEY, KEY)
    assert result.muc.f1 == result.b_cubed.f1 == result.ceaf_e.f1 == pytest.approx(1.0)


def test_everything_merged():
    # key {a b} {c}; response {a b c}. MUC: recall 1/1, precision (3 - 2) / 2.
    # B³ precision: a, b 2/3, c 1/3 -> 5/9. CEAF-e: best is {a b}-{a b c} = 4/5.
    result = score([{"a", "b"}, {"c"}], [{"a", "b", "c"}])
    assert (result.muc.recall, result.muc.precision) == (1.0, 0.5)
    assert result.b_cubed.recall == 1.0
    assert result.b_cubed.precision == pytest.approx(5 / 9)
    assert result.ceaf_e.recall == pytest.approx(0.4)
    assert result.ceaf_e.precision == pytest.approx(0.8)


def test_all_singletons_have_no_muc_links():
    singletons = [{"a"}, {"b"}, {"c"}]
    result = score(singletons, singletons)
    assert result.muc.f1 == 0.0  # no links on either side: MUC is 0 by convention
    assert result.b_cubed.f1 == pytest.approx(1.0)
    assert result.ceaf_e.f1 == pytest.approx(1.0)


def test_a_mention_in_two_clusters_is_refused():
    with pytest.raises(ValueError, match="more than one cluster"):
        partition([{"a", "b"}, {"b", "c"}])


@pytest.mark.parametrize(
    ("response", "recall", "precision"),
    [
        ([{"a"}, {"d", "e"}], 0.6, 0.9),  # TC2: missing mentions and entities
        ([{"a"}, {"b", "c", "x"}, {"d", "e", "f", "y"}, {"z"}], 0.88571, 0.66429),  # TC3
        ([{"a"}, {"b", "c", "x"}, {"d", "y"}, {"z"}], 0.73333, 0.55),  # TC4
    ],
)
def test_ceaf_e_matches_the_reference_scorer_test_cases(response, recall, precision):
    # Key {a} {b c} {d e f} and the expected values of the CoNLL reference scorer's test
    # cases (v8.01, test/CorefMetricTestConfig.pm): TC3 is 1 + 4/5 + 6/7 over 3 and over 4.
    result = ceaf_e(partition([{"a"}, {"b", "c"}, {"d", "e", "f"}]), partition(response))
    assert result.recall == pytest.approx(recall, abs=1e-5)
    assert result.precision == pytest.approx(precision, abs=1e-5)
