-- wrk script: POST an image to /invocations (SageMaker contract) and report the batch sizes the server used.
-- Usage: WRK_BODY=samples/serving/request.jpg wrk -t2 -c16 -d30s --latency -s samples/serving/wrk-post-image.lua http://127.0.0.1:18090/invocations
local path = os.getenv("WRK_BODY") or "request.jpg"
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = os.getenv("WRK_CONTENT_TYPE") or "application/x-image"
file:close()

local threads = {}
function setup(thread) table.insert(threads, thread) end

-- Per thread (own Lua state): sum of the batchSize field of each answer, and how many answers had one.
batch_sum, batch_count = 0, 0
function response(status, headers, body)
  local size = body and tonumber(string.match(body, '"batchSize":(%d+)'))
  if size then batch_sum = batch_sum + size; batch_count = batch_count + 1 end
end

function done(summary, latency, requests)
  local sum, count = 0, 0
  for _, t in ipairs(threads) do sum = sum + t:get("batch_sum"); count = count + t:get("batch_count") end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.2f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d mean_batch=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, count > 0 and sum / count or 0))
end
