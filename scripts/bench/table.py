"""Prints compare.sh's results as one Markdown table (columns explained in docs/performance.md).

    python scripts/bench/table.py RESULTS_DIR
"""

import json
import re
import sys
from pathlib import Path

ENGINE_LINE = re.compile(r"^engine\b.*?([\d.]+) s\s+([\d.]+) examples/s(?:\s+([\d.]+) tokens/s)?\s+([\d.]+) GFLOP/s")
ENGINE_PEAK = re.compile(r"matmul peak[^:]*: ([\d.]+) GFLOP/s")
BODY_TOKENS = re.compile(r"^tokens through the body: engine ([\d,]+)")


def engine_bench(path):
    """The fastest timed engine line of `bench`'s output (seconds, examples/s, GFLOP/s) and its body tokens (from
    its tokens/s, or from the line that counts them)."""
    if not path.exists():
        return None
    best, counted = None, None
    for line in path.read_text(errors="replace").splitlines():
        m = ENGINE_LINE.search(line)
        if m and "first pass" not in line:
            seconds, eps, gflops = float(m[1]), float(m[2]), float(m[4])
            if best is None or eps > best["examples_per_second"]:
                best = {"seconds": seconds, "examples_per_second": eps, "gflops": gflops,
                        "body_tokens": float(m[3]) * seconds if m[3] else None}
        t = BODY_TOKENS.search(line)
        if t:
            counted = int(t[1].replace(",", ""))
    if best and best["body_tokens"] is None:
        best["body_tokens"] = counted
    return best


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


SCORE_PROCESS = re.compile(r"score process: wall ([\d.]+) s, user ([\d.]+) s, sys ([\d.]+) s(?:, peak RSS (\d+) kB)?")


def engine_peak(path):
    """The matmul peak `bench` measures through the engine's own libtorch (the higher of its readings), when it prints one."""
    found = path.exists() and ENGINE_PEAK.findall(path.read_text(errors="replace"))
    return max(float(x) for x in found) if found else None


def score_process(path):
    """Wall and CPU seconds of the whole `score` process (JVM start, model load and JIT included)."""
    if not path.exists():
        return None
    text = path.read_text(errors="replace")
    m = SCORE_PROCESS.search(text)
    if m:
        return {"wall": float(m[1]), "cpu": float(m[2]) + float(m[3]), "rss_gb": m[4] and int(m[4]) / 1e6}
    wall = re.search(r"score process wall time: ([\d.]+) s", text)
    return wall and {"wall": float(wall[1]), "cpu": None, "rss_gb": None}


def load(path):
    return json.loads(path.read_text()) if path.exists() else None


def fmt(value, pattern="{:.1f}"):
    return "–" if value is None else pattern.format(value)


def rate(value):
    return fmt(value, "{:.2f}" if value is not None and value < 10 else "{:.1f}")


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
    cpu_rows = []
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
            " / ".join(rate(runs[b]["examples_per_second"]) for b in sorted(runs, key=int)),
            rate(naive["examples_per_second"]),
            rate(bench_eps), rate(score_eps),
            fmt(ratio(bench_eps, lm["examples_per_second"]), "{:.2f}×") + " / "
            + fmt(ratio(score_eps, lm["examples_per_second"]), "{:.2f}×"),
            fmt(ratio(bench_eps, naive["examples_per_second"]), "{:.1f}×") + " / "
            + fmt(ratio(score_eps, naive["examples_per_second"]), "{:.1f}×"),
            f"{lm['body_tokens']:,} / " + (f"{bench['body_tokens']:,.0f}" if bench and bench["body_tokens"] else "–") + f" / {once['body_tokens']:,}",
            fmt(lm_work / lm["seconds"] / 1e9) + " / " + fmt(bench and bench["gflops"]),
            " / ".join(fmt(u) for u in useful),
            " / ".join(fmt(ratio(u, peak_gflops), "{:.0%}") if u else "–" for u in useful),
            fmt(agree and agree["largest_difference"], "{:.1e}")
            + ("" if not agree or (agree["rows_over_tolerance"] == 0 and agree["compared"] == agree["of"])
               else f" ({agree['rows_over_tolerance']} rows over {agree['tolerance']:g}, {agree['compared']}/{agree['of']} compared)"),
        ]
        print("| " + " | ".join(cells) + " |")
        process = score_process(case / "score.err")
        per = 100 / ref["examples"]
        cpu_rows.append([
            ref["model"], ref["data"].removesuffix(".csv"),
            fmt(lm.get("cpu_seconds") and lm["cpu_seconds"] * per),
            fmt(naive.get("cpu_seconds") and naive["cpu_seconds"] * 100 / naive["rows"]),
            fmt(process and process["cpu"] and process["cpu"] * per),
            fmt(ratio(lm.get("cpu_seconds"), process and process["cpu"]), "{:.1f}×"),
            fmt(process and process["wall"]),
            fmt(process and process["rss_gb"], "{:.2f}"),
            fmt(engine_peak(case / "bench.txt")),
        ])
    print("\n| model | data | CPU s per 100 examples: lm-eval (faster batch) | naive | engine `score` process "
          "(JVM start, load, JIT included) | × lm-eval by CPU | `score` process wall s | `score` peak RSS, GB | "
          "matmul peak `bench` measured, GFLOP/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in cpu_rows:
        print("| " + " | ".join(row) + " |")
    if peak:
        print(f"\nmatmul peak (PyTorch {peak['torch']} libtorch, fp32, {peak['threads']} threads): "
              f"{peak_gflops:.1f} GFLOP/s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "scripts/bench/out/results")
