"""Reference side of the scoring benchmark: lm-evaluation-harness and the prize pipeline's way, on 2 threads.

    python scripts/bench/measure.py peak --out peak.json
    python scripts/bench/measure.py reference --model DIR --data FILE.csv --out ref.json [--naive-rows N]
    python scripts/bench/measure.py agree --reference ref.json --engine scores.jsonl

`peak`: this machine's fp32 matmul rate through PyTorch's libtorch (best of the model's own matrix shapes).
`reference`: examples/s of lm-evaluation-harness's HFLM.loglikelihood (batch 16 and 64; tokenizing included, as
  a user runs it) and of the prize pipeline's way (batch 1, one forward per prompt + class, the vocabulary head at
  every position), the tokens each runs through the model body, the tokens that must be computed (every shared
  prefix once), and every example's class log-probs.
`agree`: the largest difference between an engine's `score` JSONL and lm-eval's class log-probs.
"""

import argparse
import ast
import csv
import json
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch  # noqa: E402

TOLERANCE = 1e-5


def set_threads(n):
    torch.set_num_threads(n)
    try:
        torch.set_num_interop_threads(n)
    except RuntimeError:
        pass


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [(r["prompt"], list(ast.literal_eval(r["classes"])), int(r["answer_index"])) for r in csv.DictReader(f)]


# ---------------------------------------------------------------------------------------------------------- peak

def peak(args):
    set_threads(args.threads)
    shapes = [(2048, 768, 768), (2048, 768, 2304), (2048, 768, 3072), (2048, 3072, 768), (2048, 2048, 2048)]
    results = []
    for m, k, n in shapes:
        a, b = torch.randn(m, k), torch.randn(k, n)
        torch.matmul(a, b)
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            torch.matmul(a, b)
            best = min(best, time.perf_counter() - start)
        results.append({"m": m, "k": k, "n": n, "gflops": 2 * m * k * n / best / 1e9})
        print(f"matmul {m}x{k} @ {k}x{n}: {results[-1]['gflops']:.1f} GFLOP/s", file=sys.stderr)
    out = {"threads": args.threads, "torch": torch.__version__, "shapes": results,
           "gflops": max(r["gflops"] for r in results)}
    write_json(args.out, out)


# ----------------------------------------------------------------------------------------------------- reference

class InputCounter:
    """Counts the tokens HFLM feeds its model, by watching the right-padded batches it builds."""

    def __init__(self):
        self.tokens = self.padded = self.forwards = 0

    def wrap(self, pad_and_concat):
        def counted(max_length, tensors, padding_side="right"):
            if padding_side == "right":
                self.tokens += sum(t.shape[0] for t in tensors)
                self.padded += max_length * len(tensors)
                self.forwards += 1
            return pad_and_concat(max_length, tensors, padding_side=padding_side)
        return counted


def body_and_head_weights(model):
    """Weights of the transformer blocks' matrices (2 FLOPs each per token; biases and norms left out, as the engine's
    `bench` counts) and of the vocabulary head."""
    head = model.get_output_embeddings().weight.numel()
    body = 0
    for name, module in model.named_modules():
        weight = getattr(module, "weight", None)
        if weight is None or weight.dim() != 2 or module is model.get_output_embeddings():
            continue
        if module is model.get_input_embeddings() or "wpe" in name:
            continue
        body += weight.numel()
    return body, head


def split(tokenizer, prompt, cls):
    """lm-eval's boundary: the class tokens are encode(prompt + class) after encode(prompt)."""
    context = tokenizer(prompt, add_special_tokens=False).input_ids
    whole = tokenizer(prompt + cls, add_special_tokens=False).input_ids
    return context, whole[len(context):], whole[:len(context)] == context


def must_compute(tokenizer, rows):
    """Tokens through the body and positions through the head when every shared prefix (across rows and classes)
    runs once: the nodes of the prefix tree of every prompt + class input."""
    root = {}
    body = head = 0
    prefix_ok = 0
    for prompt, classes, _ in rows:
        for cls in dict.fromkeys(classes):
            context, continuation, ok = split(tokenizer, prompt, cls)
            prefix_ok += ok
            sequence = (context + continuation)[:-1]
            node = root
            for i, token in enumerate(sequence):
                child = node.get(token)
                if child is None:
                    child = node[token] = {}
                    body += 1
                if i >= len(context) - 1:
                    if not child.get("scored"):
                        child["scored"] = True
                        head += 1
                node = child
    return body, head, prefix_ok


def lm_eval_runs(model_dir, rows, batch_sizes, threads):
    import lm_eval.models.huggingface as hf
    from lm_eval.api.instance import Instance

    counter = InputCounter()
    hf.pad_and_concat = counter.wrap(hf.pad_and_concat)
    lm = hf.HFLM(pretrained=model_dir, backend="causal", device="cpu", dtype="float32", batch_size=batch_sizes[0])
    set_threads(threads)
    requests = [Instance(request_type="loglikelihood", doc={}, arguments=(prompt, cls), idx=j)
                for prompt, classes, _ in rows for j, cls in enumerate(classes)]
    warmup = requests[:4]
    runs = {}
    logprobs = None
    for batch in batch_sizes:
        lm.batch_size_per_gpu = batch
        lm.loglikelihood(warmup, disable_tqdm=True)
        counter.__init__()
        start, cpu = time.perf_counter(), time.process_time()
        answers = lm.loglikelihood(requests, disable_tqdm=True)
        seconds = time.perf_counter() - start
        runs[str(batch)] = {"seconds": seconds, "cpu_seconds": time.process_time() - cpu,
                            "examples_per_second": len(rows) / seconds,
                            "body_tokens": counter.tokens, "padded_tokens": counter.padded,
                            "forwards": counter.forwards}
        print(f"lm-eval HFLM batch {batch}: {seconds:.1f} s, {len(rows) / seconds:.2f} examples/s, "
              f"{counter.tokens:,} tokens ({counter.padded:,} padded)", file=sys.stderr)
        flat = [a[0] for a in answers]
        logprobs, k = [], 0
        for _, classes, _ in rows:
            logprobs.append(flat[k:k + len(classes)])
            k += len(classes)
    return lm, runs, logprobs


