"""The public API: everything in ``oars.__all__`` resolves, and the list is sorted and complete."""

from __future__ import annotations

import subprocess
import sys

import oars


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert len(set(oars.__all__)) == len(oars.__all__)
    for name in oars.__all__:
        assert getattr(oars, name) is not None, name


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        oars.NoSuchThing  # noqa: B018
    except AttributeError as error:
        assert "NoSuchThing" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_oars_does_not_load_the_model() -> None:
    code = "import sys, oars; oars.Transcript; print('onnxruntime' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_all_lists_exactly_the_exports() -> None:
    assert set(oars.__all__) == set(oars._EXPORTS) | {"__version__"}
