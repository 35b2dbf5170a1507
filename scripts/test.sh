#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restores, builds, checks formatting and runs every test
# project. Its last line is the totals over all projects, "N passed, N failed", read from TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (dotnet on PATH); see https://dot.net." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$PWD/TestResults"
rm -rf "$results"

if ! dotnet restore Sharekeep.slnx || ! dotnet build Sharekeep.slnx --no-restore -c Debug; then
  echo "The build failed."
  echo "0 passed, 0 failed"
  exit 1
fi

status=0
# Formatting is part of the suite: a change that `dotnet format` would rewrite fails the run.
if ! dotnet format Sharekeep.slnx --no-restore --verify-no-changes; then
  echo "dotnet format found changes; run 'dotnet format Sharekeep.slnx'." >&2
  status=1
fi

# One run per project, each TRX named after its project: runs of one solution-wide command can finish in
# the same instant and name their TRX files alike, so that one overwrites the other.
while IFS= read -r project; do
  name=$(basename "$project" .csproj)
  dotnet test --project "$project" --no-build -c Debug --results-directory "$results" \
    --report-xunit-trx --report-xunit-trx-filename "$name.trx" || status=$?
done < <(find tests -name '*.Tests.csproj' | sort)

passed=0
failed=0
files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -ne "$projects" ]; then
  echo "Expected results from $projects test projects, found $files." >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  [ "$status" -ne 0 ] || status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
