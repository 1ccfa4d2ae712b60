"""Benchmark the crisis detector: recall, false alarms and latency on the shipped evaluation sets.

Run ``python bench/bench_crisis.py``. Figures are printed for the dev half (every other line, the half
the rules were tuned on), the held half and both. Latency is per message, p50/p95 over the sets, and
for 10,000-character pastes: hard negatives run together (the worst case: every sentence is full of
words like "kill", "die" and "pills"), the same with one risk statement buried in the middle, and
random printable characters, and one risk statement repeated to fill the paste.
"""

from __future__ import annotations

import random
import statistics
import string
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from oars.safety import CrisisCategory, CrisisDetector, default_detector
from oars.safety.evaluation import DEVELOPMENT_SETS, Example, evaluate, load_examples, split_dev_held

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "safety" / "data"
# Written by people who had not seen the rules; never tuned on (see each README).
HELD_OUT = tuple(ROOT / "data" / name for name in ("crisis_heldout", *(f"crisis_heldout_v{n}" for n in (2, 3, 4))))
# Development sets, tuned on (the screen learns from them): not generalisation figures.
DEVS = tuple(ROOT / "data" / name for name in DEVELOPMENT_SETS)
PASTE = 10_000


def main() -> None:
    positives = load_examples(DATA / "positives.jsonl")
    negatives = load_examples(DATA / "hard_negatives.jsonl")
    probes = load_examples(DATA / "tuning_probes.jsonl")
    rules = CrisisDetector()
    print(f"{len(positives)} risk statements, {len(negatives)} hard negatives (+ {len(probes)} tuning probes)")
    print("\n== Rules alone, on the sets they were written against ==")
    _print_quality(rules, positives, negatives, probes)
    print("\n== Independent held-out sets: rules alone, and rules + learned screen (the default detector) ==")
    _print_held_out(rules, default_detector())
    print("\n== Latency, default detector (rules + screen) ==")
    _print_latency(default_detector(), positives, negatives)


def _print_held_out(rules: CrisisDetector, default: CrisisDetector) -> None:
    for folder in (*HELD_OUT, *DEVS):
        examples = (*load_examples(folder / "positives.jsonl"), *load_examples(folder / "hard_negatives.jsonl"))
        for name, detector in (("rules", rules), ("rules + screen", default)):
            result = evaluate(detector, examples)
            by_category = "  ".join(f"{c.value} {result.recall_by_category[c]:.2f}" for c in CrisisCategory)
            print(
                f"{folder.name:18} {name:15} recall {result.recall:.3f} (n={result.positives})"
                f"  false alarms {result.false_alarm_rate:.3f} (n={result.negatives})  | {by_category}"
            )


def _print_quality(
    detector: CrisisDetector,
    positives: Sequence[Example],
    negatives: Sequence[Example],
    probes: Sequence[Example],
) -> None:
    """dev/held/all: the two sets. probes: sentences written later and tuned on, so not held out."""
    dev_pos, held_pos = split_dev_held(positives)
    dev_neg, held_neg = split_dev_held(negatives)
    halves = {
        "dev": dev_pos + dev_neg,
        "held": held_pos + held_neg,
        "all": (*positives, *negatives),
        "probes": tuple(probes),
    }
    results = {name: evaluate(detector, examples) for name, examples in halves.items()}
    rows = {f"recall {c.value}": [r.recall_by_category[c] for r in results.values()] for c in CrisisCategory}
    rows["recall, overall"] = [r.recall for r in results.values()]
    rows["category right when caught"] = [r.category_accuracy for r in results.values()]
    rows["false-alarm rate"] = [r.false_alarm_rate for r in results.values()]
    print(f"{'':28}" + "".join(f"{name:>8}" for name in results))
    for label, values in rows.items():
        print(f"{label:28}" + "".join(f"{value:>8.3f}" for value in values))
    everything = results["all"]
    for label, examples in (("missed", everything.misses), ("false alarm", everything.false_alarms)):
        for example in examples:
            print(f"  {label}: {example.text}")


def _print_latency(detector: CrisisDetector, positives: Sequence[Example], negatives: Sequence[Example]) -> None:
    texts = [example.text for example in (*positives, *negatives)]
    for text in texts:  # warm the token cache, as a running server would have it
        detector.assess(text)
    per_message = [_millis(detector.assess, text) for text in texts]
    print(f"per message ({len(texts)} messages): {_spread(per_message, 3)}")
    for name, text in _pastes(negatives).items():
        runs = [_millis(detector.assess, text) for _ in range(30)]
        verdict = "fires" if detector.assess(text).is_crisis else "quiet"
        print(f"{len(text):,}-char paste, {name:22} {_spread(runs, 2)} ({verdict})")


def _pastes(negatives: Sequence[Example]) -> dict[str, str]:
    """10,000-character messages: hard negatives, the same with a risk statement buried in the middle,
    random characters, and one risk statement over and over (hundreds of signals to merge)."""
    negative_paste = " ".join(example.text for example in negatives)[:PASTE]
    middle = negative_paste.index(". ", len(negative_paste) // 2) + 2  # bury it between two sentences
    risk = "I'm going to kill myself tonight. "
    buried = negative_paste[:middle] + risk + negative_paste[middle : PASTE - len(risk)]
    rng = random.Random(0)
    noise = "".join(rng.choice(string.printable) for _ in range(PASTE))
    repeated = (risk * (PASTE // len(risk) + 1))[:PASTE]
    return {
        "hard negatives": negative_paste,
        "risk buried mid-paste": buried,
        "random": noise,
        "one risk stmt x 300": repeated,
    }


def _millis(function: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    function(text)
    return (time.perf_counter() - start) * 1000


def _spread(millis: Sequence[float], digits: int) -> str:
    p50, p95 = (statistics.quantiles(millis, n=100, method="inclusive")[p - 1] for p in (50, 95))
    return f"p50 {p50:.{digits}f} ms, p95 {p95:.{digits}f} ms"


if __name__ == "__main__":
    main()
