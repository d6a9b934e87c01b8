"""Every Duckling and Recognizers-Text French case, parametrised. Cases the tagger does not handle yet
are listed in time_known_gaps.txt and expected to fail; the pass rate is pinned as a floor."""

from pathlib import Path

import pytest

from time_cases import ALL_CASES, passes

GAPS = set((Path(__file__).parent / "time_known_gaps.txt").read_text("utf-8").split())
PASS_RATE_FLOOR = 0.61


@pytest.mark.parametrize("case_id, text, reference, expected", ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_time_case(case_id, text, reference, expected):
    if case_id in GAPS:
        pytest.xfail(f"known gap: {text!r}")
    assert passes(text, reference, expected), (text, expected)


def test_pass_rate_floor(capsys):
    ok = sum(passes(text, ref, exp) for _, text, ref, exp in ALL_CASES)
    rate = ok / len(ALL_CASES)
    with capsys.disabled():
        print(f"\nDuckling + Recognizers-Text French time cases: {ok}/{len(ALL_CASES)} = {rate:.3f} pass")
    assert rate >= PASS_RATE_FLOOR
