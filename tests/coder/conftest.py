"""Shared fixture: the shipped coder, loaded once per test session."""

from __future__ import annotations

import pytest

from oars.coder import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()
