"""Language-model realiser benchmark: how many turns the model words, why the rest fall back, and what it costs.

    python bench/bench_llm.py URL [--model NAME] [--scripts data/scripts] [--sessions 6] [--turns 8]

Plays the scripted clients in data/scripts (``---`` separates sessions) through ``oars chat`` with the
language-model realiser pointed at URL (an OpenAI-compatible server; a non-loopback one needs
``--allow-remote``), and prints the share of counsellor turns that were model-worded, the fallback reasons
by how often they came up, and the reply latency p50 / p95 — of every turn and of the turns the model was
asked for. Every reply is also checked against the forbidden-wording list, as bench_chat.py does.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from pathlib import Path

from oars.chat import Counsellor, MemoryStore
from oars.chat.export import wording_summary
from oars.coder import Coder
from oars.guard.check import FORBIDDEN
from oars.llm import ChatClient, LLMConfig
from oars.say.llm import LLMRealiser, leaks_instructions
from oars.transcript import Speaker

ROOT = Path(__file__).resolve().parents[1]


def scripted_sessions(folder: Path, skip: tuple[str, ...] = ("crisis", "adversarial")) -> list[tuple[str, list[str]]]:
    """(topic, client lines) per scripted session; the crisis and adversarial files are left out (the model is
    never asked on the safety path, and injections are clarified, so they would only dilute the figures)."""
    sessions = []
    for path in sorted(folder.glob("*.txt")):
        if path.stem in skip:
            continue
        for block in path.read_text(encoding="utf-8").split("\n---\n"):
            lines = [line.strip() for line in block.splitlines() if line.strip() and line.strip() != "---"]
            if lines:
                sessions.append((path.stem, lines))
    return sessions


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--model", default=None, help="model name (default: the server's first)")
    parser.add_argument("--scripts", type=Path, default=ROOT / "data" / "scripts")
    parser.add_argument("--sessions", type=int, default=6, help="scripted sessions to play (spread over topics)")
    parser.add_argument("--turns", type=int, default=8, help="client lines per session at most")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--allow-remote", action="store_true")
    args = parser.parse_args()

    config = LLMConfig(args.url, model=args.model, timeout=args.timeout, allow_remote=args.allow_remote)
    realiser = LLMRealiser(ChatClient(config))
    coder = Coder()
    available = scripted_sessions(args.scripts)
    step = max(1, len(available) // max(1, args.sessions))
    chosen = available[::step][: args.sessions]
    all_ms: list[float] = []
    asked_ms: list[float] = []
    turns = []
    unsafe = 0
    started = time.perf_counter()
    for index, (topic, lines) in enumerate(chosen):
        counsellor = Counsellor(store=MemoryStore(), seed=index, coder=coder, realiser=realiser)
        counsellor.start()
        for line in lines[: args.turns]:
            if counsellor.ended:
                break
            before = time.perf_counter()
            turn = counsellor.reply(line)
            elapsed = (time.perf_counter() - before) * 1000
            all_ms.append(elapsed)
            if turn.wording and "attempts" in turn.wording:
                asked_ms.append(elapsed)
            unsafe += bool(FORBIDDEN.search(turn.text) or leaks_instructions(turn.text))
        turns += [t for t in counsellor.turns if t.speaker is Speaker.COUNSELLOR]
        print(f"  {topic}: {len(counsellor.turns)} turns", flush=True)
    summary = wording_summary(turns) or {"model": 0, "builtin": 0, "model_share": 0.0, "fallback_reasons": {}}
    asked = sum(1 for t in turns if t.wording and "attempts" in t.wording)
    print(f"\nserver {config.url} model {realiser.client.model}: {len(chosen)} sessions, {len(turns)} counsellor turns")
    print(f"model-worded: {summary['model']} ({summary['model_share']:.0%} of all turns, ", end="")
    print(f"{summary['model'] / asked:.0%} of the {asked} turns the model was asked for)" if asked else "never asked)")
    print(f"built-in: {summary['builtin']}; forbidden or leaked wording sent: {unsafe}")
    print("fallback reasons (turns):")
    for reason, count in Counter(summary["fallback_reasons"]).most_common(12):
        print(f"  {count:4d}  {reason}")
    print(
        f"reply latency, all turns: p50 {statistics.median(all_ms):.0f} ms, p95 {percentile(all_ms, 0.95):.0f} ms; "
        f"turns the model was asked for: p50 {percentile(asked_ms, 0.5):.0f} ms, "
        f"p95 {percentile(asked_ms, 0.95):.0f} ms"
    )
    print(f"wall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
