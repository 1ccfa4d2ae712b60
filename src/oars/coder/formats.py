"""Coded transcripts as JSON (the contract other tools read) and CSV (one row per utterance)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from oars.coder.coder import CodedTranscript

__all__ = ["CSV_COLUMNS", "to_csv", "to_json", "to_json_dict"]

SCHEMA_VERSION = "1.0"
CSV_COLUMNS = (
    "transcript_id",
    "index",
    "speaker",
    "text",
    "behaviour",
    "subtype",
    "miti",
    "talk",
    "darn_cat",
    "confidence",
)


def to_json_dict(coded: Sequence[CodedTranscript]) -> dict[str, Any]:
    """``{"transcripts": [...]}`` as documented in docs/json-contract.md."""
    return {"schema": SCHEMA_VERSION, "transcripts": [c.to_dict() for c in coded]}


def to_json(coded: Sequence[CodedTranscript], *, indent: int | None = 2) -> str:
    return json.dumps(to_json_dict(coded), indent=indent, ensure_ascii=False) + "\n"


def to_csv(coded: Sequence[CodedTranscript]) -> str:
    """One row per utterance; MITI codes space-separated. Spreadsheet-safe: formulas are neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for transcript in coded:
        for u in transcript.utterances:
            writer.writerow(
                (
                    transcript.id,
                    u.index,
                    u.speaker.value,
                    _cell(u.text),
                    u.behaviour.value if u.behaviour else "",
                    u.subtype or "",
                    " ".join(code.value for code in u.miti),
                    u.talk.value if u.talk else "",
                    u.darn_cat.value if u.darn_cat else "",
                    f"{u.confidence:.4f}",
                )
            )
    return out.getvalue()


def _cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula (CSV injection: ``=HYPERLINK(...)``).

    Transcripts often start a turn with a dash ("-and then I left"), which is kept as is; a dash before a
    digit or symbol could start a formula and gets the apostrophe too.
    """
    risky = text[:1] in ("=", "+", "@", "\t", "\r") or (
        text[:1] == "-" and not (text[1:2].isalpha() or text[1:2] in (" ", "-"))
    )
    return "'" + text if risky else text
