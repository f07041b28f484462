"""Writes the load run's datasets: many small classification tasks whose answers differ, and one big file."""
import csv
import random
import sys

out, count, rows, big_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
WORDS = "the a river stone light early quiet bright cold market garden north window letter".split()


def write(path, n, seed):
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["", "prompt", "classes", "answer_index"])
        for i in range(n):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
            prompt = f"Q: Is the next word '{rng.choice(WORDS)}'? {words}\nA:"
            w.writerow([i, prompt, "[' Yes', ' No']", rng.randint(0, 1)])


for n in range(1, count + 1):
    write(f"{out}/task-{n}.csv", rows, n)
write(f"{out}/big.csv", big_rows, 0)
