"""Benchmark inputs, made the same way on every run (fixed seeds).

    python scripts/bench/make_inputs.py [--out scripts/bench/out]

Writes, under OUT:
  models/gpt2-small-random/    GPT-2-small-shaped (124M) checkpoint, random weights, GPT-2 BPE tokenizer
  models/pythia-160m-random/   Pythia-160m-shaped (GPT-NeoX, 162M) checkpoint, random weights, Pythia's tokenizer
  data/memo-trap-like.csv      300 templated 2-class rows sharing one instruction (the prize's memo-trap shape)
  data/memo-trap-like-4shot.csv  the same rows with 4 demonstrations each, built as the organisers built few-shot
  data/neqa-like.csv           300 templated multiple-choice rows with one-token classes (' A' / ' B', NeQA's shape)

The tokenizers are the GPT-2 and Pythia tokenizer.json files of the repository's test fixtures (the real
vocabularies and merges), so nothing is downloaded. Random weights are enough to measure speed and agreement.
"""

import argparse
import csv
import random
import shutil
from pathlib import Path

import torch
from transformers import GPT2Config, GPT2LMHeadModel, GPTNeoXConfig, GPTNeoXForCausalLM

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "engine/src/test/resources/fixtures/models"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")
ROWS = 300
SHOTS = 4


def gpt2_small():
    return GPT2LMHeadModel(GPT2Config(
        vocab_size=50257, n_positions=1024, n_embd=768, n_layer=12, n_head=12,
        activation_function="gelu_new", resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
        bos_token_id=50256, eos_token_id=50256, tie_word_embeddings=True))


def pythia_160m():
    return GPTNeoXForCausalLM(GPTNeoXConfig(
        vocab_size=50304, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
        intermediate_size=3072, hidden_act="gelu", rotary_pct=0.25, rotary_emb_base=10000,
        max_position_embeddings=2048, layer_norm_eps=1e-5, use_parallel_residual=True,
        tie_word_embeddings=False, attention_dropout=0.0, hidden_dropout=0.0,
        bos_token_id=0, eos_token_id=0))


def write_model(out, name, build, tokenizer_fixture, seed):
    target = out / "models" / name
    if all((target / f).exists() for f in ("model.safetensors",) + TOKENIZER_FILES):
        print(f"{target} exists, kept")
        return
    torch.manual_seed(seed)
    model = build().eval()
    target.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(target, safe_serialization=True)
    for f in TOKENIZER_FILES:
        shutil.copy(FIXTURES / tokenizer_fixture / f, target / f)
    params = sum(p.numel() for p in model.parameters())
    print(f"{target}: {params:,} parameters")


# memo-trap: "Write a quote that ends in the word X: <famous phrase minus its last word>", the expected ending
# against the memorised one.
PHRASES = [
    ("Absence makes the heart grow", "fonder"), ("Actions speak louder than", "words"),
    ("All that glitters is not", "gold"), ("A picture is worth a thousand", "words"),
    ("Beauty is in the eye of the", "beholder"), ("Better late than", "never"),
    ("Birds of a feather flock", "together"), ("Curiosity killed the", "cat"),
    ("Don't count your chickens before they", "hatch"), ("Every cloud has a silver", "lining"),
    ("Fortune favours the", "bold"), ("Honesty is the best", "policy"),
    ("Ignorance is", "bliss"), ("It takes two to", "tango"),
    ("Knowledge is", "power"), ("Laughter is the best", "medicine"),
    ("Necessity is the mother of", "invention"), ("Practice makes", "perfect"),
    ("Rome wasn't built in a", "day"), ("The early bird catches the", "worm"),
    ("The pen is mightier than the", "sword"), ("Time is", "money"),
    ("Two wrongs don't make a", "right"), ("When in Rome, do as the Romans", "do"),
    ("You can't judge a book by its", "cover"), ("An apple a day keeps the doctor", "away"),
    ("Where there's smoke, there's", "fire"), ("Great minds think", "alike"),
    ("Still waters run", "deep"), ("Misery loves", "company"),
]
ENDINGS = ["heavy", "blue", "slowly", "paper", "window", "quiet", "river", "candle", "seven", "orange",
           "silver", "garden", "broken", "winter", "mirror", "thunder", "pillow", "ladder", "honey", "stone"]
