-- wrk script: cycles through the request paths listed in the file named by $PATHS_FILE (one per
-- line, already URL-encoded), each thread starting at a different place in the list, and prints
-- one JSON line with throughput and latency percentiles when the run ends.
--   PATHS_FILE=paths.txt wrk -t2 -c16 -d20s --latency -s cycle.lua http://127.0.0.1:7080

local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then
    paths[#paths + 1] = line
  end
end

local threads = 0

function setup(thread)
  thread:set("offset", threads * math.floor(#paths / 2))
  threads = threads + 1
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,' ..
    '"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"paths":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, #paths))
end
