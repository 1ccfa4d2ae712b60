"""Fixtures shared by the transcript reader tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from oars.errors import TranscriptError

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """The committed sample transcripts."""
    return DATA


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under ``tmp_path`` (text is written as UTF-8, byte for byte) and return its path."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write_file


@pytest.fixture
def fails() -> Callable[..., TranscriptError]:
    """Run a call that must fail and check that the error names the file, the line and the problem."""

    def check(
        error_type: type[TranscriptError],
        call: Callable[[], object],
        *,
        source: str | Path,
        line: int | None,
        says: tuple[str, ...] = (),
    ) -> TranscriptError:
        with pytest.raises(error_type) as caught:
            call()
        error = caught.value
        where = f"{source}, line {line}" if line is not None else str(source)
        assert (error.source, error.line) == (str(source), line), str(error)
        assert str(error).startswith(f"{where}: "), str(error)
        for fragment in says:
            assert fragment in error.problem, f"{fragment!r} not in {error.problem!r}"
        return error

    return check
