#!/usr/bin/env bash
# The benchmark: a bare ASP.NET Core app (the ceiling), Sharekeep on SQLite and Sharekeep on PostgreSQL, each
# driven by wrk on loopback at 64 connections with 1 000 and then 1 000 000 shares; then the time for a policy
# change on one instance to be obeyed by another. Prints the table and writes it into docs/benchmarks.md.
# Every loop is bounded; every server is stopped by its PID. Settings: BENCH_SECONDS (per run, default 10),
# BENCH_LARGE (default 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${BENCH_SECONDS:-10}
warmup=3
large=${BENCH_LARGE:-1000000}
small=1000
sample=10000
connections=64
threads=2
secret="bench-secret-0123456789abcdef"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# With two cores or more, the server under test gets core 0 and wrk core 1: otherwise the two fight over the
# same cores and the numbers measure the scheduler as much as the server. The ceiling runs the same way.
pin_server=()
pin_wrk=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  pin_server=(taskset -c 0)
  pin_wrk=(taskset -c 1)
fi

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

work=$(mktemp -d /tmp/sharekeep-bench.XXXXXX)
pids=()
source scripts/postgres.sh
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  postgres_stop
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building Release..." >&2
dotnet build src/Sharekeep.Server -c Release -o "$work/server" -v quiet -nologo >/dev/null
dotnet build bench/Sharekeep.Bench.Ceiling -c Release -o "$work/ceiling" -v quiet -nologo >/dev/null
dotnet build bench/Sharekeep.Bench.Tool -c Release -o "$work/tool" -v quiet -nologo >/dev/null
tool() { dotnet "$work/tool/Sharekeep.Bench.Tool.dll" "$@"; }

free_port() { postgres_free_port; }

# start NAME DLL PORT [VAR=VALUE...]: starts a server in the background, waits (bounded) until it answers.
start() {
  local name=$1 dll=$2 port=$3
  shift 3
  env "$@" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    "${pin_server[@]}" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  eval "pid_$name=$pid"
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$port/${health_path-healthz}" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name.log" >&2; return 1; }
    sleep 0.2
  done
  echo "$name did not start" >&2
  return 1
}

