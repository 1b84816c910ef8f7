#!/usr/bin/env bash
# Cold starts of two CareerBot checkouts, launched in turn (A, B, A, B, ...) so that whatever else the
# machine does falls on both alike: launch to the first answered POST /api/messages, as bench/load.sh
# measures it, with each checkout's own knowledge base and a prebuilt data folder.
#
#   bash bench/cold-ab.sh <checkout A> <checkout B> [launches, default 7]
#
# Needs the .NET SDK, curl and python3. Publishes to bench/out/ab-a and ab-b (git-ignored); every step
# has a time limit, and only the processes it started are stopped.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 2 ]] || { echo "usage: bash bench/cold-ab.sh <checkout A> <checkout B> [launches]" >&2; exit 2; }
A="$(cd "$1" && pwd)"
B="$(cd "$2" && pwd)"
LAUNCHES=${3:-7}
[[ $LAUNCHES =~ ^[1-9][0-9]*$ ]] || { echo "launches must be a whole number, not '$LAUNCHES'" >&2; exit 2; }
OUT="$REPO/bench/out"
BODY='{"type":"message","id":"cold","channelId":"webchat","serviceUrl":"http://127.0.0.1:1/","from":{"id":"u"},"recipient":{"id":"b"},"conversation":{"id":"cold"},"text":"Do I need a PhD?","deliveryMode":"expectReplies"}'
PID=""
trap '[[ -n $PID ]] && kill "$PID" 2>/dev/null; true' EXIT

prepare() { # checkout, name
  rm -rf "$OUT/ab-$2"
  timeout 300 dotnet publish "$1/src/Bot" -c Release -r linux-x64 --self-contained false -o "$OUT/ab-$2/bot" --nologo -v q >&2
  for verb in index train; do
    (cd "$OUT/ab-$2/bot" && timeout 120 env Knowledge__BasePath="$1/knowledge-base" Knowledge__DataPath="$OUT/ab-$2/data" ./CareerBot.Bot "$verb") >/dev/null
  done
}

launch() { # checkout, name -> milliseconds to the first answered POST
  local port begin end i
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  begin=$(date +%s%N)
  (cd "$OUT/ab-$2/bot" && exec env Knowledge__BasePath="$1/knowledge-base" Knowledge__DataPath="$OUT/ab-$2/data" ./CareerBot.Bot --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
  PID=$!
  for ((i = 0; i < 6000; i++)); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Content-Type: application/json' --data-binary "$BODY" "http://127.0.0.1:$port/api/messages" || true) == 200 ]] && break
    kill -0 "$PID" 2>/dev/null || { echo "the bot from $1 exited before answering" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
  echo $(((end - begin) / 1000000))
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

prepare "$A" a
prepare "$B" b
a=() b=()
for ((n = 1; n <= LAUNCHES; n++)); do
  a+=("$(launch "$A" a)")
  b+=("$(launch "$B" b)")
done
echo "A $(git -C "$A" rev-parse --short HEAD 2>/dev/null || echo "$A"): ${a[*]} ms, median $(median "${a[@]}") ms"
echo "B $(git -C "$B" rev-parse --short HEAD 2>/dev/null || echo "$B"): ${b[*]} ms, median $(median "${b[@]}") ms"
