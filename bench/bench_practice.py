"""How good the practice simulator is: validity, variety, feedback agreement — per persona.

    python bench/bench_practice.py [--sessions 5] [--turns 12] [--variety-sessions 20] [--workers N]
                                   [--persona ID ...]

Validity
    Each persona talks with two scripted clinicians (``tests/practice/bots.py``): ``MIBot`` reflects the
    client's own words, asks open evocative questions, affirms and supports autonomy; ``PushyBot`` asks
    closed questions, advises and persuades without permission and confronts. The simulated client's share of
    change talk, change / (change + sustain), is counted two ways over all sessions: as the shared coder codes
    the replies, and as the simulator meant them (its own intent). MI-consistent counselling should give a
    clearly higher share (MI theory; Miller & Rollnick ch. 17). End receptivity and how often the hidden
    concern came out are printed too.
Variety
    ``--variety-sessions`` self-play sessions per persona (the oars counsellor, seeds 0…n-1): the share of
    client replies that are distinct (the issue asks for >= 90%).
Feedback agreement
    In every bot session, the codes shown as live feedback are compared with ``Coder.code(transcript,
    context="past")`` on the finished transcript — what ``oars code --context past`` prints.

The figures depend on the shipped coder model: rerun after it changes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "practice"))  # the same scripted clinicians the tests use

from bots import MIBot, PushyBot  # noqa: E402

from oars.coder import Coder, Talk  # noqa: E402
from oars.practice import Kind, PracticeSession, find_persona, self_play, shipped_personas  # noqa: E402


@dataclass
class Tally:
    """Counts over the sessions of one persona with one scripted clinician."""

    coded_change: int = 0
    coded_sustain: int = 0
    meant_change: int = 0
    meant_sustain: int = 0
    end_receptivity: float = 0.0
    disclosed: int = 0
    sessions: int = 0

    def add(self, session: PracticeSession) -> None:
        for exchange in session.exchanges:
            self.coded_change += exchange.client.talk is Talk.CHANGE
            self.coded_sustain += exchange.client.talk is Talk.SUSTAIN
            self.meant_change += exchange.reply.talk is Talk.CHANGE
            self.meant_sustain += exchange.reply.talk is Talk.SUSTAIN
        self.end_receptivity += session.receptivity[-1]
        self.disclosed += session.revealed_at is not None
        self.sessions += 1

    @property
    def coded(self) -> float:
        return _share(self.coded_change, self.coded_sustain)

    @property
    def meant(self) -> float:
        return _share(self.meant_change, self.meant_sustain)


@dataclass
class Result:
    persona: str
    mi: Tally
    pushy: Tally
    agree: int
    turns: int
    distinct: int
    replies: int
    selfplay_receptivity: float
    selfplay_disclosed: int
    selfplay_crisis: int
    seconds: float


def run_persona(persona_id: str, sessions: int, turns: int, variety_sessions: int) -> Result:
    started = time.perf_counter()
    coder = Coder()
    persona = find_persona(persona_id)
    tallies = {MIBot: Tally(), PushyBot: Tally()}
    agree = total = 0
    for seed in range(sessions):
        for bot_type, tally in tallies.items():
            session, bot, last = PracticeSession(persona, seed=seed, coder=coder), bot_type(), None
            for _ in range(turns):
                last = session.respond(bot.reply(last)).reply.text
            tally.add(session)
            recoded = [u.miti for u in coder.code(session.transcript(), context="past") if u.behaviour is not None]
            agree += sum(e.feedback.codes == codes for e, codes in zip(session.exchanges, recoded, strict=True))
            total += len(recoded)
    texts: list[str] = []
    receptivity = 0.0
    disclosed = crisis = 0
    for seed in range(variety_sessions):
        run = self_play(persona, turns=turns, seed=seed, coder=coder)
        texts += [r.text for r in run.replies]
        receptivity += run.receptivity[-1]
        disclosed += any(r.kind is Kind.DISCLOSURE for r in run.replies)
        crisis += run.to_dict()["crisis"]
    return Result(
        persona_id,
        tallies[MIBot],
        tallies[PushyBot],
        agree,
        total,
        len(set(texts)),
        len(texts),
        receptivity / max(1, variety_sessions),
        disclosed,
        crisis,
        time.perf_counter() - started,
    )


def _share(change: int, sustain: int) -> float:
    return change / (change + sustain) if change + sustain else float("nan")


def _one_thread() -> None:
    os.environ["OARS_THREADS"] = "1"  # one ONNX thread per worker: the workers are the parallelism


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=5, help="bot sessions per persona and clinician")
    parser.add_argument("--turns", type=int, default=12, help="clinician turns per session")
    parser.add_argument("--variety-sessions", type=int, default=20, help="self-play sessions per persona")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--persona", nargs="*", default=None, help="persona ids (default: all shipped)")
    args = parser.parse_args()
    personas = args.persona or list(shipped_personas())
    jobs = [(p, args.sessions, args.turns, args.variety_sessions) for p in personas]
    with get_context("spawn").Pool(min(args.workers, len(jobs)), initializer=_one_thread) as pool:
        results = pool.starmap(run_persona, jobs)
    report(results, args)


def report(results: list[Result], args: argparse.Namespace) -> None:
    print(
        f"== practice simulator: {args.sessions} sessions x {args.turns} turns per persona and scripted clinician; "
        f"{args.variety_sessions} self-play sessions per persona =="
    )
    print("\n-- Validity: change talk / (change + sustain) with MIBot vs PushyBot --")
    header = (
        f"{'persona':25} {'coded MI':>8} {'coded push':>10} {'meant MI':>8} {'meant push':>10} "
        f"{'recept. MI':>10} {'recept. push':>12} {'disclosed MI/push':>17}"
    )
    print(header)
    for r in results:
        print(
            f"{r.persona:25} {r.mi.coded:8.0%} {r.pushy.coded:10.0%} {r.mi.meant:8.0%} {r.pushy.meant:10.0%} "
            f"{r.mi.end_receptivity / r.mi.sessions:10.2f} {r.pushy.end_receptivity / r.pushy.sessions:12.2f} "
            f"{r.mi.disclosed:>8}/{r.mi.sessions} {r.pushy.disclosed:>3}/{r.pushy.sessions}"
        )
    margin = 0.2
    coded_ok = sum(r.mi.coded - r.pushy.coded >= margin for r in results)
    meant_ok = sum(r.mi.meant - r.pushy.meant >= margin for r in results)
    print(
        f"MI share at least {margin:.0%} above pushy: coded {coded_ok}/{len(results)} personas, "
        f"meant {meant_ok}/{len(results)} personas"
    )
    print(f"pooled over personas: coded {_pooled(results, 'coded')}; meant {_pooled(results, 'meant')}")

    print("\n-- Variety: distinct client replies across self-play sessions --")
    print(
        f"{'persona':25} {'distinct':>9} {'replies':>8} {'end recept.':>11} {'disclosed':>9} {'crisis':>6} {'secs':>6}"
    )
    for r in results:
        print(
            f"{r.persona:25} {r.distinct / r.replies:9.1%} {r.replies:8d} {r.selfplay_receptivity:11.2f} "
            f"{r.selfplay_disclosed:>6}/{args.variety_sessions:<2} {r.selfplay_crisis:6d} {r.seconds:6.0f}"
        )
    distinct = sum(r.distinct for r in results) / sum(r.replies for r in results)
    print(f"overall distinct {distinct:.1%}; lowest {min(r.distinct / r.replies for r in results):.1%}")

    print("\n-- Feedback agreement with oars code --context past --")
    agree, total = sum(r.agree for r in results), sum(r.turns for r in results)
    print(f"identical MITI codes on {agree}/{total} clinician turns ({agree / total:.1%})")


def _pooled(results: list[Result], which: str) -> str:
    """The share over all personas' sessions together (``which``: coded or meant)."""

    def share(tallies: list[Tally]) -> float:
        change = sum(getattr(t, f"{which}_change") for t in tallies)
        return _share(change, sum(getattr(t, f"{which}_sustain") for t in tallies))

    return f"MI {share([r.mi for r in results]):.0%} vs pushy {share([r.pushy for r in results]):.0%}"


if __name__ == "__main__":
    main()
