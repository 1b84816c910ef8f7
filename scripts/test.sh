#!/usr/bin/env bash
# Runs every test of CareerBot on a fresh machine: installs what the tests need, restores,
# builds (warnings are errors) and runs all test projects, then prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the careers page's browser test (Debian's package; Playwright drives it).
if ! command -v chromium >/dev/null 2>&1; then
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# Azurite (Azure Storage emulator) for the shared-state tests, pinned by tests/tools/package-lock.json.
npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error

dotnet restore CareerBot.sln --nologo
dotnet build CareerBot.sln --no-restore --nologo -c Release

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CareerBot.sln --no-build --nologo -c Release 2>&1 | tee "$log" || status=$?

# The knowledge-base checks that index, train and the bot's start run, every mistake at once.
dotnet run --project src/Bot -c Release --no-build -- lint || status=$?

# One line that sums up every test assembly: "tests: N passed, N failed, N skipped".
awk '
  /^(Passed|Failed)! +- +Failed: / {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
exit "$status"
