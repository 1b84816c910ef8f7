#!/usr/bin/env python3
"""Choose a retrieval setting by cross-validation on the development set only.

    python3 scripts/cross-validate.py AlternatesWeight 0.6 1.0 1.4 1.8 2.2 2.6 3.0

Splits tests/Knowledge.Tests/Evaluation/questions.yaml into K folds (stratified by intent, fixed
seed), runs `eval --retrieval-only` on every fold with every value of Knowledge:Retrieval:<OPTION>,
and for each fold picks the value that does best on the other folds (hit@1, then MRR, then the
value nearest the current default). Prints each value's figures on the whole set, the choice per
fold, and the cross-validated hit@1 of choosing that way beside the default's. The locked blind set
is never read.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONS = os.path.join(ROOT, "tests", "Knowledge.Tests", "Evaluation", "questions.yaml")
BOT = os.path.join(ROOT, "src", "Bot", "bin", "Release", "net10.0", "CareerBot.Bot.dll")


def entries(path):
    """The question set's entries as text blocks, each with its intent."""
    blocks, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("- q:"):
                current = [line]
                blocks.append(current)
            elif current is not None and line.startswith("  "):
                current.append(line)
    result = []
    for block in blocks:
        text = "".join(block)
        intent = re.search(r"^  intent:\s*(\S+)", text, re.M).group(1)
        result.append((intent, text))
    return result


def folds(items, k, seed):
    by_intent = {}
    for intent, text in items:
        by_intent.setdefault(intent, []).append(text)
    rng = random.Random(seed)
    out = [[] for _ in range(k)]
    n = 0
    for intent in sorted(by_intent):
        group = by_intent[intent]
        rng.shuffle(group)
        for text in group:
            out[n % k].append(text)
            n += 1
    return out


def evaluate(path, option, value):
    env = dict(os.environ, **{f"Knowledge__Retrieval__{option}": str(value)})
    run = subprocess.run(["dotnet", BOT, "eval", "--questions", path, "--retrieval-only", "--no-misses"],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    questions = int(re.search(r"Retrieval \((\d+) in-scope questions\)", run.stdout).group(1))
    row = re.search(r"^\| CareerBot \(intent[^|]*\| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", run.stdout, re.M)
    hit1, mrr = float(row.group(1)), float(row.group(3))
    return questions, round(hit1 * questions), mrr * questions


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("option", help="a Knowledge:Retrieval setting, e.g. AlternatesWeight")
    parser.add_argument("values", nargs="+", type=float)
    parser.add_argument("--default", type=float, help="the setting's current value (ties go to the value nearest it)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    if not os.path.exists(BOT):
        sys.exit(f"build first: dotnet build -c Release src/Bot ({BOT} is missing)")

    default = args.default if args.default is not None else args.values[len(args.values) // 2]
    split = folds(entries(QUESTIONS), args.folds, args.seed)
    scores = {}  # (fold, value) -> (questions, hits, mrr sum)
    with tempfile.TemporaryDirectory() as tmp:
        for f, fold in enumerate(split):
            path = os.path.join(tmp, f"fold{f}.yaml")
            with open(path, "w", encoding="utf-8") as out:
                out.write("".join(fold))
            for value in args.values:
                scores[(f, value)] = evaluate(path, args.option, value)

    total = sum(scores[(f, args.values[0])][0] for f in range(args.folds))
    print(f"Cross-validation of Knowledge:Retrieval:{args.option} on questions.yaml "
          f"({total} in-scope questions, {args.folds} folds stratified by intent, seed {args.seed})\n")
    print("| value | hit@1 (all folds) | MRR |")
    print("| ---: | ---: | ---: |")
    for value in args.values:
        hits = sum(scores[(f, value)][1] for f in range(args.folds))
        mrr = sum(scores[(f, value)][2] for f in range(args.folds))
        print(f"| {value:g} | {hits / total:.3f} ({hits}) | {mrr / total:.3f} |")

    print("\n| fold | chosen on the other folds | its hit@1 on this fold | default's |")
    print("| ---: | ---: | ---: | ---: |")
    chosen_hits = default_hits = 0
    for f in range(args.folds):
        def train(value):
            others = [scores[(g, value)] for g in range(args.folds) if g != f]
            return (sum(o[1] for o in others), sum(o[2] for o in others), -abs(value - default))
        best = max(args.values, key=train)
        q, hits, _ = scores[(f, best)]
        chosen_hits += hits
        default_hits += scores[(f, default)][1] if (f, default) in scores else 0
        print(f"| {f} | {best:g} | {hits} of {q} | {scores[(f, default)][1] if (f, default) in scores else '—'} |")
    print(f"\nCross-validated hit@1 choosing per fold: {chosen_hits / total:.3f}; the default ({default:g}): {default_hits / total:.3f}")


if __name__ == "__main__":
    main()
