#!/usr/bin/env bash
# Builds once and runs every test project; ends with one summary line
# ("N passed, N failed") so a reader and CI see the outcome at a glance.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build VanYen.Media.sln -c Release -warnaserror --nologo -v quiet || exit 1
# One test assembly at a time (-m:1): the browser tests run Chromium's real-time audio, and beside
# the engine's real-socket echo test on two cores they starve each other's 20 ms clocks.
dotnet test VanYen.Media.sln -c Release --no-build --nologo -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Passed! - Failed: F, Passed: P, ..." line per test assembly.
summary=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
echo "Tests: ${summary}"
exit "$status"