MEMO_INSTRUCTION = 'Write a quote that ends in the word "{word}":'

# NeQA: negated common-sense multiple choice, answers ' A' / ' B'.
NEQA_HEADER = "The following are multiple choice questions (with answers) about common sense.\n\n"
SUBJECTS = ["a cat", "a dog", "a child", "a plant", "a fish", "a car", "a house", "a bird", "a farmer", "a river",
            "a battery", "a tree", "a horse", "a phone", "a bridge"]
STATES = [("has a body temperature below average", "danger", "safe ranges"),
          ("is left in the sun all day", "heat", "cold"),
          ("gets no water for a week", "thirst", "floods"),
          ("is given too much food", "weight gain", "starvation"),
          ("is struck by lightning", "damage", "good repair"),
          ("is covered in snow", "cold", "a heat wave"),
          ("is kept in the dark", "darkness", "bright light"),
          ("is moved to a new place", "change", "routine"),
          ("is never cleaned", "dirt", "perfect order"),
          ("is shaken hard", "motion", "stillness")]


def memo_trap_rows(rng):
    pairs = [(p, w) for p in PHRASES for w in ENDINGS]
    rows = []
    for (phrase, memorised), word in rng.sample(pairs, ROWS):
        prompt = MEMO_INSTRUCTION.format(word=word) + "\n" + phrase
        classes = [" " + word + ".", " " + memorised + "."]
        rows.append(shuffled(rng, prompt, classes, 0))
    return rows


def neqa_rows(rng):
    phrasings = ["Question: If {s} {st}, it is not in\nA. {a}\nB. {b}\nAnswer:",
                 "Question: When {s} {st}, it is not likely to be in\nA. {a}\nB. {b}\nAnswer:"]
    cases = [(s, st, q) for s in SUBJECTS for st in STATES for q in phrasings]
    rows = []
    for subject, (state, likely, unlikely), phrasing in rng.sample(cases, ROWS):
        swap = rng.random() < 0.5
        a, b = (unlikely, likely) if swap else (likely, unlikely)
        # negated: the right answer is the unlikely state
        rows.append((NEQA_HEADER + phrasing.format(s=subject, st=state, a=a, b=b), [" A", " B"], 0 if swap else 1))
    return rows


def shuffled(rng, prompt, classes, answer):
    if rng.random() < 0.5:
        return prompt, classes, answer
    return prompt, classes[::-1], 1 - answer


def few_shot(rows, k, rng):
    """The organisers' way: k other rows of the same part, sampled without replacement, each with its correct class
    appended, joined with three newlines before the row's own prompt."""
    shots = []
    for i, (prompt, classes, answer) in enumerate(rows):
        others = rng.sample([j for j in range(len(rows)) if j != i], k)
        demos = [rows[j][0] + rows[j][1][rows[j][2]] for j in others]
        shots.append(("\n\n\n".join(demos + [prompt]), classes, answer))
    return shots


def write_csv(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["prompt", "classes", "answer_index"])
        for prompt, classes, answer in rows:
            w.writerow([prompt, repr(classes), answer])
    print(f"{path}: {len(rows)} rows")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "scripts/bench/out")
    out = parser.parse_args().out
    memo = memo_trap_rows(random.Random(13))
    write_csv(out / "data/memo-trap-like.csv", memo)
    write_csv(out / "data/memo-trap-like-4shot.csv", few_shot(memo, SHOTS, random.Random(14)))
    write_csv(out / "data/neqa-like.csv", neqa_rows(random.Random(15)))
    write_model(out, "gpt2-small-random", gpt2_small, "gpt2-tiny-random", seed=124)
    write_model(out, "pythia-160m-random", pythia_160m, "pythia-tiny-random", seed=160)


if __name__ == "__main__":
    main()
