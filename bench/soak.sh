#!/usr/bin/env bash
# Soak: CareerBot's published build under a steady rate for a bounded time, a new conversation per
# question with a follow-up in each, sampling memory and threads to show they stay flat.
#
#   bash bench/soak.sh [minutes]      # default 10
#
# Needs the .NET SDK, wrk, curl and python3. Publishes to bench/out/soak (git-ignored) with a
# prebuilt index and model, starts the bot on 127.0.0.1, runs wrk with bench/load.lua (4 connections,
# each pausing SOAK_DELAY_MS=20 ms between requests, every second request a follow-up) for the whole time, samples VmRSS and the thread count
# every 10 s, and prints errors, latency, and the RSS slope after the first three minutes of warm-up
# (least squares, MiB per minute). Stops only the process it started.
set -euo pipefail

MINUTES=${1:-10}
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/bench/out/soak"
PUBLISH="$OUT/bot"
DATA="$OUT/data"
SAMPLES="$OUT/samples.csv"
WARMUP_SECONDS=180
BOT_PID=""

log() { printf '[soak] %s\n' "$*" >&2; }
cleanup() {
  if [[ -n $BOT_PID ]] && kill -0 "$BOT_PID" 2>/dev/null; then
    kill -TERM "$BOT_PID" 2>/dev/null || true
    wait "$BOT_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

((MINUTES >= 3 && MINUTES <= 120)) || { log "minutes must be between 3 and 120"; exit 2; }
mkdir -p "$OUT"
log "publishing"
timeout 600 dotnet publish "$REPO/src/Bot" -c Release -r linux-x64 --self-contained false -o "$PUBLISH" --nologo -v quiet >/dev/null
log "prebuilding the index and model"
(cd "$PUBLISH" && timeout 300 env Knowledge__BasePath="$REPO/knowledge-base" Knowledge__DataPath="$DATA" ./CareerBot.Bot index >/dev/null)
(cd "$PUBLISH" && timeout 300 env Knowledge__BasePath="$REPO/knowledge-base" Knowledge__DataPath="$DATA" ./CareerBot.Bot train >/dev/null)

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# Conversation state is kept for State:Ttl after the last turn (1 h by default); the soak uses
# SOAK_STATE_TTL (2 min) so that, after warm-up, conversations expire as fast as new ones arrive and
# a flat RSS means no leak rather than a store still filling up.
(cd "$PUBLISH" && exec env Knowledge__BasePath="$REPO/knowledge-base" Knowledge__DataPath="$DATA" State__Ttl="${SOAK_STATE_TTL:-00:02:00}" \
  ./CareerBot.Bot --urls "http://127.0.0.1:$PORT" >"$OUT/bot.log" 2>&1) &
BOT_PID=$!
for ((i = 0; i < 600; i++)); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/healthz" || true) == 200 ]] && break
  kill -0 "$BOT_PID" 2>/dev/null || { log "the bot exited; see $OUT/bot.log"; exit 1; }
  sleep 0.1
done

log "running ${MINUTES} min against http://127.0.0.1:$PORT/api/messages"
SECONDS_TOTAL=$((MINUTES * 60))
timeout $((SECONDS_TOTAL + 30)) env LOAD_DELAY_MS="${SOAK_DELAY_MS:-20}" LOAD_FOLLOW_UPS=1 \
  wrk -t2 -c4 -d"${SECONDS_TOTAL}s" --latency -s "$REPO/bench/load.lua" "http://127.0.0.1:$PORT/api/messages" >"$OUT/wrk.txt" &
WRK_PID=$!
echo "seconds,rss_mib,threads" >"$SAMPLES"
START=$SECONDS
while kill -0 "$WRK_PID" 2>/dev/null; do
  kill -0 "$BOT_PID" 2>/dev/null || { log "the bot exited during the soak"; exit 1; }
  awk -v t=$((SECONDS - START)) '/^VmRSS:/ { rss = $2 / 1024 } /^Threads:/ { th = $2 } END { printf "%d,%.1f,%d\n", t, rss, th }' "/proc/$BOT_PID/status" >>"$SAMPLES"
  sleep 10
done
wait "$WRK_PID" || true

RESULT=$(grep '^RESULT ' "$OUT/wrk.txt") || { log "no RESULT from wrk; see $OUT/wrk.txt"; exit 1; }
python3 - "$SAMPLES" "$WARMUP_SECONDS" "$RESULT" <<'PY'
import csv, sys
rows = [(float(r["seconds"]), float(r["rss_mib"]), int(r["threads"])) for r in csv.DictReader(open(sys.argv[1]))]
warm = [r for r in rows if r[0] >= float(sys.argv[2])]
fields = dict(part.split("=") for part in sys.argv[3].split()[1:])
n = len(warm)
if n >= 2:
    mx = sum(r[0] for r in warm) / n
    my = sum(r[1] for r in warm) / n
    slope = sum((r[0] - mx) * (r[1] - my) for r in warm) / max(1e-9, sum((r[0] - mx) ** 2 for r in warm)) * 60
else:
    slope = float("nan")
print("| minutes | requests | req/s | errors | p50 ms | p99 ms | max ms | RSS after warm-up (MiB) | RSS slope (MiB/min) | threads min–max |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| {float(fields['seconds'])/60:.0f} | {fields['requests']} | {float(fields['rps']):.0f} | {int(fields['non200']) + int(fields['socket_errors'])} | "
      f"{int(fields['p50_us'])/1000:.2f} | {int(fields['p99_us'])/1000:.2f} | {int(fields['max_us'])/1000:.1f} | "
      f"{warm[0][1]:.0f} → {warm[-1][1]:.0f} | {slope:+.2f} | {min(r[2] for r in warm)}–{max(r[2] for r in warm)} |")
PY