stop() { # PID
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

results="$work/results.tsv"
: >"$results"

# measure LABEL SHARES BASE_URL PATH_PATTERN KEYS_FILE: a short warm-up run (discarded), then two measured
# runs, of which the faster counts: this machine is shared, and a slow run measures the neighbours.
measure() {
  local label=$1 shares=$2 base=$3 pattern=$4 keys=$5
  "${pin_wrk[@]}" wrk -t"$threads" -c"$connections" -d"${warmup}s" -s bench/wrk/rotate.lua "$base" -- "$pattern" "$keys" >/dev/null
  local line best="" best_requests=-1 failures=0
  local requests duration_us p50_us p99_us errors non2xx bytes
  for _ in 1 2; do
    line=$("${pin_wrk[@]}" wrk -t"$threads" -c"$connections" -d"${seconds}s" -s bench/wrk/rotate.lua "$base" -- "$pattern" "$keys" | grep '^RESULT')
    eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
    # Errors of both runs count, whichever is kept.
    failures=$((failures + errors + non2xx))
    if [ "$requests" -gt "$best_requests" ]; then best_requests=$requests; best=$line; fi
  done
  eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$best")"
  local rps
  rps=$(awk -v r="$requests" -v d="$duration_us" 'BEGIN { printf "%.0f", r / (d / 1000000) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$shares" "$rps" "$p50_us" "$p99_us" "$failures" >>"$results"
  printf '  %-28s %9s shares  %8s req/s  p50 %6.2f ms  p99 %6.2f ms  errors %s\n' "$label" "$shares" "$rps" \
    "$(awk -v v="$p50_us" 'BEGIN { print v / 1000 }')" "$(awk -v v="$p99_us" 'BEGIN { print v / 1000 }')" "$failures" >&2
}

json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

# warm_up BASE_URL: a fresh server's first seconds measure the JIT, not the server; run every scenario
# unmeasured first, long enough for tiered compilation to settle.
warm_up() {
  local pattern keys
  for scenario in "/api/external/share/report/%s/evaluate report-keys" "/api/2.0/files/share/%s link-keys" "/s/%s/content download-key"; do
    read -r pattern keys <<<"$scenario"
    "${pin_wrk[@]}" wrk -t"$threads" -c"$connections" -d10s -s bench/wrk/rotate.lua "$1" -- "$pattern" "$work/$keys.txt" >/dev/null
  done
}

# scenarios PROVIDER SHARES BASE_URL
scenarios() {
  measure "$1: report evaluate" "$2" "$3" "/api/external/share/report/%s/evaluate" "$work/report-keys.txt"
  measure "$1: file-link resolve" "$2" "$3" "/api/2.0/files/share/%s" "$work/link-keys.txt"
  measure "$1: 1 MiB download" "$2" "$3" "/s/%s/content" "$work/download-key.txt"
}

propagation=""
memory=""

# run_provider sqlite|postgres
run_provider() {
  local provider=$1 data="$work/data-$1" port target
  port=$(free_port)
  mkdir -p "$data"
  local settings=("Sharekeep__DataDirectory=$data" "Sharekeep__ApiSecret=$secret")
  if [ "$provider" = postgres ]; then
    postgres_psql -c "CREATE DATABASE sharekeep"
    target="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=sharekeep"
    settings+=("Sharekeep__Database__Provider=postgres" "ConnectionStrings__Sharekeep=$target")
  else
    target="$data/sharekeep.db"
  fi
  echo "Sharekeep on $provider" >&2
  start "sk_$provider" "$work/server/Sharekeep.Server.dll" "$port" "${settings[@]}"
  local base="http://127.0.0.1:$port" pid
  eval "pid=\$pid_sk_$provider"

  # One 1 MiB file and a link to it, through the API, as a user would make them.
  head -c 1048576 /dev/urandom >"$work/1mib.bin"
  local file_id link_key
  file_id=$(curl -fsS -H "Authorization: Bearer $secret" -F "file=@$work/1mib.bin;type=application/octet-stream" "$base/api/v1/files" | json_field id)
  link_key=$(curl -fsS -X PUT -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
    -d '{"title":"download"}' "$base/api/2.0/files/file/$file_id/links" | json_field requestToken)
  echo "$link_key" >"$work/download-key.txt"

  tool seed "$provider" "$target" "$small" "$file_id"
  tool sample "$provider" "$target" "$sample" "$work/report-keys.txt" "$work/link-keys.txt"
  warm_up "$base"
  # The same pipeline (every middleware) with a trivial endpoint: what the framework around our code costs.
  measure "$provider: pipeline only (stylesheet)" "-" "$base" "/assets/sharekeep.css" "$work/no-key.txt"
  scenarios "$provider" "$small" "$base"

  tool seed "$provider" "$target" "$((large - small))" "$file_id"
  tool sample "$provider" "$target" "$sample" "$work/report-keys.txt" "$work/link-keys.txt"
  warm_up "$base"
  scenarios "$provider" "$large" "$base"
  memory+="| $provider | $large | $(rss_mib "$pid") MiB |"$'\n'

  if [ "$provider" = postgres ]; then
    echo "Propagation: a switch on one instance, obeyed by another" >&2
    local port_b
    port_b=$(free_port)
    start sk_postgres_b "$work/server/Sharekeep.Server.dll" "$port_b" "${settings[@]}"
    propagation=$(tool propagation "$base" "http://127.0.0.1:$port_b" "$secret" "$(head -n 1 "$work/report-keys.txt")" 100)
    echo "  $propagation" >&2
    stop "$pid_sk_postgres_b"
  fi
  stop "$pid"
}

echo "Ceiling: a bare ASP.NET Core app answering \"ok\"" >&2
port=$(free_port)
echo "-" >"$work/no-key.txt"
health_path="" start ceiling "$work/ceiling/Sharekeep.Bench.Ceiling.dll" "$port"
"${pin_wrk[@]}" wrk -t"$threads" -c"$connections" -d10s "http://127.0.0.1:$port/" >/dev/null
measure "ceiling: bare ASP.NET Core" "-" "http://127.0.0.1:$port" "/" "$work/no-key.txt"
stop "$pid_ceiling"

run_provider sqlite
postgres_start
run_provider postgres

# The table, with each row's ratio to the ceiling and, at 1 M shares, to the same scenario at 1 k.
table=$(awk -F'\t' -v small="$small" '
  NR == 1 { ceiling = $3 }
  { key = $1; if ($2 == small) at_small[key] = $3
    vs_small = ($2 != "-" && $2 != small && (key in at_small)) ? sprintf("%.2f", $3 / at_small[key]) : ""
    printf "| %s | %s | %d | %.2f | %.2f | %.2f | %s | %d |\n", $1, $2, $3, $4 / 1000, $5 / 1000, $3 / ceiling, vs_small, $6 }
' "$results")
read -r p50 p99 max toggles < <(sed 's/[a-z0-9_]*=//g' <<<"$propagation")
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
report=$(cat <<REPORT
Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu), wrk $threads threads / $connections connections,
best of two ${seconds} s runs after a ${warmup} s warm-up (and 10 s per scenario on a fresh server or data set); wrk rotates over $sample keys drawn at random from all shares
(all of them at $small). $([ ${#pin_server[@]} -gt 0 ] && echo "Servers run on core 0, wrk on core 1 (taskset)." || echo "Server and wrk share the machine.") Produced by \`bench/run.sh\`.

| Scenario | Shares | req/s | p50 ms | p99 ms | vs ceiling | vs 1 k | errors |
|---|---|---|---|---|---|---|---|
$table

Policy change on one instance obeyed by another (PostgreSQL, $toggles toggles): p50 **$p50 ms**, p99 **$p99 ms**, max $max ms.

| Provider | Shares | Resident memory after the runs |
|---|---|---|
${memory%$'\n'}
REPORT
)
echo
echo "$report"

doc=docs/benchmarks.md
if [ -f "$doc" ] && grep -q '<!-- bench:start -->' "$doc"; then
  printf '%s\n' "$report" >"$work/report.md"
  awk -v report="$work/report.md" '
    /<!-- bench:start -->/ { print; while ((getline line < report) > 0) print line; skipping = 1; next }
    /<!-- bench:end -->/ { skipping = 0 }
    !skipping { print }
  ' "$doc" >"$work/doc.md"
  cp "$work/doc.md" "$doc"
else
  printf '# Benchmarks\n\n<!-- bench:start -->\n%s\n<!-- bench:end -->\n' "$report" >"$doc"
fi
echo "Written to $doc." >&2
