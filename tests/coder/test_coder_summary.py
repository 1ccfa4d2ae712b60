"""Session summary: MITI counts and ratios, thresholds, estimated globals, feedback."""

from __future__ import annotations

from coded_builders import client, counsellor

from oars.coder import Behaviour, MitiCode, Talk, summarise

B, M, T = Behaviour, MitiCode, Talk


def skilled_session():
    return [
        counsellor(0, B.QUESTION, M.QUESTION, subtype="open", text="What brings you in?"),
        client(1, T.NEUTRAL),
        counsellor(2, B.REFLECTION, M.COMPLEX_REFLECTION, subtype="complex"),
        client(3, T.CHANGE),
        counsellor(4, B.REFLECTION, M.COMPLEX_REFLECTION, M.AFFIRM, subtype="complex"),
        client(5, T.CHANGE),
        counsellor(6, B.REFLECTION, M.SIMPLE_REFLECTION, subtype="simple", text="You want to cut down."),
        client(7, T.SUSTAIN),
        counsellor(8, B.REFLECTION, M.COMPLEX_REFLECTION, M.EMPHASIZE, subtype="complex"),
        client(9, T.CHANGE),
        counsellor(10, B.QUESTION, M.QUESTION, subtype="closed", text="Do you drink at home?"),
    ]


def test_counts_and_ratios() -> None:
    s = summarise(skilled_session())
    assert s.counsellor_utterances == 6 and s.client_utterances == 5
    assert s.counts["Q"] == 2 and s.counts["CR"] == 3 and s.counts["SR"] == 1
    assert s.r_q == 2.0
    assert s.pct_cr == 0.75
    assert s.pct_open == 0.5
    assert (s.mia, s.mina, s.pct_mic) == (2, 0, 1.0)
    assert s.pct_change_talk == 0.75
    assert s.talk == {"change": 3, "neutral": 1, "sustain": 1}


def test_levels_against_thresholds() -> None:
    s = summarise(skilled_session())
    assert s.proficiency["r_q"].level == "good"
    assert s.proficiency["pct_cr"].level == "good"
    assert s.proficiency["pct_open"].level == "fair"  # 50% is exactly the fair threshold
    assert s.proficiency["pct_mic"].level == "good"


def test_undefined_ratios_are_none_and_not_enough_data() -> None:
    s = summarise([client(0, T.NEUTRAL)])
    assert s.r_q is None and s.pct_cr is None and s.pct_mic is None and s.pct_change_talk is None
    assert s.proficiency["r_q"].level == "not enough data"
    assert "no counsellor utterances" in s.feedback


def confrontational_session():
    return [
        counsellor(0, B.QUESTION, M.QUESTION, subtype="closed", text="Do you smoke?"),
        client(1, T.SUSTAIN),
        counsellor(2, B.INPUT, M.PERSUADE, subtype="advice", text="You need to stop smoking right now."),
        client(3, T.SUSTAIN),
        counsellor(4, B.INPUT, M.CONFRONT, text="That's just an excuse."),
        client(5, T.SUSTAIN),
        counsellor(6, B.QUESTION, M.QUESTION, subtype="closed", text="Don't you care about your kids?"),
        client(7, T.NEUTRAL),
    ]


def test_globals_are_estimates_in_range_and_separate_good_from_poor_mi() -> None:
    good, poor = summarise(skilled_session()).globals, summarise(confrontational_session()).globals
    for g in (good, poor):
        for value in (g.cultivating_change_talk, g.softening_sustain_talk, g.partnership, g.empathy):
            assert 1.0 <= value <= 5.0
    assert good.partnership > poor.partnership
    assert good.empathy > poor.empathy
    assert good.technical > poor.technical
    assert good.to_dict()["estimated"] is True


def test_feedback_puts_strengths_first_and_names_non_adherence() -> None:
    good = summarise(skilled_session()).feedback
    assert good.index("reflection") < good.index("to try")
    poor = summarise(confrontational_session()).feedback
    assert "You need to stop smoking right now." in poor
    assert "permission" in poor
