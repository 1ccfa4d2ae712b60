"""The JSON API fuzzed from its own OpenAPI schema (schemathesis): no request, however odd, is answered 5xx.

Every operation in ``/api/v1/openapi.json`` is called with data schemathesis generates from the schema —
valid and deliberately invalid bodies, queries and path parameters — by each kind of caller: nobody, the
admin, a clinician and a client, each with their personal access token, each on a fresh copy of the small
clinic (``web_world``; a fuzzed DELETE or PATCH may switch an account off, which must not spoil the next
role's run). Path parameters are often swapped for ids that exist (own and other people's clients,
sessions, clinicians, practice sessions), so the fuzzing reaches past the 404s into the real code paths.

Besides "no 5xx", each response must conform to the schema: a documented status code, the documented
content type, and a body that matches the documented model. The runs are derandomised (the same examples
every time) and kept small enough for two cores: a few minutes in all.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from web_world import World, make_settings

from oars.web import create_app

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[test]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.slow

ROLES = ("anonymous", "admin", "clinician_a", "client_a")
# Valid data: no 5xx, and the response is what the schema documents. Invalid data (a body that is not JSON,
# a wrong type): no 5xx and a documented content type; the exact 4xx is FastAPI's (400 for a body it cannot
# parse, 422 otherwise), which the schema does not list on every operation.
CHECKS = {
    GenerationMode.POSITIVE: [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ],
    GenerationMode.NEGATIVE: [not_a_server_error, content_type_conformance],
}
EXAMPLES = 12  # per operation, role and mode (valid data, invalid data)


@pytest.fixture
def fuzzed(sqlite_template: tuple[Path, World], tmp_path: Path) -> Iterator[tuple[FastAPI, World]]:
    """A fresh copy of the small clinic for one role's run, with limits that fuzzing does not trip."""
    template, world = sqlite_template
    copy = tmp_path / "fuzz.db"
    shutil.copyfile(template, copy)
    limits = {
        "login_per_account": 100_000,
        "login_per_ip": 100_000,
        "messages_per_account": 100_000,
        "uploads_per_account": 100_000,
    }
    app = create_app(make_settings(f"sqlite:///{copy}", migrate_on_start=False, **limits))
    yield app, world
    app.state.backend.close()


@pytest.mark.parametrize("role", ROLES)
def test_every_operation_answers_every_role_without_a_server_error(role: str, fuzzed: tuple[FastAPI, World]) -> None:
    """Each operation in turn, with valid and with invalid data; every failure is reported, not just the first."""
    app, world = fuzzed
    api = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {world.person(role).token}"}
    known = _known_ids(world)
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 30
    failures: list[str] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzz(operation.as_strategy(mode), CHECKS[mode], headers, known)
            except Unsatisfiable:
                continue  # nothing about this operation can be invalid (no body, only free-text path parameters)
            except (Exception, BaseExceptionGroup) as error:  # collected: one report covering every operation
                failures.append(f"{role} {operation.label} ({mode.value} data):\n{error}")
    assert not failures, "\n\n".join(failures)


def _fuzz(strategy: Any, checks: list[Any], headers: dict[str, str], known: dict[str, list[str]]) -> None:
    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(strategy, label="case")
        for name in list(case.path_parameters or {}):
            # Half the time an id that exists (anyone's): then authorization, not a missing row, must answer.
            if name in known and data.draw(st.booleans(), label=f"real {name}"):
                case.path_parameters[name] = data.draw(st.sampled_from(known[name]), label=name)
        case.call_and_validate(headers=headers, checks=checks)

    run()


def _known_ids(world: World) -> dict[str, list[str]]:
    """Real ids for each path parameter (no token ids: revoking the caller's own token would end the run)."""
    return {
        "client_id": [world.client_a.id, world.client_b.id, world.pending_id],
        "clinician_id": [world.clinician_a.id, world.clinician_b.id],
        "session_id": [world.session_a, world.session_b],
        "questionnaire_id": ["phq9", "gad7"],
        "practice_id": [world.practice_a, world.practice_b],
    }
