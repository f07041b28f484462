"""Summarises `curl -w '%{http_code} %{time_total}'` lines: status counts and p50/p95/p99/max seconds."""
import collections
import statistics
import sys

lines = [l.split() for l in open(sys.argv[1]) if l.strip()]
codes = collections.Counter(code for code, _ in lines)
times = sorted(float(t) for _, t in lines)


def pct(p):
    return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]


print(f"   {len(times)} requests, status {dict(codes)}; seconds p50 {pct(50):.2f} p95 {pct(95):.2f} "
      f"p99 {pct(99):.2f} max {times[-1]:.2f} mean {statistics.mean(times):.2f}")
