"""The first-to-second-person shift that every reflection goes through."""

from __future__ import annotations

import pytest

from oars.say.perspective import to_second_person

CASES = [
    # pronouns and possessives
    ("I drink most nights", "you drink most nights"),
    ("I want to stop", "you want to stop"),
    ("it helps me relax", "it helps you relax"),
    ("my wife keeps going on about it", "your wife keeps going on about it"),
    ("My kids mean everything to me", "Your kids mean everything to you"),
    ("that one is mine", "that one is yours"),
    ("I told myself I'd stop", "you told yourself you'd stop"),
    ("I did it all by myself", "you did it all by yourself"),
    ("it's my own choice", "it's your own choice"),
    # contractions
    ("I'm tired", "you're tired"),
    ("I've tried before", "you've tried before"),
    ("I'd like to cut down", "you'd like to cut down"),
    ("I'll try", "you'll try"),
    ("I'm not sure I can", "you're not sure you can"),
    ("I don't want to", "you don't want to"),
    ("I can't stop", "you can't stop"),
    ("I won't go back", "you won't go back"),
    ("I’m worried", "you're worried"),
    # be: am / was agree with the new subject
    ("I am tired of it", "you are tired of it"),
    ("I was drinking every day", "you were drinking every day"),
    ("I wasn't ready", "you weren't ready"),
    ("I really was scared", "you really were scared"),
    ("I never wasn't trying", "you never weren't trying"),
    ("was I wrong to be upset", "were you wrong to be upset"),
    ("she was tired and so was I", "she was tired and so were you"),
    ("the thing was I wasn't comfortable", "the thing was you weren't comfortable"),  # "was" is the thing's
    ("she was angry with me", "she was angry with you"),
    ("it was my fault", "it was your fault"),
    # coordination
    ("me and my wife argue", "you and your wife argue"),
    ("My wife and I argue about money", "You and your wife argue about money"),
    ("my mum and me went", "you and your mum went"),
    ("my husband and I", "you and your husband"),
    ("between my job and my kids", "between your job and your kids"),
    # we: the client's household or group becomes "you" (plural you)
    ("we argue a lot", "you argue a lot"),
    ("it's hard for us", "it's hard for you"),
    ("our kids are little", "your kids are little"),
    ("we're struggling", "you're struggling"),
    ("we've been fighting", "you've been fighting"),
    ("we were happy once", "you were happy once"),
    ("we did it ourselves", "you did it yourselves"),
    ("the house is ours", "the house is yours"),
    # generic "you" and things that are not pronouns stay
    ("when you drink you forget", "when you drink you forget"),
    ("you can't win", "you can't win"),
    ("I moved to the US", "you moved to the US"),
    ("I have ME", "you have ME"),
    ("Me too", "You too"),
    ("time for me", "time for you"),
    ("Dave says I drink too much", "Dave says you drink too much"),
    ("it's mine, I bought it", "it's yours, you bought it"),
    # a time is not "I am"
    ("the tennis at 3am", "the tennis at 3am"),
    ("up at 4 am and I am tired", "up at 4 am and you are tired"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_shift_to_second_person(text: str, expected: str) -> None:
    assert to_second_person(text) == expected


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 40