@torch.inference_mode()
def naive_run(model, tokenizer, rows):
    """The prize pipeline's way: each prompt + class alone, batch 1, log-softmax over the head at every position."""
    tokens = 0
    logprobs = []
    start, cpu = time.perf_counter(), time.process_time()
    for prompt, classes, _ in rows:
        row = []
        for cls in classes:
            context, continuation, _ = split(tokenizer, prompt, cls)
            ids = context + continuation
            tokens += len(ids)
            logits = model(torch.tensor([ids])).logits[0].float()
            logp = torch.log_softmax(logits, dim=-1)
            positions = torch.arange(len(context) - 1, len(ids) - 1)
            row.append(logp[positions, torch.tensor(continuation)].sum().item())
        logprobs.append(row)
    seconds = time.perf_counter() - start
    return {"rows": len(rows), "seconds": seconds, "cpu_seconds": time.process_time() - cpu,
            "examples_per_second": len(rows) / seconds,
            "body_tokens": tokens}, logprobs


def largest_difference(a, b):
    return max((abs(x - y) for ra, rb in zip(a, b) for x, y in zip(ra, rb)), default=0.0)


def reference(args):
    set_threads(args.threads)
    rows = read_rows(args.data)
    lm, runs, lm_logprobs = lm_eval_runs(args.model, rows, args.batch_sizes, args.threads)
    model, tokenizer = lm.model, lm.tokenizer
    body, head = body_and_head_weights(model)
    must_body, must_head, prefix_ok = must_compute(tokenizer, rows)

    naive_rows = rows[:args.naive_rows] if args.naive_rows else rows
    naive, naive_logprobs = naive_run(model, tokenizer, naive_rows)
    print(f"naive (batch 1, forward per class) on {len(naive_rows)} rows: {naive['seconds']:.1f} s, "
          f"{naive['examples_per_second']:.2f} examples/s", file=sys.stderr)
    naive["largest_difference_to_lm_eval"] = largest_difference(naive_logprobs, lm_logprobs)

    best = max(runs, key=lambda b: runs[b]["examples_per_second"])
    out = {
        "model": os.path.basename(os.path.normpath(args.model)), "data": os.path.basename(args.data),
        "examples": len(rows), "threads": args.threads, "torch": torch.__version__,
        "body_weights": body, "head_weights": head,
        "must_compute": {"body_tokens": must_body, "head_positions": must_head,
                         "flops": 2 * body * must_body + 2 * head * must_head},
        "rows_with_prompt_prefix": prefix_ok,
        "lm_eval": {"runs": runs, "best_batch": int(best), **runs[best]},
        "naive": naive,
        "class_logprobs": lm_logprobs,
    }
    write_json(args.out, out)


# --------------------------------------------------------------------------------------------------------- agree

def engine_logprobs(path):
    """Class log-probs by example index from the engine's `score` JSONL (rows with an error are skipped)."""
    found = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                values = r.get("class_logprobs")
                if values is None and isinstance(r.get("classes"), list):
                    values = [c.get("logprob") for c in r["classes"]]
                if values is not None:
                    found[r["index"]] = values
    return found


def agreement(reference_logprobs, engine_path):
    engine = engine_logprobs(engine_path)
    worst, over, compared = 0.0, 0, 0
    for i, ref in enumerate(reference_logprobs):
        if i not in engine:
            continue
        compared += 1
        d = max(abs(a - b) for a, b in zip(ref, engine[i]))
        worst = max(worst, d)
        over += d > TOLERANCE
    return {"compared": compared, "of": len(reference_logprobs), "largest_difference": worst,
            "rows_over_tolerance": over, "tolerance": TOLERANCE}


def agree(args):
    with open(args.reference) as f:
        ref = json.load(f)
    result = agreement(ref["class_logprobs"], args.engine)
    print(json.dumps(result))
    if args.out:
        write_json(args.out, result)
    return 0 if result["compared"] == result["of"] and result["rows_over_tolerance"] == 0 else 1


def write_json(path, value):
    text = json.dumps(value, indent=1)
    if path:
        with open(path, "w") as f:
            f.write(text)
    else:
        print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("peak")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--out")
    r = sub.add_parser("reference")
    r.add_argument("--model", required=True)
    r.add_argument("--data", required=True)
    r.add_argument("--batch-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[16, 64])
    r.add_argument("--naive-rows", type=int, default=0, help="rows for the batch-1 way (0: all); its rate is per row")
    r.add_argument("--out")
    a = sub.add_parser("agree")
    a.add_argument("--reference", required=True)
    a.add_argument("--engine", required=True)
    a.add_argument("--out")
    args = parser.parse_args()
    return {"peak": peak, "reference": reference, "agree": agree}[args.command](args) or 0


if __name__ == "__main__":
    sys.exit(main())
