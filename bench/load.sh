#!/usr/bin/env bash
# Load through the real endpoint, side by side: CareerBot's published build, the Kestrel floor (a bare
# ASP.NET Core endpoint in bench/floor: parse the activity, write one reply, published with CareerBot's
# publish options and GC settings) and a minimal echo bot on the official Bot Framework JavaScript SDK,
# all driven by the same wrk script (bench/load.lua) on POST /api/messages with deliveryMode
# expectReplies.
#
#   bash bench/load.sh                        # RUNS=3 rounds, medians and ratios at the end
#   RUNS=5 bash bench/load.sh
#   SERVERS=careerbot RUNS=1 CAREERBOT_ENV='DOTNET_gcServer=1' bash bench/load.sh   # CareerBot alone, one setting
#   CAREERBOT_SOURCE=<other checkout> bash bench/load.sh   # CareerBot from another commit, same script
#
# Needs the .NET SDK, Node.js with npm, wrk, curl and python3 (for a free port). Publishes to
# bench/out/ (git-ignored), prebuilds the index and model there, then RUNS rounds; each round measures
# the three servers one after another: start on 127.0.0.1, wait until ready, warm up, one wrk run, peak
# RSS, and the median cold start (launch to first answered POST) over several launches. Prints one
# Markdown row per server and round, then the medians over the rounds and CareerBot / floor and
# CareerBot / echo for each figure. Only processes this script started are stopped, by PID; every step
# has a time limit.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The checkout CareerBot is published from (its src/Bot and knowledge-base/); this one by default.
SOURCE="$(cd "${CAREERBOT_SOURCE:-$REPO}" && pwd)"
OUT="$REPO/bench/out"
PUBLISH="$OUT/bot"
FLOOR_PUBLISH="$OUT/floor"
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
RUNS=${RUNS:-3}
# Which servers each round measures, in this order (a subset to try a setting quickly; the ratios need all three).
SERVERS=${SERVERS:-careerbot floor echo}
DEADLINE=$((300 + RUNS * 240))   # seconds for the whole script
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
  (cd "$PUBLISH" && exec env $CAREERBOT_ENV Knowledge__BasePath="$SOURCE/knowledge-base" Knowledge__DataPath="$DATA" \
    "$PUBLISH/CareerBot.Bot" --urls "http://127.0.0.1:$1" >"$2" 2>&1) &
  STARTED=$!
  STARTED_PIDS+=("$STARTED")
}

