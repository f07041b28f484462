-- wrk: each request opens a random submission page among the ids listed in the file IDS
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
math.randomseed(42)

request = function()
  return wrk.format("GET", "/submissions/" .. ids[math.random(1, #ids)])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("   %d requests in %.1f s (%.1f/s); non-2xx/3xx %d; socket errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.errors.status, errors))
  io.write(string.format("   latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
