#!/usr/bin/env bash
# Load through the real endpoint, side by side: CareerBot's published build against a minimal
# echo bot on the official Bot Framework JavaScript SDK, both driven by the same wrk script
# (bench/load.lua) on POST /api/messages with deliveryMode expectReplies.
#
#   bash bench/load.sh
#
# Needs the .NET SDK, Node.js with npm, wrk, curl and python3 (for a free port). Publishes to
# bench/out/ (git-ignored), prebuilds the index and model there, then for each bot: start on
# 127.0.0.1, wait until ready, warm up, one wrk run, peak RSS, and the median cold start
# (launch to first answered POST) over several launches. Prints one Markdown table.
# Only processes this script started are stopped, by PID; every step has a time limit.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/bench/out"
PUBLISH="$OUT/bot"
DATA="$OUT/data"
LOGS="$OUT/logs"
ECHO_BOT="$REPO/bench/echo-bot"
LUA="$REPO/bench/load.lua"

THREADS=2
CONNECTIONS=32
DURATION_SECONDS=15
# Both bots are warmed the same way before they are measured: WARMUP_SECONDS of the same load at
# the same concurrency. The runtime keeps compiling hot code better for several seconds of load
# (.NET's tiered compilation moves ReadyToRun code to optimised, profile-guided code; V8 optimises
# hot functions). Under this load CareerBot's JIT compiles 1,000-1,700 methods every 3 s for the
# first 12 s and a few dozen after 15 s (docs/benchmarks.md), so 20 s reaches the steady state.
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
# Extra environment for CareerBot's processes only, to measure a setting against the default, e.g.
# CAREERBOT_ENV='State__MaxItems=100000' or CAREERBOT_ENV='DOTNET_TieredPGO=0'. Empty by default.
CAREERBOT_ENV=${CAREERBOT_ENV:-}
COLD_RUNS=5
DEADLINE=360            # seconds for the whole script
POLL=0.01               # seconds between readiness polls

COLD_TEXT='Do I need a PhD?'

STARTED_PIDS=()

