#!/usr/bin/env bash
# The scoring engine against lm-evaluation-harness and the prize pipeline's way, in one run, on the same inputs and
# 2 threads each, then one table (docs/performance.md explains it).
#
#   scripts/bench/compare.sh WORKER_JAR [RESULTS_DIR]
#
# WORKER_JAR: the worker's fat jar (scoring-worker/target/ladderboard-worker.jar or any other build of it).
# Environment:
#   PYTHON        the benchmark venv's python (default scripts/bench/.venv/bin/python; set-up in docs/performance.md)
#   MODELS        checkpoint names under scripts/bench/out/models (default: gpt2-small-random pythia-160m-random)
#   DATASETS      csv names under scripts/bench/out/data (default: memo-trap-like memo-trap-like-4shot neqa-like)
#   NAIVE_ROWS    rows scored the batch-1 way (default 100; each row runs alone, so the rate does not depend on it)
#   LM_EVAL_BATCH_SIZES  HFLM batch sizes, comma-separated (default 16,64; the table compares with the faster)
#   ENGINE_ARGS   extra options for the engine's bench and score (e.g. "--batch-tokens 1024")
#   BENCH_ARGS    options for bench only (default "--repeat 2 --naive-limit 4": the naive way is measured here)
#   REUSE_REFERENCE=1  keep reference.json files already in RESULTS_DIR (to rerun only the engine side)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
jar=${1:?usage: compare.sh WORKER_JAR [RESULTS_DIR]}
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
results=${2:-$here/out/results}
python=${PYTHON:-$here/.venv/bin/python}
models=${MODELS:-gpt2-small-random pythia-160m-random}
datasets=${DATASETS:-memo-trap-like memo-trap-like-4shot neqa-like}
naive_rows=${NAIVE_ROWS:-100}
lm_eval_batches=${LM_EVAL_BATCH_SIZES:-16,64}
engine_args=${ENGINE_ARGS:-}
bench_args=${BENCH_ARGS:---repeat 2 --naive-limit 4}

[ -f "$jar" ] || { echo "no worker jar at $jar" >&2; exit 2; }
[ -x "$python" ] || { echo "no benchmark python at $python (see docs/performance.md, 'Python set-up')" >&2; exit 2; }

# 2 threads on every side: PyTorch in Python sets its own; libtorch under DJL reads these.
export OMP_NUM_THREADS=2 MKL_NUM_THREADS=2
java_threads=(-Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=2)

mkdir -p "$results"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "jar: $jar ($(stat -c %s "$jar") bytes, $(date -u -r "$jar" +%FT%TZ))"
  echo "checkout holding the jar, HEAD now: $(git -C "$(dirname "$jar")" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
       "($(git -C "$(dirname "$jar")" status --short --untracked-files=no 2>/dev/null | wc -l) files changed since)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-) x $(nproc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "engine args: $engine_args; bench args: $bench_args; naive rows: $naive_rows; lm-eval batch sizes: $lm_eval_batches"
} | tee "$results/run.txt"

"$python" "$here/make_inputs.py" --out "$here/out" >&2
"$python" "$here/measure.py" --threads 2 peak --out "$results/peak.json"

for model in $models; do
  for data in $datasets; do
    case_dir="$results/$model--$data"
    mkdir -p "$case_dir"
    rm -f "$case_dir/score.time"
    model_dir="$here/out/models/$model"
    csv="$here/out/data/$data.csv"
    echo "== $model on $data" >&2
    if [ "${REUSE_REFERENCE:-0}" != 1 ] || [ ! -f "$case_dir/reference.json" ]; then
      "$python" "$here/measure.py" --threads 2 reference --model "$model_dir" --data "$csv" \
        --naive-rows "$naive_rows" --batch-sizes "$lm_eval_batches" --out "$case_dir/reference.json"
    fi
    # shellcheck disable=SC2086
    java "${java_threads[@]}" -jar "$jar" bench --model "$model_dir" --data "$csv" $engine_args $bench_args \
      > "$case_dir/bench.txt" 2> "$case_dir/bench.err" || echo "bench failed: see $case_dir/bench.err" >&2
    grep -v '^\[' "$case_dir/bench.txt" >&2 || true
    # What a user runs: one pass over the whole file, JIT warm-up included.
    # shellcheck disable=SC2086
    /usr/bin/time -f "score process: wall %e s, user %U s, sys %S s, peak RSS %M kB" -a -o "$case_dir/score.time" \
      java "${java_threads[@]}" -jar "$jar" score --model "$model_dir" --data "$csv" $engine_args \
      --out "$case_dir/scores.jsonl" 2> "$case_dir/score.err" || echo "score failed: see $case_dir/score.err" >&2
    cat "$case_dir/score.time" >> "$case_dir/score.err"
    tail -n 2 "$case_dir/score.err" >&2
    "$python" "$here/measure.py" agree --reference "$case_dir/reference.json" --engine "$case_dir/scores.jsonl" \
      --out "$case_dir/agree.json" >&2 || echo "engine and lm-eval disagree beyond 1e-5 on $model / $data" >&2
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/run.txt"
"$python" "$here/table.py" "$results" | tee "$results/table.md"
