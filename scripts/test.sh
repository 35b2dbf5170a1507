#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restores, builds, checks formatting, starts a private
# PostgreSQL and runs every test project (the server's suite once per database provider). Its last line is the totals over all projects, "N passed, N failed", read from TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed (dotnet on PATH); see https://dot.net." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$PWD/TestResults"
rm -rf "$results"

# How long each step took, on standard error (the last line of standard output stays the totals alone): the run
# is meant to stay under 20 minutes on two cores, and this says where the time goes.
last_step=$SECONDS
took() {
  echo "test.sh: $1 took $((SECONDS - last_step)) s ($SECONDS s in all)" >&2
  last_step=$SECONDS
}

# In CI, restore exactly what the lock files pin (packages.lock.json); a package change must update them
# (dotnet restore --force-evaluate) in the same commit.
restore_mode=()
[ -z "${CI:-}" ] || restore_mode=(--locked-mode)
if ! dotnet restore Sharekeep.slnx "${restore_mode[@]}" || ! dotnet build Sharekeep.slnx --no-restore -c Debug; then
  echo "The build failed."
  echo "0 passed, 0 failed"
  exit 1
fi
took "restore and build"

status=0
# Formatting is part of the suite: a change that `dotnet format` would rewrite fails the run.
if ! dotnet format Sharekeep.slnx --no-restore --verify-no-changes; then
  echo "dotnet format found changes; run 'dotnet format Sharekeep.slnx'." >&2
  status=1
fi
took "dotnet format"

# Installs Debian's packages when a test's program is missing, or ends the run saying what could not be
# installed: DESCRIPTION [APT-OPTION...] PACKAGE...
install_debian() {
  local what=$1
  shift
  echo "Installing $what from Debian's packages..." >&2
  if [ "$(id -u)" -ne 0 ] ||
    ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >&2; then
    echo "$what could not be installed (apt-get install $*, as root)." >&2
    echo "0 passed, 0 failed"
    exit 1
  fi
}

# Debian's headless Chromium and its ChromeDriver for the browser tests.
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || install_debian Chromium chromium chromium-driver

# Debian's Prometheus, which scrapes a server in the metrics tests (started by the tests themselves, on loopback;
# the package's own service is not used, nor the exporters it recommends).
[ -x /usr/bin/prometheus ] || install_debian Prometheus --no-install-recommends prometheus

# Debian's nginx for the tests of the download offload behind it (decision 24), installed when missing; releases
# after bookworm have no nginx-light, and plain nginx is the same server with more modules.
if [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx from Debian's packages..." >&2
  if [ "$(id -u)" -ne 0 ] ||
    ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }; } >&2; then
    echo "nginx could not be installed (apt-get install nginx-light, as root)." >&2
    echo "0 passed, 0 failed"
    exit 1
  fi
fi

# A private PostgreSQL for the PostgreSQL pass and the multi-instance tests (installed from Debian's packages
# when missing), stopped and removed however the run ends.
source scripts/postgres.sh
if ! postgres_start; then
  echo "PostgreSQL could not be started."
  echo "0 passed, 0 failed"
  exit 1
fi
trap postgres_stop EXIT
took "installing and starting what the tests need"

# One run per project and database, each TRX named after it: runs of one solution-wide command can finish in
# the same instant and name their TRX files alike, so that one overwrites the other.
runs=0
run_tests() { # project, TRX name, extra arguments
  local project=$1 name=$2
  shift 2
  runs=$((runs + 1))
  dotnet test --project "$project" --no-build -c Debug --results-directory "$results" \
    --report-xunit-trx --report-xunit-trx-filename "$name.trx" "$@" || status=$?
  took "$name"
}
export SHAREKEEP_TEST_POSTGRES="$PG_ADMIN"
while IFS= read -r project; do
  name=$(basename "$project" .csproj)
  if [ "$name" = "Sharekeep.Server.Tests" ]; then
    # The same suite on both providers; tests about one provider's own storage carry a Database trait.
    # The browser tests drive pages, not storage: they run in the SQLite pass only.
    SHAREKEEP_TEST_PROVIDER=sqlite run_tests "$project" "$name.sqlite" --filter-not-trait "Database=postgres"
    SHAREKEEP_TEST_PROVIDER=postgres run_tests "$project" "$name.postgres" \
      --filter-not-trait "Database=sqlite" --filter-not-trait "Browser=chromium"
  else
    run_tests "$project" "$name"
  fi
done < <(find tests -name '*.Tests.csproj' | sort)

passed=0
failed=0
skipped=0
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
  # Skipped tests (a missing PostgreSQL or Chromium) count as neither passed nor failed: name them.
  while IFS= read -r name; do
    [ -n "$name" ] || continue
    skipped=$((skipped + 1))
    echo "skipped in $(basename "$trx" .trx): $name" >&2
  done < <(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/\1/p')
  # Failed tests are named again here, next to the totals, because CI shows only the end of the output.
  while IFS= read -r name; do
    [ -n "$name" ] && echo "failed in $(basename "$trx" .trx): $name"
  done < <(grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/\1/p')
done
[ "$skipped" -eq 0 ] || echo "$skipped skipped (see the lines above for which and why: the test output names what was missing)."

if [ "$files" -ne "$runs" ]; then
  echo "Expected results from $runs test runs, found $files." >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  [ "$status" -ne 0 ] || status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
