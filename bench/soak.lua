-- wrk script for bench/soak.sh: a steady, paced stream of conversations. Each conversation asks
-- a career question, then a follow-up in the same conversation (context carried over), so state
-- is written and read as in real use. delay() paces every connection to SOAK_DELAY_MS between
-- requests. A response other than 200 counts as an error.

local first = {
  "Do I need a PhD?",
  "What does an entry-level ML engineer make?",
  "ML engineers versus data scientists?",
  "What skills does an ML engineer need?",
  "How do I become a machine learning engineer?",
  "What is the job outlook for ML engineers?",
  "What are the biggest challenges ML engineers face?",
  "Tell me a funny joke",
}
local follow = { "What about senior ones?", "tell me more", "and in California?", "thanks" }

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

local prefix
local sent = 0
errors = 0
local pause = tonumber(os.getenv("SOAK_DELAY_MS") or "20")

function init(args)
  prefix = string.format("soak-%d-%d-%d", os.time(), math.random(1, 1000000000), thread_id or 0)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function delay()
  return pause
end

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

function request()
  sent = sent + 1
  local pair = math.floor((sent - 1) / 2)
  local conversation = prefix .. "-" .. pair
  local text = (sent % 2 == 1) and first[pair % #first + 1] or follow[pair % #follow + 1]
  local body = '{"type":"message","id":"act-' .. sent .. '","channelId":"webchat"'
    .. ',"serviceUrl":"http://127.0.0.1:1/","locale":"en-US"'
    .. ',"from":{"id":"user-' .. conversation .. '","name":"Visitor","role":"user"}'
    .. ',"recipient":{"id":"bot","name":"Bot","role":"bot"}'
    .. ',"conversation":{"id":"' .. conversation .. '"}'
    .. ',"text":' .. json_string(text)
    .. ',"deliveryMode":"expectReplies"}'
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local errors_total = 0
  for _, thread in ipairs(threads) do
    errors_total = errors_total + (thread:get("errors") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d max_us=%d non200=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), latency.max, errors_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
