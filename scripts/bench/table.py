"""Prints compare.sh's results as one Markdown table (columns explained in docs/performance.md).

    python scripts/bench/table.py RESULTS_DIR
"""

import json
import re
import sys
from pathlib import Path

ENGINE_LINE = re.compile(r"^engine\b.*?([\d.]+) s\s+([\d.]+) examples/s\s+([\d.]+) tokens/s\s+([\d.]+) GFLOP/s")


def engine_bench(path):
    """Seconds, examples/s, body tokens and GFLOP/s from the engine line of `bench`'s output."""
    if not path.exists():
        return None
    for line in path.read_text(errors="replace").splitlines():
        m = ENGINE_LINE.search(line)
        if m:
            seconds, eps, tps, gflops = map(float, m.groups())
            return {"seconds": seconds, "examples_per_second": eps, "body_tokens": tps * seconds, "gflops": gflops}
    return None


def engine_score(path):
    """The summary JSON `score` writes on stderr (its last JSON line)."""
    if not path.exists():
        return None
    for line in reversed(path.read_text(errors="replace").splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except ValueError:
                return None
    return None


def load(path):
    return json.loads(path.read_text()) if path.exists() else None


def fmt(value, pattern="{:.1f}"):
    return "–" if value is None else pattern.format(value)


def ratio(a, b):
    return None if a is None or not b else a / b


def main(results):
    results = Path(results)
    peak = load(results / "peak.json")
    peak_gflops = peak["gflops"] if peak else None
    header = ["model", "data", "lm-eval b16 / b64", "naive", "engine bench", "engine score",
              "× lm-eval (bench / score)", "× naive (bench / score)", "body tokens lm-eval / engine / once",
              "achieved GFLOP/s lm-eval / engine", "useful GFLOP/s lm-eval / bench / score",
              "useful % of peak lm-eval / bench / score", "largest Δ log-prob engine vs lm-eval"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for ref_path in sorted(results.glob("*/reference.json")):
        case = ref_path.parent
        ref = load(ref_path)
        lm, naive, once = ref["lm_eval"], ref["naive"], ref["must_compute"]
        runs = lm["runs"]
        bench = engine_bench(case / "bench.txt")
        score = engine_score(case / "score.err")
        agree = load(case / "agree.json")

        bench_eps = bench and bench["examples_per_second"]
        score_eps = score and score.get("examples_per_second")
        score_seconds = score and score.get("scoring_seconds")
        lm_work = 2 * (ref["body_weights"] + ref["head_weights"]) * lm["padded_tokens"]
        useful = [once["flops"] / s / 1e9 if s else None
                  for s in (lm["seconds"], bench and bench["seconds"], score_seconds)]
        cells = [
            ref["model"], ref["data"].removesuffix(".csv"),
            " / ".join(fmt(runs[b]["examples_per_second"]) for b in sorted(runs, key=int)),
            fmt(naive["examples_per_second"]),
            fmt(bench_eps), fmt(score_eps),
            fmt(ratio(bench_eps, lm["examples_per_second"]), "{:.2f}×") + " / "
            + fmt(ratio(score_eps, lm["examples_per_second"]), "{:.2f}×"),
            fmt(ratio(bench_eps, naive["examples_per_second"]), "{:.1f}×") + " / "
            + fmt(ratio(score_eps, naive["examples_per_second"]), "{:.1f}×"),
            f"{lm['body_tokens']:,} / " + (f"{bench['body_tokens']:,.0f}" if bench else "–") + f" / {once['body_tokens']:,}",
            fmt(lm_work / lm["seconds"] / 1e9) + " / " + fmt(bench and bench["gflops"]),
            " / ".join(fmt(u) for u in useful),
            " / ".join(fmt(ratio(u, peak_gflops), "{:.0%}") if u else "–" for u in useful),
            fmt(agree and agree["largest_difference"], "{:.1e}")
            + ("" if not agree or (agree["rows_over_tolerance"] == 0 and agree["compared"] == agree["of"])
               else f" ({agree['rows_over_tolerance']} rows over {agree['tolerance']:g}, {agree['compared']}/{agree['of']} compared)"),
        ]
        print("| " + " | ".join(cells) + " |")
    if peak:
        print(f"\nmatmul peak (PyTorch {peak['torch']} libtorch, fp32, {peak['threads']} threads): "
              f"{peak_gflops:.1f} GFLOP/s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "scripts/bench/out/results")