start_floor() { # port, log file -> PID in STARTED
  (cd "$FLOOR_PUBLISH" && exec "$FLOOR_PUBLISH/CareerBot.Floor" --urls "http://127.0.0.1:$1" >"$2" 2>&1) &
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
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a whole number of rounds, at least 1, not '$RUNS'"
for name in $SERVERS; do [[ $name =~ ^(careerbot|floor|echo)$ ]] || fail "SERVERS names careerbot, floor and echo, not '$name'"; done
[[ -f $SOURCE/src/Bot/CareerBot.Bot.csproj ]] || fail "no src/Bot/CareerBot.Bot.csproj under $SOURCE"
for tool in dotnet node npm wrk curl python3 timeout; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
mkdir -p "$LOGS" "$DATA"

# 1. Publish CareerBot and the floor with the same options, prebuild CareerBot's index and model.
log "publishing CareerBot from $SOURCE (Release)"
rm -rf "$PUBLISH"
bounded 200 dotnet publish "$SOURCE/src/Bot" -c Release -r linux-x64 --self-contained false -o "$PUBLISH" --nologo -v q >"$LOGS/publish.txt" 2>&1 \
  || { cat "$LOGS/publish.txt" >&2; fail "dotnet publish failed"; }
log "publishing the Kestrel floor (Release)"
bounded 200 dotnet publish "$REPO/bench/floor" -c Release -r linux-x64 --self-contained false -o "$FLOOR_PUBLISH" --nologo -v q >"$LOGS/publish-floor.txt" 2>&1 \
  || { cat "$LOGS/publish-floor.txt" >&2; fail "dotnet publish of the floor failed"; }
rm -rf "${DATA:?}"/*
for verb in index train; do
  (cd "$PUBLISH" && bounded 60 env Knowledge__BasePath="$SOURCE/knowledge-base" Knowledge__DataPath="$DATA" "$PUBLISH/CareerBot.Bot" "$verb") >&2
done
log "installing the echo bot (npm ci)"
(cd "$ECHO_BOT" && bounded 120 npm ci --prefer-offline --no-audit --no-fund --loglevel=error) >&2

log "set up in ${SECONDS} s"
# Other work on the machine skews every figure: record the 1-minute load average.
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)

# One server for one round: start, wait until ready, warm up, load, RSS; then cold starts.
# Appends "rps p50 p90 p99 non200 socket_errors rss cold" to FIGURES_<name>.
declare -A FIGURES
measure() { # name, start function, readiness: health | post
  local name=$1 start=$2 port pid
  port=$(free_port)
  "$start" "$port" "$LOGS/$name.log"
  pid=$STARTED
  if [[ $3 == health ]]; then
    wait_get_200 "http://127.0.0.1:$port/healthz" "$pid" 60
  else
    wait_post_200 "http://127.0.0.1:$port/api/messages" "$(activity ready "$COLD_TEXT")" "$pid" 60 >/dev/null
  fi
  load_run "$name" "http://127.0.0.1:$port/api/messages" "$pid"
  stop_pid "$pid"
  cold_start "$name" "$start"
  FIGURES[$name]+="$(field rps "$RESULT") $(field p50_us "$RESULT") $(field p90_us "$RESULT") $(field p99_us "$RESULT") $(field non200 "$RESULT") $(field socket_errors "$RESULT") $RSS $COLD"$'\n'
}

# 2. RUNS rounds, the three servers in the same order in each.
for ((round = 1; round <= RUNS; round++)); do
  log "round $round of $RUNS"
  # Every round starts as a fresh deployment does: no turn records or feedback from earlier rounds.
  rm -f "$DATA"/turns.db* "$DATA"/feedback.db*
  for name in $SERVERS; do
    case $name in
      careerbot) measure careerbot start_careerbot health ;;
      floor) measure floor start_floor post ;;
      echo) measure echo start_echo post ;;
    esac
  done
done

# 3. Tables: every round, then the medians and the ratios.
declare -A labels
labels=([careerbot]="CareerBot (full answer)" [floor]="Kestrel floor (parse, one reply)" [echo]="echo bot (JavaScript SDK)")
column() { # name, 1-based column -> values, one per round
  awk -v c="$2" 'NF { print $c }' <<<"${FIGURES[$1]}"
}
med() { # name, column
  local values
  mapfile -t values < <(column "$1" "$2")
  median "${values[@]}"
}
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION_SECONDS}s --latency -s bench/load.lua, POST /api/messages (expectReplies), after a ${WARMUP_SECONDS} s warm-up at the same concurrency; cold start = median of $COLD_RUNS launches; $RUNS rounds"
echo "($(nproc) cores, load average before the runs ${LOAD_BEFORE}, CareerBot at $(git -C "$SOURCE" rev-parse --short HEAD 2>/dev/null || echo 'an unknown commit'),${CAREERBOT_ENV:+ CareerBot with ${CAREERBOT_ENV},} .NET $(dotnet --version), Node.js $(node --version), botbuilder $(node -p "require('$ECHO_BOT/node_modules/botbuilder/package.json').version"))"
echo
echo "| server | round | req/s | p50 ms | p90 ms | p99 ms | non-200 / socket errors | peak RSS MiB | cold start ms |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in $SERVERS; do
  awk -v label="${labels[$name]}" 'NF { printf "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d / %d | %d | %d |\n", label, NR, $1, $2 / 1000, $3 / 1000, $4 / 1000, $5, $6, $7, $8 }' <<<"${FIGURES[$name]}"
done
echo
echo "Medians over the rounds:"
echo
echo "| server | req/s | p99 ms | peak RSS MiB | cold start ms |"
echo "| --- | ---: | ---: | ---: | ---: |"
for name in $SERVERS; do
  printf '| %s | %.0f | %.2f | %.0f | %.0f |\n' "${labels[$name]}" "$(med "$name" 1)" "$(awk -v v="$(med "$name" 4)" 'BEGIN { print v / 1000 }')" "$(med "$name" 7)" "$(med "$name" 8)"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
compared=()
for name in floor echo; do [[ " $SERVERS " == *" $name "* && " $SERVERS " == *" careerbot "* ]] && compared+=("$name"); done
((${#compared[@]} > 0)) && { echo; echo "| CareerBot against | throughput | p99 | peak RSS | cold start |"; echo "| --- | ---: | ---: | ---: | ---: |"; }
for name in "${compared[@]+"${compared[@]}"}"; do
  echo "| ${labels[$name]} | $(ratio "$(med careerbot 1)" "$(med "$name" 1)")x | $(ratio "$(med careerbot 4)" "$(med "$name" 4)")x | $(ratio "$(med careerbot 7)" "$(med "$name" 7)")x | $(awk -v a="$(med careerbot 8)" -v b="$(med "$name" 8)" 'BEGIN { printf "%+.0f ms", a - b }') |"
done
log "done in ${SECONDS} s; logs in bench/out/logs"
