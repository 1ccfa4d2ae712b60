"""DARN-CAT error on the hand-labelled set (data/darncat/handlabelled.jsonl, 334 client utterances).

    python bench/bench_darncat.py

Category accuracy is measured given the true talk type (the rule's own error), then end to end with the
coder's talk type (AnnoMI rows from the cross-validated model, written rows from the shipped model). The
rules were written looking at the even-numbered change/sustain rows ("dev") only.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from cv_codes import ROOT, load_cv
from oars.coder import Coder, Talk
from oars.coder.darncat import darn_cat
from oars.transcript import Speaker

SET = ROOT / "data" / "darncat" / "handlabelled.jsonl"


def previous_counsellor(row: dict) -> str:
    return next((t["text"] for t in reversed(row["context"]) if t["speaker"] == "counsellor"), "")


def rule_accuracy(rows: list[dict]) -> None:
    talk_rows = [r for r in rows if r["talk"] != "neutral"]
    print("== DARN-CAT given the true talk type ==")
    for label, part in (
        ("all", talk_rows),
        ("dev half", talk_rows[0::2]),
        ("held half", talk_rows[1::2]),
        ("AnnoMI", [r for r in talk_rows if r["source"] == "annomi"]),
        ("written", [r for r in talk_rows if r["source"] == "written"]),
    ):
        right = sum(darn_cat(r["text"], Talk(r["talk"]), previous_counsellor(r)).value == r["darn_cat"] for r in part)
        print(f"  {label:10} accuracy {right / len(part):.2f}  (n={len(part)})")
    majority = Counter(r["darn_cat"] for r in talk_rows).most_common(1)[0]
    print(f"  majority-class baseline ({majority[0]}): {majority[1] / len(talk_rows):.2f}")
    confusion: Counter[tuple[str, str]] = Counter()
    for r in talk_rows:
        confusion[(r["darn_cat"], darn_cat(r["text"], Talk(r["talk"]), previous_counsellor(r)).value)] += 1
    cats = sorted({g for g, _ in confusion})
    print("  confusion (rows gold, columns predicted): " + " ".join(c[:5] for c in cats))
    for g in cats:
        print(f"  {g:13}" + " ".join(f"{confusion[(g, p)]:5d}" for p in cats))


def end_to_end(rows: list[dict]) -> None:
    coded, _, _ = load_cv()
    by_index = {tid: {u.index: u for u in c.utterances} for tid, c in coded.items()}
    coder = Coder()
    hits = talk_hits = 0
    missing = [r for r in rows if r["source"] == "annomi" and str(r["transcript_id"]) not in by_index]
    if missing:  # a transcript whose cross-validation fold has not been coded (reports/coder-cv is partial)
        print(f"  ({len(missing)} AnnoMI rows skipped: their transcripts are not in the cross-validated codes)")
        rows = [r for r in rows if r not in missing]
    for row in rows:
        if row["source"] == "annomi":
            u = by_index[str(row["transcript_id"])][row["utterance_id"]]
        else:
            live = coder.live()
            live.extend((Speaker(t["speaker"]), t["text"]) for t in row["context"])
            u = live.add(Speaker.CLIENT, row["text"])
        talk_hits += u.talk.value == row["talk"]
        hits += u.talk.value == row["talk"] and (u.darn_cat.value if u.darn_cat else None) == row["darn_cat"]
    print("== End to end (coder talk type, then DARN-CAT) ==")
    print(
        f"  talk type agrees with the hand label: {talk_hits / len(rows):.2f}; talk and category both: "
        f"{hits / len(rows):.2f}  (n={len(rows)})"
    )


def main() -> None:
    rows = [json.loads(line) for line in Path(SET).read_text(encoding="utf-8").splitlines() if line.strip()]
    rule_accuracy(rows)
    end_to_end(rows)


if __name__ == "__main__":
    main()