log() { printf '[load] %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

# Seconds left of a step's own cap, or of the script's deadline if that comes first.
limit() { # cap
  local left=$((DEADLINE - SECONDS))
  ((left > 0)) || fail "out of time (${DEADLINE} s for the whole script)"
  echo $(($1 < left ? $1 : left))
}

# Runs a command with a time limit (see limit).
bounded() {
  local seconds
  seconds=$(limit "$1")
  shift
  timeout "$seconds" "$@"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

activity() { # conversation id, text
  printf '{"type":"message","id":"act-1","channelId":"webchat","serviceUrl":"http://127.0.0.1:1/","locale":"en-US","from":{"id":"user-%s","name":"Visitor","role":"user"},"recipient":{"id":"bot","name":"Bot","role":"bot"},"conversation":{"id":"%s"},"text":"%s","deliveryMode":"expectReplies"}' "$1" "$1" "$2"
}

post_status() { # url, body -> HTTP status (000 when nothing answers)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' --data-binary "$2" "$1" || true
}

# From the publish folder, as deployed: its appsettings.json applies (log levels included); the
# knowledge base is the repository's, the prebuilt index and model are in bench/out/data.
start_careerbot() { # port, log file -> PID in STARTED
  # shellcheck disable=SC2086 # CAREERBOT_ENV is NAME=value pairs, split on spaces on purpose
  (cd "$PUBLISH" && exec env $CAREERBOT_ENV Knowledge__BasePath="$REPO/knowledge-base" Knowledge__DataPath="$DATA" \
    "$PUBLISH/CareerBot.Bot" --urls "http://127.0.0.1:$1" >"$2" 2>&1) &
  STARTED=$!
  STARTED_PIDS+=("$STARTED")
}

start_echo() { # port, log file -> PID in STARTED
  (cd "$ECHO_BOT" && exec env PORT="$1" node index.js >"$2" 2>&1) &
  STARTED=$!
  STARTED_PIDS+=("$STARTED")
}

stop_pid() {
  local pid=$1 i
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  local kept=() p
  for p in "${STARTED_PIDS[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
  STARTED_PIDS=("${kept[@]+"${kept[@]}"}")
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Polls until GET url answers 200, the process dies, or the deadline passes.
wait_get_200() { # url, pid, seconds
  local seconds
  seconds=$(limit "$3")
  local end=$((SECONDS + seconds))
  while [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true) != 200 ]]; do
    kill -0 "$2" 2>/dev/null || fail "process $2 exited before $1 answered"
    ((SECONDS < end)) || fail "$1 did not answer 200 within $3 s"
    sleep "$POLL"
  done
}

# Polls until POST url with body answers 200; prints the time of that answer in ms.
wait_post_200() { # url, body, pid, seconds
  local seconds
  seconds=$(limit "$4")
  local end=$((SECONDS + seconds))
  while [[ $(post_status "$1" "$2") != 200 ]]; do
    kill -0 "$3" 2>/dev/null || fail "process $3 exited before $1 answered"
    ((SECONDS < end)) || fail "$1 did not answer 200 within $4 s"
    sleep "$POLL"
  done
  now_ms
}

peak_rss_mib() { # pid
  awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

field() { # name, RESULT line
  sed -n "s/.*[[:space:]]$1=\([0-9.]*\).*/\1/p" <<<"$2"
}

# One bot: warm-up, wrk run, peak RSS. Sets RESULT and RSS.
load_run() { # name, url, pid
  local name=$1 url=$2 pid=$3
  log "$name: warm-up (wrk -t$THREADS -c$CONNECTIONS -d${WARMUP_SECONDS}s)"
  bounded $((WARMUP_SECONDS + 20)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$LUA" "$url" >"$LOGS/$name-warmup.txt"
  log "$name: warm-up $(grep '^RESULT ' "$LOGS/$name-warmup.txt" || echo 'gave no RESULT line')"
  grep -q ' non200=0 ' "$LOGS/$name-warmup.txt" || log "$name: warm-up had errors"
  log "$name: wrk -t$THREADS -c$CONNECTIONS -d${DURATION_SECONDS}s --latency"
  bounded $((DURATION_SECONDS + 20)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION_SECONDS}s" --latency -s "$LUA" "$url" >"$LOGS/$name-wrk.txt"
  RESULT=$(grep '^RESULT ' "$LOGS/$name-wrk.txt") || fail "no RESULT line from wrk for $name (see $LOGS/$name-wrk.txt)"
  kill -0 "$pid" 2>/dev/null || fail "$name exited during the load run"
  RSS=$(peak_rss_mib "$pid")
  log "$name: $RESULT peak_rss_mib=$RSS"
}

# Median over COLD_RUNS launches of launch -> first answered POST /api/messages. Sets COLD.
cold_start() { # name, start function
  local name=$1 start=$2 runs=() i port begin answered
  for ((i = 1; i <= COLD_RUNS; i++)); do
    port=$(free_port)
    begin=$(now_ms)
    "$start" "$port" "$LOGS/$name-cold-$i.log"
    answered=$(wait_post_200 "http://127.0.0.1:$port/api/messages" "$(activity "cold-$i" "$COLD_TEXT")" "$STARTED" 60)
    runs+=($((answered - begin)))
    stop_pid "$STARTED"
  done
  COLD=$(median "${runs[@]}")
  log "$name: cold starts ${runs[*]} ms, median $COLD ms"
}

[[ $WARMUP_SECONDS =~ ^[0-9]+$ ]] || fail "WARMUP_SECONDS must be a whole number of seconds, not '$WARMUP_SECONDS'"
for tool in dotnet node npm wrk curl python3 timeout; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
mkdir -p "$LOGS" "$DATA"
# Every run starts as a fresh deployment does: no turn records or feedback from earlier runs (each
# run adds a few hundred thousand turn records, and a turn log grown to gigabytes slows its inserts).
rm -f "$DATA"/turns.db* "$DATA"/feedback.db*

# 1. Publish CareerBot and prebuild its index and model.
log "publishing CareerBot (Release)"
bounded 200 dotnet publish "$REPO/src/Bot" -c Release -r linux-x64 --self-contained false -o "$PUBLISH" --nologo -v q >"$LOGS/publish.txt" 2>&1 \
  || { cat "$LOGS/publish.txt" >&2; fail "dotnet publish failed"; }
for verb in index train; do
  (cd "$PUBLISH" && bounded 60 env Knowledge__BasePath="$REPO/knowledge-base" Knowledge__DataPath="$DATA" "$PUBLISH/CareerBot.Bot" "$verb") >&2
done
log "installing the echo bot (npm ci)"
(cd "$ECHO_BOT" && bounded 120 npm ci --prefer-offline --no-audit --no-fund --loglevel=error) >&2

log "set up in ${SECONDS} s"
# Other work on the machine skews every figure: record the 1-minute load average.
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

# 2-4. CareerBot: start, wait for /healthz, warm up, load, RSS; then cold starts.
port=$(free_port)
start_careerbot "$port" "$LOGS/careerbot.log"
bot_pid=$STARTED
wait_get_200 "http://127.0.0.1:$port/healthz" "$bot_pid" 60
load_run careerbot "http://127.0.0.1:$port/api/messages" "$bot_pid"
BOT_RESULT=$RESULT BOT_RSS=$RSS
stop_pid "$bot_pid"
cold_start careerbot start_careerbot
BOT_COLD=$COLD

# 5. The echo bot, the same way (it has no health route: ready = first answered POST).
port=$(free_port)
start_echo "$port" "$LOGS/echo.log"
echo_pid=$STARTED
wait_post_200 "http://127.0.0.1:$port/api/messages" "$(activity ready "$COLD_TEXT")" "$echo_pid" 60 >/dev/null
load_run echo "http://127.0.0.1:$port/api/messages" "$echo_pid"
ECHO_RESULT=$RESULT ECHO_RSS=$RSS
stop_pid "$echo_pid"
cold_start echo start_echo
ECHO_COLD=$COLD

# 6. One table.
row() { # label, RESULT line, rss, cold
  awk -v label="$1" -v rps="$(field rps "$2")" -v p50="$(field p50_us "$2")" -v p90="$(field p90_us "$2")" \
    -v p99="$(field p99_us "$2")" -v non200="$(field non200 "$2")" -v sock="$(field socket_errors "$2")" \
    -v rss="$3" -v cold="$4" 'BEGIN {
      printf "| %s | %.0f | %.2f | %.2f | %.2f | %d / %d | %d | %d |\n", label, rps, p50 / 1000, p90 / 1000, p99 / 1000, non200, sock, rss, cold }'
}
bot_rps=$(field rps "$BOT_RESULT")
echo_rps=$(field rps "$ECHO_RESULT")
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION_SECONDS}s --latency -s bench/load.lua, POST /api/messages (expectReplies), after a ${WARMUP_SECONDS} s warm-up at the same concurrency; cold start = median of $COLD_RUNS launches"
echo "($(nproc) cores, load average before the runs ${LOAD_BEFORE},${CAREERBOT_ENV:+ CareerBot with ${CAREERBOT_ENV},} .NET $(dotnet --version), Node.js $(node --version), botbuilder $(node -p "require('$ECHO_BOT/node_modules/botbuilder/package.json').version"))"
echo
echo "| bot | req/s | p50 ms | p90 ms | p99 ms | non-200 / socket errors | peak RSS MiB | cold start ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
row "CareerBot (full answer)" "$BOT_RESULT" "$BOT_RSS" "$BOT_COLD"
row "echo bot (JavaScript SDK)" "$ECHO_RESULT" "$ECHO_RSS" "$ECHO_COLD"
echo
awk -v a="$bot_rps" -v b="$echo_rps" 'BEGIN { printf "CareerBot throughput / echo bot throughput: %.2fx\n", a / b }'
log "done in ${SECONDS} s; logs in bench/out/logs"
