"""Counsellor benchmark: MI skill figures, safety of what is sent, variety, latency, start-up time.

    python bench/bench_chat.py [--transcripts 20] [--scripts data/scripts]

``--scripts data/scripts_dev`` runs the fresh development set written blind after the counsellor was built.

Two kinds of client: the client turns of held-out AnnoMI transcripts replayed in order (the first fold
of the coder's cross-validation — transcripts its model never trained on in that fold), and the scripted
clients in data/scripts (one file per topic). Figures are computed twice: from the moves the policy
chose, and by coding the counsellor's replies with the shared coder (what an outside rater would see).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from cv_codes import ANNOMI, CV_DIR, ROOT
from oars.chat import Counsellor, MemoryStore
from oars.coder import Coder, MitiCode
from oars.events import EventKind
from oars.guard.check import FORBIDDEN
from oars.say.base import opener_of
from oars.transcript import Speaker, read_transcripts

_REFLECTION_ACTS = {"simple_reflection", "complex_reflection", "summary"}
_QUESTION_ACTS = {"open_question", "ask_permission"}


def run_sessions(clients: list[list[str]], topic_of: list[str | None]) -> tuple[list[Counsellor], list[float]]:
    latencies: list[float] = []
    sessions = []
    store = MemoryStore()
    for index, (lines, topic) in enumerate(zip(clients, topic_of, strict=True)):
        counsellor = Counsellor(store=store, topic=topic, seed=index)
        counsellor.start()
        for line in lines:
            if counsellor.ended:
                break
            started = time.perf_counter()
            counsellor.reply(line)
            latencies.append(time.perf_counter() - started)
        sessions.append(counsellor)
    return sessions, latencies


def figures(label: str, sessions: list[Counsellor], coder: Coder) -> None:
    acts: Counter[str] = Counter()
    openers: Counter[str] = Counter()
    reflection_turns = repeats = forbidden = vague = 0
    coded_counts: Counter[str] = Counter()
    open_closed: Counter[str] = Counter()
    non_adherent = []
    worst_opener = 0.0
    replies = 0
    for counsellor in sessions:
        turns = [t for t in counsellor.turns if t.speaker is Speaker.COUNSELLOR and not t.crisis]
        texts = [t.text for t in turns]
        repeats += len(texts) - len(set(texts))
        session_openers: Counter[str] = Counter()
        for turn in turns:
            names = turn.move.split("+") if turn.move else []
            acts.update(names)
            if _REFLECTION_ACTS & set(names):
                session_openers[opener_of(turn.text)] += 1
            forbidden += bool(FORBIDDEN.search(turn.text))
        vague += sum(bool(e.data.get("vague")) for e in counsellor.events if e.kind is EventKind.COUNSELLOR_SAID)
        reflection_turns += sum(session_openers.values())
        openers.update(session_openers)
        if sum(session_openers.values()) >= 8:
            worst_opener = max(worst_opener, max(session_openers.values()) / sum(session_openers.values()))
        coded = coder.code(counsellor.transcript(), context="past")
        for turn, u in zip(counsellor.turns, coded.utterances, strict=True):
            if u.behaviour is None or turn.crisis or turn.move in ("opening", "clarify", "disclosure"):
                continue
            replies += 1
            coded_counts.update(code.value for code in u.miti)
            if u.subtype in ("open", "closed"):
                open_closed[u.subtype] += 1
            if {MitiCode.PERSUADE, MitiCode.CONFRONT} & set(u.miti):
                non_adherent.append(turn.text)
    r = sum(acts[a] for a in _REFLECTION_ACTS)
    q = sum(acts[a] for a in _QUESTION_ACTS)
    complex_ = acts["complex_reflection"] + acts["summary"]
    cr, sr, cq = coded_counts["CR"], coded_counts["SR"], coded_counts["Q"]
    top_opener, top_count = openers.most_common(1)[0] if openers else ("", 0)
    print(f"== {label}: {len(sessions)} sessions, {replies} coded replies ==")
    print(
        f"  by the policy's moves: R:Q {r / max(1, q):.2f}   complex {complex_ / max(1, r):.0%} of reflections"
        f"   open {acts['open_question'] / max(1, q):.0%} of questions"
    )
    print(
        f"  by the shared coder:   R:Q {(sr + cr) / max(1, cq):.2f}   complex {cr / max(1, sr + cr):.0%} of reflections"
        f"   open {open_closed['open'] / max(1, sum(open_closed.values())):.0%} of questions"
    )
    print(
        f"  non-adherent replies sent (coder Persuade/Confront): {len(non_adherent)}   forbidden wording: {forbidden}"
        f"   repeated replies: {repeats}"
    )
    print(f"  reflections naming none of the client's content (vague): {vague / max(1, reflection_turns):.0%}")
    print(
        f"  most used opener overall: {top_opener!r} {top_count / max(1, reflection_turns):.0%} of reflections;"
        f" worst single session {worst_opener:.0%}"
    )
    for text in non_adherent[:5]:
        print(f"    non-adherent: {text}")
    print(f"  moves: {dict(acts.most_common())}")


def annomi_clients(count: int) -> tuple[list[list[str]], list[str | None]]:
    with np.load(CV_DIR / "fold0.npz") as fold:  # the transcripts fold 0's model never saw
        held = set(sorted({key.split("|", 1)[0] for key in fold.files})[:count])
    transcripts = [t for t in read_transcripts(ANNOMI) if t.id in held]
    return [[u.text for u in t if u.is_client] for t in transcripts], [None] * len(transcripts)


def script_clients(folder: Path) -> tuple[list[list[str]], list[str | None], list[str]]:
    sessions, topics, names = [], [], []
    for path in sorted(folder.glob("*.txt")):
        block: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), "---"]:
            if line.strip() == "---":
                if block:
                    sessions.append(block)
                    topics.append(None)
                    names.append(path.stem)
                block = []
            elif line.strip():
                block.append(line.strip())
    return sessions, topics, names


def startup() -> None:
    code = (
        "import time; t=time.perf_counter(); from oars.chat import Counsellor; c=Counsellor(); c.start(); "
        "print(time.perf_counter()-t)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    ]
    print(
        f"== Start-up: import + models + opening turn in a fresh process: best {min(runs):.2f} s,"
        f" worst {max(runs):.2f} s"
    )


def latency(latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p95 = ordered[int(len(ordered) * 0.95)] * 1000
    print(
        f"== Latency, client message to reply ({len(ordered)} replies): p50 {p50:.0f} ms, p95 {p95:.0f} ms,"
        f" max {ordered[-1] * 1000:.0f} ms, mean {statistics.mean(ordered) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transcripts", type=int, default=20)
    parser.add_argument("--scripts", default=str(ROOT / "data" / "scripts"))
    args = parser.parse_args()
    coder = Coder()
    clients, topics = annomi_clients(args.transcripts)
    sessions, all_latencies = run_sessions(clients, topics)
    figures("AnnoMI held-out client turns replayed", sessions, coder)
    scripts, script_topics, names = script_clients(Path(args.scripts))
    topical = [
        (s, t, n)
        for s, t, n in zip(scripts, script_topics, names, strict=True)
        if n not in ("crisis", "adversarial", "hard_negatives")
    ]
    sessions, latencies = run_sessions([s for s, _, _ in topical], [t for _, t, _ in topical])
    all_latencies += latencies
    figures(f"scripted clients ({Path(args.scripts).name}, one file per topic)", sessions, coder)
    latency(all_latencies)
    startup()


if __name__ == "__main__":
    main()
