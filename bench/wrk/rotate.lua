-- Requests the path pattern (args[1], "%s" for the key) with keys read from a file (args[2]), one after
-- another, each thread starting at its own place; prints one machine-readable RESULT line at the end.
local keys = {}
local pattern
local next_key = 1

function init(args)
  pattern = args[1]
  for line in io.lines(args[2]) do
    if #line > 0 then keys[#keys + 1] = line end
  end
  next_key = math.random(#keys)
end

function request()
  next_key = next_key % #keys + 1
  return wrk.format("GET", string.format(pattern, keys[next_key]))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d non2xx=%d bytes=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status, summary.bytes))
end
