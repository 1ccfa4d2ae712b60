"""The simulated client: reproducible, moved by MI-consistent and -inconsistent counselling as MI predicts,
answering the question that was asked, and varied."""

from __future__ import annotations

import re
from statistics import mean

import pytest
from bots import MIBot, PushyBot, converse

from oars.coder import Coder, Talk
from oars.practice import Kind, SimulatedClient, find_persona, shipped_personas
from oars.practice.hearing import Asks, hear
from oars.transcript import Speaker

PERSONA = find_persona("heavy-drinking")


def ask(client: SimulatedClient, coder: Coder, *turns: str):  # type: ignore[no-untyped-def]
    """Say each turn to the client; return the last reply."""
    live = coder.live()
    reply = None
    for text in turns:
        reply = client.reply(live.add(Speaker.COUNSELLOR, text))
        live.add(Speaker.CLIENT, reply.text)
    return reply


def test_same_seed_same_replies_other_seed_other_replies(surface_coder: Coder) -> None:
    first, _ = converse(SimulatedClient(PERSONA, seed=7), MIBot(), surface_coder, 8)
    again, _ = converse(SimulatedClient(PERSONA, seed=7), MIBot(), surface_coder, 8)
    other, _ = converse(SimulatedClient(PERSONA, seed=8), MIBot(), surface_coder, 8)
    assert [r.text for r in first] == [r.text for r in again]
    assert [r.text for r in first] != [r.text for r in other]


@pytest.mark.parametrize("persona", list(shipped_personas().values()), ids=lambda p: p.id)
def test_mi_consistent_counselling_raises_receptivity_and_change_talk(persona, surface_coder: Coder) -> None:  # type: ignore[no-untyped-def]
    good = [converse(SimulatedClient(persona, seed=s), MIBot(), surface_coder, 10)[0] for s in range(3)]
    bad = [converse(SimulatedClient(persona, seed=s), PushyBot(), surface_coder, 10)[0] for s in range(3)]
    assert all(run[-1].receptivity > persona.receptivity for run in good)
    assert all(run[-1].receptivity < persona.receptivity for run in bad)
    assert mean(_change_share(run) for run in good) > mean(_change_share(run) for run in bad) + 0.25
    assert sum(r.kind is Kind.DISCORD for run in bad for r in run) > sum(
        r.kind is Kind.DISCORD for run in good for r in run
    )


def test_directions_hold_with_the_shipped_coder(coder: Coder) -> None:
    """The same directions with the real coder: its cue rules code affirmations, autonomy, persuasion and
    confrontation whatever the network makes of the rest."""
    good = converse(SimulatedClient(PERSONA, seed=1), MIBot(), coder, 10)[0]
    bad = converse(SimulatedClient(PERSONA, seed=1), PushyBot(), coder, 10)[0]
    assert good[-1].receptivity > PERSONA.receptivity > bad[-1].receptivity


def test_hidden_concern_only_after_enough_good_listening(surface_coder: Coder) -> None:
    for persona in shipped_personas().values():
        for seed in range(2):
            good, _ = converse(SimulatedClient(persona, seed=seed), MIBot(), surface_coder, 12)
            kinds = [r.kind for r in good]
            assert Kind.DISCLOSURE in kinds, persona.id
            assert kinds.index(Kind.HINT) < kinds.index(Kind.DISCLOSURE) >= 3, persona.id
            assert persona.hidden_concern.disclosure in good[kinds.index(Kind.DISCLOSURE)].text
            bad, _ = converse(SimulatedClient(persona, seed=seed), PushyBot(), surface_coder, 12)
            assert Kind.DISCLOSURE not in [r.kind for r in bad], persona.id
            assert all(persona.hidden_concern.disclosure not in r.text for r in bad)


def test_closed_questions_get_yes_or_no(surface_coder: Coder) -> None:
    client = SimulatedClient(PERSONA, seed=3)
    reply = ask(client, surface_coder, "What brings you here?", "Do you drink at the weekend?")
    assert reply.kind is Kind.ANSWER
    assert re.match(r"(?i)(yes|yeah|yep|no|nah|not|mostly|sort of|i suppose|hmm)", reply.text)


def test_ruler_question_gets_a_number_that_follows_receptivity(surface_coder: Coder) -> None:
    ruler = "On a scale from 0 to 10, how important is it for you to cut down?"
    open_client = SimulatedClient(PERSONA.model_copy(update={"receptivity": 0.9}), seed=2)
    closed_client = SimulatedClient(PERSONA.model_copy(update={"receptivity": 0.1}), seed=2)
    high = ask(open_client, surface_coder, "What brings you in?", ruler)
    low = ask(closed_client, surface_coder, "What brings you in?", ruler)
    assert high.kind is low.kind is Kind.RULER
    assert str(high.number) in high.text and str(low.number) in low.text
    assert high.number > low.number


def test_why_not_lower_asks_for_change_talk(surface_coder: Coder) -> None:
    client = SimulatedClient(PERSONA, seed=4)
    reply = ask(client, surface_coder, "What brings you here?", "On a scale of 0 to 10, how important is cutting down?")
    follow_up = ask(client, surface_coder, f"Why a {reply.number} and not a {max(0, reply.number - 3)}?")
    assert follow_up.talk is Talk.CHANGE


def test_asked_about_the_kids_talks_about_the_kids(surface_coder: Coder) -> None:
    jess = find_persona("vaping-parent")
    for seed in range(5):
        reply = ask(SimulatedClient(jess, seed=seed), surface_coder, "Hi Jess.", "Tell me about the kids.")
        assert re.search(r"(?i)\b(kids|Ava|Leo|mum)\b", reply.text), reply.text


def test_no_reply_is_repeated_within_a_session(surface_coder: Coder) -> None:
    for bot in (MIBot(), PushyBot()):
        replies, _ = converse(SimulatedClient(find_persona("smoker-precontemplation"), seed=0), bot, surface_coder, 30)
        texts = [r.text for r in replies]
        assert len(set(texts)) == len(texts)


def test_replies_vary_across_sessions(surface_coder: Coder) -> None:
    """A small version of the bench's variety measure: distinct replies over several sessions."""
    texts = [
        r.text
        for seed in range(6)
        for bot in (MIBot, PushyBot)
        for r in converse(SimulatedClient(PERSONA, seed=seed), bot(), surface_coder, 10)[0]
    ]
    assert len(set(texts)) / len(texts) >= 0.8


def test_the_hearing_uses_the_words_for_what_an_answer_needs(surface_coder: Coder) -> None:
    live = surface_coder.live()
    coded = live.add(
        Speaker.COUNSELLOR, "So you're worried about your liver. On a scale of 0 to 10, how ready are you?"
    )
    heard = hear(coded, ["My liver numbers came back a bit high."])
    assert heard.asks is Asks.RULER and heard.ruler.value == "readiness"
    assert heard.accuracy > 0.3
    what_else = hear(live.add(Speaker.COUNSELLOR, "What else is going on?"), [])
    assert what_else.asks is Asks.DEEPER
    good = hear(live.add(Speaker.COUNSELLOR, "What would be good about cutting down?"), [])
    bad = hear(live.add(Speaker.COUNSELLOR, "What do you like about drinking?"), [])
    assert (good.asks, bad.asks) == (Asks.CHANGE, Asks.SUSTAIN)


def _change_share(replies) -> float:  # type: ignore[no-untyped-def]
    change = sum(r.talk is Talk.CHANGE for r in replies)
    sustain = sum(r.talk is Talk.SUSTAIN for r in replies)
    return change / (change + sustain) if change + sustain else 0.0
