"""Coder benchmark: held-out accuracy, MI-quality separation, speed and load time.

    python bench/bench_coder.py

Accuracy comes from 5-fold cross-validation by transcript (reports/coder-cv, made by
``python -m oars.coder.training cv``): each transcript is coded by a model that never saw it. Speed and
load time are measured here, now, with the shipped model.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from cv_codes import ANNOMI, auc, load_cv
from oars.coder import Coder
from oars.transcript import read_transcripts


def accuracy() -> None:
    _, _, summary = load_cv()
    if summary.get("partial"):
        validation = summary["validation"]
        print(f"== Accuracy (macro-F1, {validation['method']}; offsets tuned on the same transcripts) ==")
        for name, value in validation["pooled"].items():
            print(f"  {name:20} {value:.3f}")
        return
    print("== Accuracy (macro-F1, 5-fold CV by transcript, offsets tuned out of fold) ==")
    for name, label in (
        ("bi.behaviour", "counsellor behaviour, whole-transcript context (oars code)"),
        ("bi.talk", "client talk type,     whole-transcript context (oars code)"),
        ("causal.behaviour", "counsellor behaviour, past-only context (chat guard / practice)"),
        ("causal.talk", "client talk type,     past-only context (chat understanding)"),
        ("bi.reflection", "reflection simple/complex"),
        ("bi.question", "question open/closed"),
        ("bi.input", "input subtype (4)"),
    ):
        folds = [fold[name] for fold in summary["per_fold_offsets_out_of_fold"]]
        pooled = summary["with_offsets"][name]
        print(
            f"  {label:62} mean {statistics.mean(folds):.3f} ± {statistics.stdev(folds):.3f}"
            f"  pooled {pooled['macro_f1']:.3f}  (n={pooled['support']})"
        )
        if name in ("bi.behaviour", "bi.talk"):
            per_class = ", ".join(f"{k} {v:.2f}" for k, v in pooled["per_class_f1"].items())
            print(f"  {'':62} per class: {per_class}")


def quality_separation() -> None:
    coded, transcripts, _ = load_cv()
    high = [transcripts[tid].metadata.get("mi_quality") == "high" for tid in coded]
    print(f"== MI quality: AUC high vs low ({sum(high)} high, {len(high) - sum(high)} low transcripts, CV codes) ==")
    scores = {
        "%MI-adherent (MIA / (MIA+MINA))": lambda s: s.pct_mic if s.pct_mic is not None else 0.5,
        "MINA per counsellor utterance (lower = better)": lambda s: -s.mina / max(1, s.counsellor_utterances),
        "reflection : question": lambda s: s.r_q if s.r_q is not None else 10.0,
        "% complex reflections": lambda s: s.pct_cr or 0.0,
        "client % change talk": lambda s: s.pct_change_talk if s.pct_change_talk is not None else 0.5,
        "technical global (estimated)": lambda s: s.globals.technical,
        "relational global (estimated)": lambda s: s.globals.relational,
        "cultivating change talk (estimated)": lambda s: s.globals.cultivating_change_talk,
        "softening sustain talk (estimated)": lambda s: s.globals.softening_sustain_talk,
        "partnership (estimated)": lambda s: s.globals.partnership,
        "empathy (estimated)": lambda s: s.globals.empathy,
    }
    summaries = [c.summary for c in coded.values()]
    for label, score in scores.items():
        values = [score(s) for s in summaries]
        mean_high = statistics.mean(v for v, h in zip(values, high, strict=True) if h)
        mean_low = statistics.mean(v for v, h in zip(values, high, strict=True) if not h)
        print(f"  {label:50} AUC {auc(values, high):.3f}   mean high {mean_high:6.2f}  low {mean_low:6.2f}")


def speed() -> None:
    transcripts = read_transcripts(ANNOMI)
    utterances = sum(len(t) for t in transcripts)
    coder = Coder()
    coder.code(transcripts[0])  # warm-up
    times = []
    for _ in range(3):
        started = time.perf_counter()
        coder.code_many(transcripts)
        times.append(time.perf_counter() - started)
    best = min(times)
    print("== Speed (this machine) ==")
    print(
        f"  coding {utterances} utterances in {len(transcripts)} transcripts: best of 3 {best:.1f} s"
        f" = {utterances / best:.0f} utterances/s (median {utterances / statistics.median(times):.0f})"
    )
    live = coder.live()
    latencies = []
    for turn in transcripts[1].utterances[:80]:
        started = time.perf_counter()
        live.add(turn.speaker, turn.text)
        latencies.append(time.perf_counter() - started)
    latencies.sort()
    print(
        f"  live coding one utterance (chat guard): p50 {latencies[len(latencies) // 2] * 1000:.1f} ms,"
        f" p95 {latencies[int(len(latencies) * 0.95)] * 1000:.1f} ms"
    )


def load_time() -> None:
    code = "import time; t=time.perf_counter(); from oars.coder import Coder; Coder(); print(time.perf_counter()-t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
        for _ in range(3)
    ]
    print(f"== Load time == import + model load in a fresh process: best {min(runs):.2f} s, worst {max(runs):.2f} s")


if __name__ == "__main__":
    accuracy()
    quality_separation()
    speed()
    load_time()
