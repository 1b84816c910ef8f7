-- wrk script for bench/load.sh: every request is one Bot Framework message activity on a new
-- conversation, with deliveryMode expectReplies so the replies come back in the HTTP body.
-- The text cycles through a mix of career questions (from the evaluation question set) and a
-- few out-of-scope ones, as visitors ask them. A response other than 200 counts as an error.
-- LOAD_MAX_REQUESTS (optional) stops each thread after that many responses (for warm-up runs).
-- For the soak (bench/soak.sh): LOAD_DELAY_MS paces each connection, and LOAD_FOLLOW_UPS=1 makes
-- every second request a follow-up in the previous request's conversation (context carried over).

local questions = {
  "Do I need a PhD?",
  "masters degree needed for mle?",
  "Are bootcamps a good way to become an ML engineer?",
  "where can i take machine learning courses online",
  "ML engineers versus data scientists?",
  "Who writes the production code, data scientists or ML engineers?",
  "What does an entry-level ML engineer make?",
  "How much do senior ML engineers earn in California?",
  "What industries pay machine learning engineers best?",
  "PyTorch or TensorFlow?",
  "deep learning skils needed",
  "what's an mle",
  "What do ML engineers do after a model is deployed?",
  "Can ML engineers move into management?",
  "what steps lead to becoming a machine learning engineer",
  "What should I put in my ML portfolio?",
  "job outlok",
  "Why does model accuracy drop over time?",
  "Tell me a funny joke",
  "Salary of a dentist in Texas",
}

local threads = {}
local thread_number = 0

function setup(thread)
  thread_number = thread_number + 1
  thread:set("thread_id", thread_number)
  table.insert(threads, thread)
end

local prefix
local sent = 0
local received = 0
errors = 0
local max_requests = tonumber(os.getenv("LOAD_MAX_REQUESTS") or "")
local pause = tonumber(os.getenv("LOAD_DELAY_MS") or "")
local follow_ups = os.getenv("LOAD_FOLLOW_UPS") == "1"
local follow = { "What about senior ones?", "tell me more", "and in California?", "thanks" }

if pause then
  function delay()
    return pause
  end
end

function init(args)
  -- Unique per run and per thread, so no two requests share a conversation.
  prefix = string.format("load-%d-%d-%d", os.time(), math.random(1, 1000000000), thread_id or 0)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

function request()
  sent = sent + 1
  local text = questions[(sent - 1) % #questions + 1]
  local conversation = prefix .. "-" .. sent
  if follow_ups then
    local pair = math.floor((sent - 1) / 2)
    conversation = prefix .. "-" .. pair
    text = (sent % 2 == 1) and questions[pair % #questions + 1] or follow[pair % #follow + 1]
  end
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
  received = received + 1
  if status ~= 200 then
    errors = errors + 1
  end
  if max_requests and received >= max_requests then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local errors_total = 0
  for _, thread in ipairs(threads) do
    errors_total = errors_total + (thread:get("errors") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non200=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, errors_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
