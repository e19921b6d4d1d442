#!/usr/bin/env bash
# Builds the repository once and runs every test project, then prints one summed line: "N passed, N failed, N skipped".
#   build/test.sh [extra dotnet test arguments]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

log="$root/artifacts/test-results/test.log"
mkdir -p "$(dirname "$log")"

if ! dotnet build GoldenPath.slnx -nodeReuse:false -warnaserror -v:minimal; then
  echo "Build failed: no tests ran."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test --solution GoldenPath.slnx --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary for the whole solution; take its numbers, never the exit code's guess.
total=$(grep -E '^\s*total:' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
failed=$(grep -E '^\s*failed:' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
passed=$(grep -E '^\s*succeeded:' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
skipped=$(grep -E '^\s*skipped:' "$log" | tail -n1 | grep -oE '[0-9]+' || true)
if [[ -z "$total" || -z "$passed" ]]; then
  echo "No test summary found in $log."
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
if [[ "$status" -ne 0 && "${failed:-0}" -eq 0 ]]; then
  # A test host that crashed or timed out fails the run even when no single test reported failure.
  failed=1
fi
echo "${passed} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
