"""The client's state update rule: each clinician act moves receptivity, friction and credit the documented way."""

from __future__ import annotations

from dataclasses import replace

import pytest

from oars.coder import Talk
from oars.measures import RulerKind
from oars.practice import ClientState, Stage
from oars.practice.hearing import Act, Asks, Heard
from oars.practice.state import (
    CLOSED_RUN_LOSS,
    HINT_CREDIT,
    REVEAL_CREDIT,
    REVEAL_RECEPTIVITY,
    discord_chance,
    ruler_value,
    talk_weights,
    update,
)


def heard(*acts: Act, accuracy: float = 1.0, asks: Asks = Asks.NOTHING) -> Heard:
    return Heard(
        text="",
        acts=frozenset(acts),
        asks=asks,
        ruler=None,
        towards_change=None,
        words=frozenset(),
        themes=frozenset(),
        accuracy=accuracy,
        double_sided=False,
        apology=False,
    )


START = ClientState(receptivity=0.5)


def change(*acts: Act, **options: object) -> float:
    return update(START, heard(*acts, **options)).receptivity - START.receptivity  # type: ignore[arg-type]


def test_listening_raises_receptivity_complex_reflections_most() -> None:
    assert change(Act.COMPLEX_REFLECTION) > change(Act.SIMPLE_REFLECTION) > 0
    assert change(Act.AFFIRM) > 0 and change(Act.AUTONOMY) > 0 and change(Act.OPEN_QUESTION) > 0
    assert change(Act.COMPLEX_REFLECTION, accuracy=1.0) > change(Act.COMPLEX_REFLECTION, accuracy=0.0) > 0


def test_pushing_lowers_receptivity_confrontation_most() -> None:
    assert change(Act.CONFRONT) < change(Act.ADVICE) < 0
    assert change(Act.PERMITTED_ADVICE) == 0


def test_closed_question_runs_cost_more_and_more() -> None:
    state, losses = START, []
    for _ in range(4):
        after = update(state, heard(Act.CLOSED_QUESTION))
        losses.append(state.receptivity - after.receptivity)
        state = after
    assert losses[0] == 0
    assert losses[1] == pytest.approx(CLOSED_RUN_LOSS * state.receptivity, abs=0.03)
    assert losses[1] < losses[2] < losses[3]
    assert update(state, heard(Act.SIMPLE_REFLECTION, Act.CLOSED_QUESTION)).closed_run == 0


def test_receptivity_saturates_instead_of_leaving_zero_to_one() -> None:
    state = START
    for _ in range(100):
        state = update(state, heard(Act.COMPLEX_REFLECTION, Act.AFFIRM, Act.AUTONOMY))
    assert 0.99 < state.receptivity <= 1.0
    for _ in range(100):
        state = update(state, heard(Act.CONFRONT, Act.ADVICE))
    assert 0.0 <= state.receptivity < 0.01


def test_friction_builds_with_confrontation_and_is_soothed_by_reflection() -> None:
    angry = update(update(START, heard(Act.CONFRONT)), heard(Act.ADVICE))
    assert discord_chance(angry) > 0.5
    calmer = update(angry, heard(Act.COMPLEX_REFLECTION, accuracy=1.0))
    assert calmer.friction < angry.friction * 0.5
    assert discord_chance(START) == 0


def test_hidden_concern_needs_credit_receptivity_and_a_listening_turn() -> None:
    listening = heard(Act.COMPLEX_REFLECTION)
    assert not START.may_hint(listening)
    earned = replace(START, credit=REVEAL_CREDIT, receptivity=REVEAL_RECEPTIVITY)
    assert earned.may_reveal(listening)
    assert not earned.may_reveal(heard(Act.COMPLEX_REFLECTION, Act.ADVICE))  # listening spoilt by advice
    assert not replace(earned, receptivity=REVEAL_RECEPTIVITY - 0.01).may_reveal(listening)
    assert replace(START, credit=HINT_CREDIT).may_hint(listening)
    almost = replace(earned, credit=REVEAL_CREDIT - 0.5)
    assert not almost.may_reveal(listening)
    assert almost.may_reveal(heard(Act.OPEN_QUESTION, asks=Asks.DEEPER))  # "what else?" invites it


def test_pushing_takes_credit_away() -> None:
    state = update(START, heard(Act.COMPLEX_REFLECTION))
    assert update(state, heard(Act.CONFRONT)).credit < state.credit


def test_more_receptive_clients_lean_to_change_talk() -> None:
    low = talk_weights(ClientState(0.2), Stage.CONTEMPLATION)
    high = talk_weights(ClientState(0.8), Stage.CONTEMPLATION)
    assert high[Talk.CHANGE] > low[Talk.CHANGE] and high[Talk.SUSTAIN] < low[Talk.SUSTAIN]
    pre = talk_weights(ClientState(0.8), Stage.PRECONTEMPLATION)
    assert pre[Talk.CHANGE] < high[Talk.CHANGE]


def test_ruler_answers_follow_state_and_stage() -> None:
    kind = RulerKind.IMPORTANCE
    assert ruler_value(ClientState(0.8), Stage.CONTEMPLATION, kind) > ruler_value(
        ClientState(0.3), Stage.CONTEMPLATION, kind
    )
    assert ruler_value(ClientState(0.5), Stage.PREPARATION, kind) > ruler_value(
        ClientState(0.5), Stage.PRECONTEMPLATION, kind
    )
    assert 1 <= ruler_value(ClientState(0.0), Stage.PRECONTEMPLATION, RulerKind.READINESS) <= 9
