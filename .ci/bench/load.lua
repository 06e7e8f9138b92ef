-- wrk script for .ci/bench/load: requests drawn in turn from a fixed list per endpoint (ENDPOINT=exposure|paths);
-- counts answers by status and prints those that are not 200.
local endpoint = os.getenv("ENDPOINT") or "exposure"
local requests = {}
if endpoint == "exposure" then
  for _, buyer in ipairs({"KR", "JP"}) do
    for _, mineral in ipairs({"lithium", "nickel", "cobalt"}) do
      for _, source in ipairs({"AU", "CA", "AR", "ID"}) do
        table.insert(requests, "/api/exposure?buyerCountry=" .. buyer .. "&mineral=" .. mineral
          .. "&sourceCountry=" .. source)
      end
    end
  end
else
  local pairs = {{"gov-jp", "sk-on"}, {"lg-energy-solution", "kachi"}, {"posco-holdings", "antam"},
                 {"gov-kr", "lake-resources"}, {"jogmec", "lithium"}, {"sk-on", "seymour"}}
  if os.getenv("PAIRS") then
    pairs = {}
    for from, to in string.gmatch(os.getenv("PAIRS"), "([^,:]+):([^,]+)") do
      table.insert(pairs, {from, to})
    end
  end
  for _, pair in ipairs(pairs) do
    table.insert(requests, "/api/paths?from=" .. pair[1] .. "&to=" .. pair[2] .. "&maxDepth=6&limit=10")
  end
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

counter = 0
statuses = {}
function init(args)
  counter = wrk.thread:get("id") or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", requests[(counter % #requests) + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests_done)
  local totals = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, n in pairs(s) do totals[status] = (totals[status] or 0) + n end
  end
  local other = 0
  for status, n in pairs(totals) do
    io.write(string.format("status %d: %d\n", status, n))
    if status ~= 200 then other = other + n end
  end
  io.write(string.format("answers other than 200: %d; socket errors: connect %d, read %d, write %d, timeout %d\n",
    other, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, %.1f requests/s\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
