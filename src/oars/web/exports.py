"""A client's exported record as CSV: one row per stored event, readable in a spreadsheet.

The JSON export is the record itself (``Repository.export_client``); the CSV flattens it so a person
can read it without tools. Cells that a spreadsheet would run as a formula are neutralised (CSV
injection: a client could type ``=HYPERLINK(…)`` into the chat).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

__all__ = ["CSV_COLUMNS", "record_csv"]

CSV_COLUMNS = ("client_id", "session_id", "seq", "at", "kind", "text", "data")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def record_csv(record: dict[str, Any]) -> str:
    """The record's events, one row each; ``text`` is what was said (if anything), ``data`` the rest as JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    client_id = record["client"]["id"]
    for session in record["sessions"]:
        for seq, event in enumerate(session["events"]):
            data = dict(event["data"])
            text = str(data.pop("text", ""))
            writer.writerow(
                (client_id, session["id"], seq, event["at"], event["kind"], _cell(text), _cell(json.dumps(data)))
            )
    return out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
