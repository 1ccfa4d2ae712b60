"""Regenerate the AnnoMI portion of data/miti/handlabelled.jsonl (ids, context, text).

The MITI 4.2.1 codes in handlabelled.jsonl are hand-assigned and are NOT produced by
this script; it only reproduces *which* counsellor utterances were selected and the
context shown to the labeller.

Procedure (fixed, deterministic):
1. Read AnnoMI-full.train.csv with a real CSV parser; sort by (transcript_id, utterance_id).
2. Candidate pool = therapist rows whose utterance_text has >= 3 whitespace-separated words.
3. Random part: rng = random.Random(2026); draw N_RANDOM_PER_STRATUM rows without replacement
   from the mi_quality == "low" pool and then the same number from the "high" pool
   (rng.sample over the pool in sorted order, low first, then high).
4. Keyword part: from the pool minus the random part, find rows whose lower-cased text matches
   each keyword pattern in KEYWORDS (in order). Using rng2 = random.Random(2027), shuffle each
   keyword's match list, then take rows round-robin over the keywords (skipping rows already
   taken) until N_KEYWORD rows are selected. Each record notes the keyword that selected it.
5. Context = up to 3 preceding rows of the same transcript (oldest first), speaker
   therapist -> "counsellor", client -> "client".

Usage:
  python data/miti/sample_annomi.py [--csv PATH] [--out PATH]
      Writes the selection, one JSON object per line (no codes), in the order:
      random (sorted by transcript/utterance), keyword (sorted by transcript/utterance).
  python data/miti/sample_annomi.py --check data/miti/handlabelled.jsonl [--csv PATH]
      Validates the labelled file (JSON per line, required fields, codes from the MITI set,
      unique ids, >= 320 rows, >= 15 rows per rare code, AnnoMI rows identical to the
      regenerated selection) and prints a table of code counts. Exit status 1 on failure.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import pandas as pd

CSV = "/work/shared/data/annomi/AnnoMI-full.train.csv"
N_RANDOM_PER_STRATUM = 110
N_KEYWORD = 60
KEYWORDS = [
    ("should", r"\bshould\b"),
    ("need to", r"\bneed to\b"),
    ("have to", r"\bha(?:ve|s) to\b"),
    ("up to you", r"\bup to you\b"),
    ("your choice", r"\byour (?:choice|decision)\b"),
    ("decide", r"\bdecid(?:e|ed|es|ing)\b"),
    ("great", r"\bgreat\b"),
    ("good job", r"\bgood (?:job|work|for you)\b|\bwell done\b"),
    ("proud", r"\bproud\b"),
    ("strength", r"\bstrength|\bstrong\b"),
    ("may I", r"\bmay i\b|\bcan i (?:ask|share|tell|give|offer)\b"),
    (
        "would it be okay",
        r"\bwould (?:it|that) be (?:ok|okay|alright|all right)\b|\bwould you mind\b"
        r"|\bis it (?:ok|okay|alright|all right) if\b",
    ),
    ("permission", r"\bpermission\b"),
    ("what do you think", r"\bwhat do you think\b"),
    ("really?", r"\breally\?"),
    ("denial", r"\bdenial\b|\bin denial\b"),
    ("honest", r"\bhonest"),
]


def word_count(s: str) -> int:
    return len(str(s).split())


def load(csv: str) -> pd.DataFrame:
    df = pd.read_csv(csv)
    return df.sort_values(["transcript_id", "utterance_id"]).reset_index(drop=True)


def context_for(df: pd.DataFrame, idx: int) -> list[dict]:
    row = df.loc[idx]
    prev = df[(df.transcript_id == row.transcript_id) & (df.utterance_id < row.utterance_id)].tail(3)
    return [
        {
            "speaker": "counsellor" if r.interlocutor == "therapist" else "client",
            "text": str(r.utterance_text),
        }
        for r in prev.itertuples()
    ]


def record(df: pd.DataFrame, idx: int, sampling: str, keyword: str | None = None) -> dict:
    r = df.loc[idx]
    rec = {
        "id": f"annomi-{int(r.transcript_id)}-{int(r.utterance_id):03d}",
        "source": "annomi",
        "sampling": sampling,
        "transcript_id": int(r.transcript_id),
        "utterance_id": int(r.utterance_id),
        "mi_quality": r.mi_quality,
        "topic": r.topic,
        "context": context_for(df, idx),
        "text": str(r.utterance_text),
        "annomi_label": r.main_therapist_behaviour,
    }
    if keyword:
        rec["keyword"] = keyword
    return rec


def select(df: pd.DataFrame) -> tuple[list[int], list[tuple[int, str]]]:
    pool = df[(df.interlocutor == "therapist") & (df.utterance_text.map(word_count) >= 3)]
    rng = random.Random(2026)
    chosen: list[int] = []
    for quality in ("low", "high"):
        idxs = pool.index[pool.mi_quality == quality].tolist()
        chosen += rng.sample(idxs, N_RANDOM_PER_STRATUM)
    taken = set(chosen)
    rest = pool.drop(index=list(taken))
    low = rest.utterance_text.str.lower()
    rng2 = random.Random(2027)
    lists = []
    for name, pat in KEYWORDS:
        m = rest.index[low.str.contains(pat, regex=True)].tolist()
        rng2.shuffle(m)
        lists.append((name, m))
    kw: list[tuple[int, str]] = []
    while len(kw) < N_KEYWORD and any(m for _, m in lists):
        for name, m in lists:
            while m and m[0] in taken:
                m.pop(0)
            if m and len(kw) < N_KEYWORD:
                i = m.pop(0)
                taken.add(i)
                kw.append((i, name))
    return sorted(chosen), sorted(kw)


CODES = ["GI", "Persuade", "PwP", "Q", "SR", "CR", "AF", "Seek", "Emphasize", "Confront"]
RARE = ["AF", "Seek", "Emphasize", "Persuade", "PwP", "Confront"]
REQUIRED = ["id", "source", "transcript_id", "utterance_id", "context", "text", "codes", "note"]


def check(path: str, df: pd.DataFrame) -> int:
    errors: list[str] = []
    recs = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            for k in REQUIRED:
                if k not in r:
                    errors.append(f"line {n}: missing field {k!r}")
            codes = r.get("codes", [])
            bad = not isinstance(codes, list) or any(c not in CODES for c in codes)
            if bad or len(set(codes)) != len(codes):
                errors.append(f"line {n}: bad codes {codes!r}")
            if r.get("source") not in ("annomi", "written"):
                errors.append(f"line {n}: bad source {r.get('source')!r}")
            ctx = r.get("context", [])
            if len(ctx) > 3 or any(c.get("speaker") not in ("client", "counsellor") for c in ctx):
                errors.append(f"line {n}: bad context")
            recs.append(r)
    ids = [r.get("id") for r in recs]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    if len(recs) < 320:
        errors.append(f"only {len(recs)} rows (< 320)")
    rand, kw = select(df)
    expected = {
        x["id"]: x for x in [record(df, i, "random") for i in rand] + [record(df, i, "keyword", k) for i, k in kw]
    }
    got = {r["id"]: r for r in recs if r.get("source") == "annomi"}
    if set(got) != set(expected):
        diff = sorted(set(got) ^ set(expected))[:10]
        errors.append(f"AnnoMI ids differ from the regenerated selection: {diff}")
    for i in set(got) & set(expected):
        for k in ("text", "context", "sampling", "transcript_id", "utterance_id"):
            if got[i].get(k) != expected[i][k]:
                errors.append(f"{i}: field {k!r} differs from the regenerated selection")
    groups = {
        "annomi/random": [r for r in recs if r.get("sampling") == "random"],
        "annomi/keyword": [r for r in recs if r.get("sampling") == "keyword"],
        "written": [r for r in recs if r.get("source") == "written"],
        "all": recs,
    }
    print("| code | " + " | ".join(groups) + " |")
    print("|---|" + "---:|" * len(groups))
    print("| rows | " + " | ".join(str(len(v)) for v in groups.values()) + " |")
    for c in [*CODES, "(none)"]:
        cnt = [
            sum((c in r.get("codes", [])) if c != "(none)" else (r.get("codes") == []) for r in v)
            for v in groups.values()
        ]
        print(f"| {c} | " + " | ".join(map(str, cnt)) + " |")
    for c in RARE:
        n_all = sum(c in r.get("codes", []) for r in recs)
        if n_all < 15:
            errors.append(f"only {n_all} rows with {c} (< 15)")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default=CSV)
    ap.add_argument("--out", default="-")
    ap.add_argument("--check", metavar="JSONL", help="validate a labelled file instead of writing the selection")
    a = ap.parse_args()
    df = load(a.csv)
    if a.check:
        raise SystemExit(check(a.check, df))
    rand, kw = select(df)
    recs = [record(df, i, "random") for i in rand] + [record(df, i, "keyword", k) for i, k in kw]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n"
    if a.out == "-":
        print(lines, end="")
    else:
        with Path(a.out).open("w", encoding="utf-8") as f:
            f.write(lines)


if __name__ == "__main__":
    main()
