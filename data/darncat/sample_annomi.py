"""Regenerate the AnnoMI part of the DARN-CAT hand-labelled set (ids + context, no labels).

Procedure (fixed, documented in README.md):
1. Read AnnoMI-full.train.csv with a real CSV parser; sort all rows by (transcript_id, utterance_id).
2. Take client rows only; split them into three pools by AnnoMI's client_talk_type
   (change / sustain / neutral), each pool kept in (transcript_id, utterance_id) order.
3. rng = random.Random(2026); draw, in this order, rng.sample(change, 90), rng.sample(sustain, 64),
   rng.sample(neutral, 66)  -> 154 change/sustain (70%) + 66 neutral (30%) = 220 utterances.
   Sustain is over-sampled relative to its share (402 vs 989 change rows) so that sustain
   categories are represented; within each stratum the draw is uniform, no text filter.
4. context = up to 3 preceding rows of the same transcript (either speaker), oldest first.

Usage:
  python data/darncat/sample_annomi.py                 # print skeleton JSONL to stdout
  python data/darncat/sample_annomi.py --check FILE    # validate FILE (schema, allowed values, counts)
                                                       # and check its annomi rows match the selection
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

CSV_PATH = Path("/work/shared/data/annomi/AnnoMI-full.train.csv")
SEED = 2026
N_CHANGE, N_SUSTAIN, N_NEUTRAL = 90, 64, 66
CONTEXT_TURNS = 3
SPEAKER = {"therapist": "counsellor", "client": "client"}


def load_rows(path: Path = CSV_PATH) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["transcript_id"] = int(r["transcript_id"])
        r["utterance_id"] = int(r["utterance_id"])
    rows.sort(key=lambda r: (r["transcript_id"], r["utterance_id"]))
    return rows


def select(rows: list[dict]) -> list[dict]:
    by_transcript: dict[int, list[dict]] = {}
    for r in rows:
        by_transcript.setdefault(r["transcript_id"], []).append(r)
    clients = [r for r in rows if r["interlocutor"] == "client"]
    pools = {t: [r for r in clients if r["client_talk_type"] == t] for t in ("change", "sustain", "neutral")}
    rng = random.Random(SEED)
    picked = (
        rng.sample(pools["change"], N_CHANGE)
        + rng.sample(pools["sustain"], N_SUSTAIN)
        + rng.sample(pools["neutral"], N_NEUTRAL)
    )
    picked.sort(key=lambda r: (r["transcript_id"], r["utterance_id"]))
    out = []
    for r in picked:
        turns = by_transcript[r["transcript_id"]]
        i = next(k for k, t in enumerate(turns) if t["utterance_id"] == r["utterance_id"])
        ctx = [
            {"speaker": SPEAKER[t["interlocutor"]], "text": t["utterance_text"]}
            for t in turns[max(0, i - CONTEXT_TURNS) : i]
        ]
        out.append(
            {
                "id": f"annomi-{r['transcript_id']}-{r['utterance_id']:03d}",
                "source": "annomi",
                "sampling": "random",
                "transcript_id": r["transcript_id"],
                "utterance_id": r["utterance_id"],
                "topic": r["topic"].strip(),
                "context": ctx,
                "text": r["utterance_text"],
                "annomi_talk": r["client_talk_type"],
            }
        )
    return out


TALKS = ("change", "sustain", "neutral")
CATS = ("desire", "ability", "reason", "need", "commitment", "activation", "taking_steps")
REQUIRED = ("id", "source", "transcript_id", "utterance_id", "topic", "context", "text", "talk", "darn_cat")
OPTIONAL = ("sampling", "annomi_talk", "also", "also_opposite", "note")


def validate(records: list[dict]) -> list[str]:
    """Schema and value checks for the hand-labelled set; returns a list of problems."""
    problems: list[str] = []
    seen: set[str] = set()
    for n, r in enumerate(records, 1):
        where = f"line {n} ({r.get('id', '?')})"
        for key in REQUIRED:
            if key not in r:
                problems.append(f"{where}: missing {key!r}")
        for key in r:
            if key not in REQUIRED + OPTIONAL:
                problems.append(f"{where}: unknown field {key!r}")
        if r.get("id") in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(r.get("id"))
        if r.get("source") not in ("annomi", "written"):
            problems.append(f"{where}: bad source")
        src = r.get("source")
        if src == "annomi" and (r.get("sampling") != "random" or r.get("annomi_talk") not in TALKS):
            problems.append(f"{where}: annomi row needs sampling='random' and annomi_talk")
        if src == "written" and (r.get("transcript_id"), r.get("utterance_id")) != (None, None):
            problems.append(f"{where}: written row must have null transcript_id/utterance_id")
        if not isinstance(r.get("text"), str) or not r["text"].strip():
            problems.append(f"{where}: empty text")
        ctx = r.get("context")
        if (
            not isinstance(ctx, list)
            or len(ctx) > CONTEXT_TURNS
            or any(set(t) != {"speaker", "text"} or t["speaker"] not in ("counsellor", "client") for t in ctx)
        ):
            problems.append(f"{where}: bad context")
        talk, cat = r.get("talk"), r.get("darn_cat")
        if talk not in TALKS:
            problems.append(f"{where}: bad talk {talk!r}")
        if (talk == "neutral") != (cat is None):
            problems.append(f"{where}: darn_cat must be null iff talk is neutral")
        if cat is not None and cat not in CATS:
            problems.append(f"{where}: bad darn_cat {cat!r}")
        for key in ("also", "also_opposite"):
            extra = r.get(key, [])
            bad = not isinstance(extra, list) or any(c not in CATS for c in extra)
            if bad or len(set(extra)) < len(extra):
                problems.append(f"{where}: bad {key}")
            if extra and talk == "neutral":
                problems.append(f"{where}: {key} on a neutral row")
        if cat in r.get("also", []):
            problems.append(f"{where}: 'also' repeats darn_cat")
    return problems


def count_table(records: list[dict]) -> str:
    """Markdown table: rows = talk x category, columns = source."""
    lines = ["| talk | darn_cat | annomi | written | total |", "|---|---|---:|---:|---:|"]

    def n(talk: str, cat: str | None, source: str) -> int:
        return sum(1 for r in records if (r["talk"], r["darn_cat"], r["source"]) == (talk, cat, source))

    for talk in TALKS:
        for cat in CATS if talk != "neutral" else (None,):
            a, w = n(talk, cat, "annomi"), n(talk, cat, "written")
            lines.append(f"| {talk} | {cat or '-'} | {a} | {w} | {a + w} |")
    for talk in TALKS:
        a = sum(1 for r in records if r["talk"] == talk and r["source"] == "annomi")
        w = sum(1 for r in records if r["talk"] == talk and r["source"] == "written")
        lines.append(f"| **{talk} (all)** | | {a} | {w} | {a + w} |")
    a = sum(1 for r in records if r["source"] == "annomi")
    lines.append(f"| **total** | | {a} | {len(records) - a} | {len(records)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", type=Path, help="hand-labelled JSONL to compare against the selection")
    args = ap.parse_args(argv)
    sel = select(load_rows())
    if args.check is None:
        for rec in sel:
            print(json.dumps(rec, ensure_ascii=False))
        return 0
    labelled = []
    problems = []
    for n, line in enumerate(args.check.read_text(encoding="utf-8").splitlines(), 1):
        try:
            labelled.append(json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: invalid JSON ({exc})")
    problems += validate(labelled)
    got = {r["id"]: r for r in labelled if r.get("source") == "annomi"}
    want = {r["id"]: r for r in sel}
    problems += [f"missing {i}" for i in want if i not in got]
    problems += [f"unexpected {i}" for i in got if i not in want]
    for i in want.keys() & got.keys():
        for key in ("text", "context", "transcript_id", "utterance_id", "annomi_talk"):
            if got[i].get(key) != want[i][key]:
                problems.append(f"{i}: field {key!r} differs from the regenerated selection")
    n_written = sum(1 for r in labelled if r.get("source") == "written")
    if len(labelled) < 260 or len(got) < 200 or n_written < 60:
        problems.append(f"too few rows: {len(labelled)} total, {len(got)} annomi, {n_written} written")
    if not problems:
        print(count_table(labelled))
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(want)} selected, {len(got)} annomi rows in file, {n_written} written, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
