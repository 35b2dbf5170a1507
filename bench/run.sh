#!/usr/bin/env bash
# The benchmark: a bare ASP.NET Core app (the ceiling), Debian's nginx serving the 1 MiB file (the download's
# anchor), Sharekeep on SQLite and Sharekeep on PostgreSQL, each driven by wrk on loopback at 64 connections with
# 1 000 and then 1 000 000 shares; the time for a policy change on one instance to be obeyed by another; and an
# unrelated share's evaluate while 1 000 client addresses guess passwords on 100 links. Prints the table, with the
# server's CPU and memory for each scenario and the issue's targets met or not, and writes it into
# docs/benchmarks.md. Every loop is bounded; every server is stopped by its PID. Settings: BENCH_SECONDS (per run,
# default 10), BENCH_LARGE (default 1000000), BENCH_WARM_SECONDS (each scenario unmeasured on a fresh server or data
# set, default 10), BENCH_ATTACK_CONNECTIONS (the attacker's, default 100), BENCH_NETWORK_ALLOWANCE (guesses one
# client network may have checked across all links in the brake's window, for the target's bound, default 5),
# BENCH_BULK (links a bulk revoke changes, default 100000), BENCH_ONLY=inventory (only the inventory's rows: a
# filtered GET /api/v1/links page and the bulk revoke, at BENCH_LARGE) or BENCH_ONLY=activity (only evaluate at
# BENCH_LARGE with activity counting on and off, two servers side by side measured in BENCH_ROUNDS alternating rounds,
# default 5, each server first warmed for BENCH_STEADY_SECONDS, default 60, and with the Prometheus endpoint on),
# BENCH_PROVIDERS (default "sqlite postgres"). A BENCH_ONLY run prints the table and writes no docs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${BENCH_SECONDS:-10}
warmup=3
warm=${BENCH_WARM_SECONDS:-10}
# Issue 15's comparison warms each of its servers this long: after 10 s, tiered compilation was still running
# instrumented code, more so on the server that also flushes, and the rounds measured the JIT (docs/benchmarks.md).
steady=${BENCH_STEADY_SECONDS:-60}
large=${BENCH_LARGE:-1000000}
small=1000
sample=10000
connections=64
threads=2
# The page scenarios rotate over as many 50-row reports (and a quarter as many dashboards) as the others over keys.
pages_large=$((large < sample ? large : sample))
# The attack: this many client addresses (one in five IPv4, each its own network; the rest from a few IPv6 /64s)
# guessing on this many password-protected links.
attack_addresses=1000
attack_networks_v6=8
attack_links=100
attack_connections=${BENCH_ATTACK_CONNECTIONS:-100}
network_allowance=${BENCH_NETWORK_ALLOWANCE:-20}
secret="bench-secret-0123456789abcdef"
bulk_size=${BENCH_BULK:-100000}
rounds=${BENCH_ROUNDS:-5}
only=${BENCH_ONLY:-}
providers=${BENCH_PROVIDERS:-sqlite postgres}
case "$only" in "" | inventory | activity) ;; *) echo "BENCH_ONLY is inventory or activity, not $only." >&2; exit 2 ;; esac
page_requests=200

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# With two cores or more, the server under test gets core 0 and wrk core 1: otherwise the two fight over the
# same cores and the numbers measure the scheduler as much as the server. The ceiling runs the same way.
pin_server=()
pin_wrk=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  pin_server=(taskset -c 0)
  pin_wrk=(taskset -c 1)
fi

# nginx is in /usr/sbin, which is not on every user's PATH.
find_nginx() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
[ -n "$(find_nginx)" ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # Debian releases after bookworm have no nginx-light; plain nginx is the same server with more modules.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]/nginx-light/nginx}"
fi
nginx_bin=$(find_nginx)

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
  launch "$name" "$port" env "$@" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    "${pin_server[@]}" dotnet "$dll" --urls "http://127.0.0.1:$port"
}

# launch NAME PORT COMMAND...: runs the command in the background as pid_NAME (env and taskset exec, so it is the
# server's own PID), waits (bounded) until it answers on the port.
launch() {
  local name=$1 port=$2
  shift 2
  "$@" >"$work/$name.log" 2>&1 &
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

# The server's own use of the machine, from /proc: CPU seconds (user + system) so far, resident and peak memory.
ticks=$(getconf CLK_TCK)
# A scenario served by two processes (nginx in front of Sharekeep) names both: CPU is their sum, memory the first's.
cpu_seconds() { local p files=(); for p in $1; do files+=("/proc/$p/stat"); done
  awk -v t="$ticks" '{ sub(/^.*\) /, ""); sum += $12 + $13 } END { printf "%.2f", sum / t }' "${files[@]}"; }
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${1%% *}/status"; }
hwm_mib() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${1%% *}/status"; }
now() { date +%s.%N; }

results="$work/results.tsv"
: >"$results"
attacks="$work/attacks.tsv"
: >"$attacks"
cold="$work/cold.tsv"
: >"$cold"
server_pid=""

# record KIND LABEL SHARES CPU_SECONDS WALL_SECONDS RESULT_LINE FAILURES: one row of the table, with the server's
# (server_pid's) CPU as a percentage of one core over the measured runs, and its memory after them.
record() {
  local kind=$1 label=$2 shares=$3 cpu=$4 wall=$5 line=$6 failures=$7
  local requests duration_us p50_us p99_us errors non2xx bytes rps percent
  eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
  rps=$(awk -v r="$requests" -v d="$duration_us" 'BEGIN { printf "%.0f", r / (d / 1000000) }')
  percent=$(awk -v c="$cpu" -v w="$wall" 'BEGIN { printf "%.0f", 100 * c / w }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$label" "$shares" "$rps" "$p50_us" "$p99_us" "$failures" \
    "$percent" "$(rss_mib "$server_pid")" "$(hwm_mib "$server_pid")" >>"$results"
  printf '  %-36s %9s shares  %8s req/s  p50 %7.2f ms  p99 %7.2f ms  errors %s  cpu %s %%  rss %s MiB\n' "$label" "$shares" "$rps" \
    "$(awk -v v="$p50_us" 'BEGIN { print v / 1000 }')" "$(awk -v v="$p99_us" 'BEGIN { print v / 1000 }')" "$failures" \
    "$percent" "$(rss_mib "$server_pid")" >&2
}

# run_wrk SECONDS BASE_URL PATH_PATTERN KEYS_FILE [WRK OPTION...]: one run; prints its RESULT line.
run_wrk() {
  local duration=$1 base=$2 pattern=$3 keys=$4
  shift 4
  "${pin_wrk[@]}" wrk -t"$threads" -c"$connections" -d"${duration}s" "$@" -s bench/wrk/rotate.lua "$base" -- "$pattern" "$keys" </dev/null | grep "^RESULT"
}

# measure KIND LABEL SHARES BASE_URL PATH_PATTERN KEYS_FILE: a short warm-up run (discarded), then two measured
# runs, of which the faster counts: this machine is shared, and a slow run measures the neighbours. The server's
# CPU is over both runs.
measure() {
  local kind=$1 label=$2 shares=$3 base=$4 pattern=$5 keys=$6
  run_wrk "$warmup" "$base" "$pattern" "$keys" >/dev/null
  local line best="" best_requests=-1 failures=0 cpu_before wall_before
  local requests duration_us p50_us p99_us errors non2xx bytes
  cpu_before=$(cpu_seconds "$server_pid")
  wall_before=$(now)
  for _ in 1 2; do
    line=$(run_wrk "$seconds" "$base" "$pattern" "$keys")
    eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
    # Errors of both runs count, whichever is kept.
    failures=$((failures + errors + non2xx))
    if [ "$requests" -gt "$best_requests" ]; then best_requests=$requests; best=$line; fi
  done
  record "$kind" "$label" "$shares" "$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$server_pid")" 'BEGIN { print b - a }')" \
    "$(awk -v a="$wall_before" -v b="$(now)" 'BEGIN { print b - a }')" "$best" "$failures"
}

json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

evaluate_path="/api/external/share/report/%s/evaluate"
# KIND PATH_PATTERN KEYS LABEL, one a line: what each provider is measured on at both sizes.
scenario_list="evaluate $evaluate_path report-keys report evaluate
resolve /api/2.0/files/share/%s link-keys file-link resolve
page /share/report/%s page-keys report page (50 rows)
dashboard /share/dashboard/%s dashboard-keys dashboard page (4 reports)
download /s/%s/content download-key 1 MiB download"

# warm_up BASE_URL [KIND]: a fresh server's first seconds measure the JIT, not the server; run every scenario (or
# the one named) unmeasured first, long enough for tiered compilation to settle.
warm_up() {
  local kind pattern keys label
  while read -r kind pattern keys label; do
    if [ -z "${2-}" ] || [ "$2" = "$kind" ]; then
      run_wrk "$warm" "$1" "$pattern" "$work/$keys.txt" >/dev/null
    fi
  done <<<"$scenario_list"
}

# scenarios PROVIDER SHARES BASE_URL
scenarios() {
  local kind pattern keys label
  while read -r kind pattern keys label; do
    measure "$kind" "$1: $label" "$2" "$3" "$pattern" "$work/$keys.txt"
  done <<<"$scenario_list"
}

# nginx_download: Debian's nginx, one process (no master, so its PID is the worker's), sendfile on, on the server's
# core, serving the very file Sharekeep was given (a hard link, so the same bytes on the same disk).
# nginx_download PROVIDER SHAREKEEP_PORT SHAREKEEP_PID FILES_DIR: also Sharekeep behind nginx, downloads handed back.
nginx_download() {
  local port proxy_port dir="$work/nginx" provider_name=$1 sharekeep_port=$2 sharekeep_pid=$3 files=$4
  port=$(free_port)
  proxy_port=$(free_port)
  mkdir -p "$dir/root" "$dir/temp"
  ln -f "$work/1mib.bin" "$dir/root/1mib.bin"
  cat >"$dir/nginx.conf" <<NGINX
daemon off;
master_process off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  # Kestrel keeps a connection for any number of requests; nginx's default closes one after 1 000.
  keepalive_requests 1000000;
  client_body_temp_path $dir/temp/body;
  proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$port;
    root $dir/root;
    location = /healthz { return 200 "ok"; }
  }
  # Sharekeep behind this nginx, handing downloads back to it (Sharekeep:Downloads:OffloadPrefix, decision 24).
  upstream sharekeep { server 127.0.0.1:$sharekeep_port; keepalive 64; }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://sharekeep;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Sendfile-Type X-Accel-Redirect;
    }
    location /_sharekeep_files/ {
      internal;
      alias $files/;
      add_header Content-Security-Policy \$upstream_http_content_security_policy always;
      add_header X-Content-Type-Options \$upstream_http_x_content_type_options always;
      add_header Referrer-Policy \$upstream_http_referrer_policy always;
    }
  }
}
NGINX
  launch nginx "$port" "${pin_server[@]}" "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log"
  server_pid=$pid_nginx
  echo "1mib.bin" >"$dir/key.txt"
  measure nginx "nginx: 1 MiB download (sendfile)" "-" "http://127.0.0.1:$port" "/%s" "$dir/key.txt"
  # Both processes on the server's core, both charged.
  server_pid="$pid_nginx $sharekeep_pid"
  measure offload "$provider_name: 1 MiB download via nginx (X-Accel-Redirect)" "$small" "http://127.0.0.1:$proxy_port" "/s/%s/content" "$work/download-key.txt"
  stop "$pid_nginx"
}

# inventory PROVIDER TARGET BASE_URL: a filtered page of GET /api/v1/links (kind=file&state=active, 100 links) at the
# large size, timed by a bounded loop of curl one request at a time (an admin's listing, not a visitors' flood);
# then a bulk revoke of BENCH_BULK file links of a second file while wrk resolves links of the first (sampled
# before, so none of them is revoked): the resolves' latency during the bulk, and the bulk's wall time.
inventory() {
  local provider=$1 target=$2 base=$3 url times line cpu_before wall_before second_file bulk_pid count bulk_seconds
  url="$base/api/v1/links?kind=file&state=active&limit=100"
  curl -fsS -o /dev/null -H "Authorization: Bearer $secret" "$url"
  times="$work/inventory-times.txt"
  : >"$times"
  cpu_before=$(cpu_seconds "$server_pid")
  wall_before=$(now)
  for _ in $(seq 1 "$page_requests"); do
    curl -fsS -o /dev/null --max-time 10 -w '%{time_total}\n' -H "Authorization: Bearer $secret" "$url" >>"$times" || echo fail >>"$times"
  done
  line=$(grep -v fail "$times" | sort -n | awk -v failed="$(grep -c fail "$times" || true)" '
    { v[++c] = $1; s += $1 }
    END { printf "RESULT requests=%d duration_us=%.0f p50_us=%.0f p99_us=%.0f errors=%d non2xx=0 bytes=0\n",
      c, s * 1000000, v[int((c + 1) * 0.5)] * 1000000, v[int(c * 0.99 + 0.5)] * 1000000, failed }')
  record links "$provider: links page (kind=file, state=active)" "$large" \
    "$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$server_pid")" 'BEGIN { print b - a }')" \
    "$(awk -v a="$wall_before" -v b="$(now)" 'BEGIN { print b - a }')" "$line" "$(grep -c fail "$times" || true)"

  echo "bulk" >"$work/bulk.txt"
  second_file=$(curl -fsS -H "Authorization: Bearer $secret" -F "file=@$work/bulk.txt;type=text/plain" "$base/api/v1/files" | json_field id)
  tool seed "$provider" "$target" "$bulk_size" "$second_file"
  run_wrk "$warmup" "$base" "/api/2.0/files/share/%s" "$work/link-keys.txt" >/dev/null
  curl -sS -o "$work/bulk.json" --max-time 1200 -w '%{time_total}' -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
    -d "{\"action\":\"revoke\",\"filter\":{\"fileId\":\"$second_file\"}}" "$base/api/v1/links/bulk" >"$work/bulk-time.txt" &
  bulk_pid=$!
  pids+=("$bulk_pid")
  cpu_before=$(cpu_seconds "$server_pid")
  wall_before=$(now)
  line=$(run_wrk "$seconds" "$base" "/api/2.0/files/share/%s" "$work/link-keys.txt")
  local wrk_wall
  wrk_wall=$(awk -v a="$wall_before" -v b="$(now)" 'BEGIN { print b - a }')
  wait "$bulk_pid" || true
  bulk_seconds=$(cat "$work/bulk-time.txt")
  count=$(grep -o '"count":[0-9]*' "$work/bulk.json" | cut -d: -f2 || true)
  echo "  bulk revoke: ${count:-no} links in ${bulk_seconds} s (wrk's ${seconds} s window started with it)" >&2
  eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
  # The revoked count stands in the size column: the target checks that every one was revoked.
  record bulk "$provider: resolve during bulk revoke (${bulk_seconds} s)" "${count:-0}" \
    "$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$server_pid")" 'BEGIN { print b - a }')" "$wrk_wall" "$line" "$((errors + non2xx))"
}

propagation=""

# run_provider sqlite|postgres
run_provider() {
  local provider=$1 data="$work/data-$1" port target
  port=$(free_port)
  mkdir -p "$data"
  # The offload applies only to requests nginx announces, from a proxy Sharekeep knows (the loopback, as nginx here
  # is); every other scenario reaches Sharekeep directly and sends no forwarded headers.
  local settings=("Sharekeep__DataDirectory=$data" "Sharekeep__ApiSecret=$secret" "Sharekeep__Downloads__OffloadPrefix=/_sharekeep_files/"
    "Sharekeep__Proxy__KnownProxies__0=127.0.0.1")
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
  server_pid=$pid

  # One 1 MiB file and a link to it, through the API, as a user would make them.
  local file_id link_key
  file_id=$(curl -fsS -H "Authorization: Bearer $secret" -F "file=@$work/1mib.bin;type=application/octet-stream" "$base/api/v1/files" | json_field id)
  link_key=$(curl -fsS -X PUT -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
    -d '{"title":"download"}' "$base/api/2.0/files/file/$file_id/links" | json_field requestToken)
  echo "$link_key" >"$work/download-key.txt"

  local keys=("$work/report-keys.txt" "$work/link-keys.txt" "$work/page-keys.txt" "$work/dashboard-keys.txt")
  tool seed "$provider" "$target" "$small" "$file_id"
  tool seed-pages "$provider" "$target" "$small" "$((small / 4))"
  tool sample "$provider" "$target" "$sample" "${keys[@]}"
  if [ -z "$only" ]; then
  warm_up "$base"
  # The same pipeline (every middleware) with a trivial endpoint: what the framework around our code costs.
  measure pipeline "$provider: pipeline only (stylesheet)" "-" "$base" "/assets/sharekeep.css" "$work/no-key.txt"
  # The download's anchor, measured beside this provider's downloads with Sharekeep idle.
  nginx_download "$provider" "$port" "$pid" "$data/files"
  server_pid=$pid
  scenarios "$provider" "$small" "$base"
  fi

  tool seed "$provider" "$target" "$((large - small))" "$file_id"
  tool seed-pages "$provider" "$target" "$((pages_large - small))" "$(((pages_large - small) / 4))"
  tool sample "$provider" "$target" "$sample" "${keys[@]}"
  if [ "$only" = inventory ]; then
    inventory "$provider" "$target" "$base"
    stop "$pid"
    return
  fi
  if [ "$only" = activity ]; then
    stop "$pid"
    alternate "$provider" "$large" "${settings[@]}"
    variant metrics-on "$provider: evaluate, Prometheus endpoint on" "$provider" "$large" "${settings[@]}" "Sharekeep__Metrics__Prometheus=true"
    return
  fi
  warm_up "$base"
  scenarios "$provider" "$large" "$base"
  variant activity-off "$provider: evaluate, activity counting off" "$provider" "$large" "${settings[@]}" "Sharekeep__Activity__Enabled=false"
  variant metrics-on "$provider: evaluate, Prometheus endpoint on" "$provider" "$large" "${settings[@]}" "Sharekeep__Metrics__Prometheus=true"
  inventory "$provider" "$target" "$base"

  if [ "$provider" = postgres ]; then
    echo "Propagation: a switch on one instance, obeyed by another" >&2
    local port_b
    port_b=$(free_port)
    start sk_postgres_b "$work/server/Sharekeep.Server.dll" "$port_b" "${settings[@]}"
    propagation=$(tool propagation "$base" "http://127.0.0.1:$port_b" "$secret" "$(head -n 1 "$work/report-keys.txt")" 100)
    echo "  $propagation" >&2
    stop "$pid_sk_postgres_b"
  fi
  cold_pages "$provider" "$target" "$base"
  stop "$pid"
  attack "$provider" "$file_id" "${settings[@]}"
}

# variant KIND LABEL PROVIDER SHARES [VAR=VALUE...]: the evaluate scenario again, on a second server over the same
# data with other settings, beside the evaluate row measured with the defaults in the same run: per-link activity
# counting off (issue 15 asks the hot path to stay within 3 % of it) and the Prometheus endpoint on.
variant() {
  local kind=$1 label=$2 provider=$3 shares=$4 port pid previous=$server_pid
  shift 4
  port=$(free_port)
  start "sk_${kind//-/_}_$provider" "$work/server/Sharekeep.Server.dll" "$port" "$@"
  eval "pid=\$pid_sk_${kind//-/_}_$provider"
  server_pid=$pid
  warm_up "http://127.0.0.1:$port" evaluate
  measure "$kind" "$label" "$shares" "http://127.0.0.1:$port" "$evaluate_path" "$work/report-keys.txt"
  stop "$pid"
  server_pid=$previous
}

# alternate PROVIDER SHARES [VAR=VALUE...]: issue 15's comparison, made so that it can resolve a few per cent. Two
# servers over the same data side by side, activity counting on (the defaults) and off, both warmed up, then
# BENCH_ROUNDS rounds of one BENCH_SECONDS run on each, the order swapped every round; each setting's row is its
# median run. One fresh server per setting, measured once minutes apart, differed by a third between two runs of
# the whole script (docs/benchmarks.md, 2026-12-02): the machine drifts more than the target.
alternate() {
  local provider=$1 shares=$2
  shift 2
  local port_on port_off pid_on pid_off round first line requests duration_us p50_us p99_us errors non2xx bytes
  local cpu_on cpu_off failures_on=0 failures_off=0 warm=$steady
  port_on=$(free_port)
  start "alt_on_$provider" "$work/server/Sharekeep.Server.dll" "$port_on" "$@"
  eval "pid_on=\$pid_alt_on_$provider"
  port_off=$(free_port)
  start "alt_off_$provider" "$work/server/Sharekeep.Server.dll" "$port_off" "$@" "Sharekeep__Activity__Enabled=false"
  eval "pid_off=\$pid_alt_off_$provider"
  warm_up "http://127.0.0.1:$port_on" evaluate
  warm_up "http://127.0.0.1:$port_off" evaluate
  : >"$work/alt-on.txt"
  : >"$work/alt-off.txt"
  cpu_on=$(cpu_seconds "$pid_on")
  cpu_off=$(cpu_seconds "$pid_off")
  for round in $(seq 1 "$rounds"); do
    for first in on off; do
      local setting=$first
      if [ $((round % 2)) -eq 0 ]; then setting=$([ "$first" = on ] && echo off || echo on); fi
      local port=$port_on
      [ "$setting" = on ] || port=$port_off
      line=$(run_wrk "$seconds" "http://127.0.0.1:$port" "$evaluate_path" "$work/report-keys.txt")
      eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
      if [ "$setting" = on ]; then failures_on=$((failures_on + errors + non2xx)); else failures_off=$((failures_off + errors + non2xx)); fi
      printf '%s\t%s\n' "$requests" "$line" >>"$work/alt-$setting.txt"
      echo "  round $round, counting $setting: $(awk -v r="$requests" -v d="$duration_us" 'BEGIN { printf "%.0f", r / (d / 1000000) }') req/s" >&2
    done
  done
  local median=$(((rounds + 1) / 2)) wall
  wall=$((rounds * seconds))
  server_pid=$pid_on
  record evaluate "$provider: report evaluate (median of $rounds, alternating)" "$shares" \
    "$(awk -v a="$cpu_on" -v b="$(cpu_seconds "$pid_on")" 'BEGIN { print b - a }')" "$wall" \
    "$(sort -n "$work/alt-on.txt" | sed -n "${median}p" | cut -f2)" "$failures_on"
  server_pid=$pid_off
  record activity-off "$provider: evaluate, activity counting off (median of $rounds, alternating)" "$shares" \
    "$(awk -v a="$cpu_off" -v b="$(cpu_seconds "$pid_off")" 'BEGIN { print b - a }')" "$wall" \
    "$(sort -n "$work/alt-off.txt" | sed -n "${median}p" | cut -f2)" "$failures_off"
  stop "$pid_on"
  stop "$pid_off"
}

# cold_pages PROVIDER TARGET BASE_URL: the page of each report shape that made huge pages (issue 13), and of a
# 50-row report, opened once on a server that never saw it: its size, the time to the last byte (curl, at most
# 30 s), and the server's memory after it. Last on the provider's server: a slow render goes on after curl gives up.
cold_pages() {
  local key label answer
  tool seed-shapes "$1" "$2" "$work/shape-keys.txt"
  while IFS=$'\t' read -r key label; do
    # curl's exit code tells a page cut off at 30 s (28) from a whole one (0), whatever the status said.
    answer=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}\t%{size_download}\t%{time_total}\t%{exitcode}' "$3/share/report/$key" || true)
    printf '%s\t%s\t%s\t%s\n' "$1" "$label" "$answer" "$(rss_mib "$server_pid")" >>"$cold"
    echo "  cold page, $label: $answer (status, bytes, seconds, curl's exit), server RSS $(rss_mib "$server_pid") MiB" >&2
  done <"$work/shape-keys.txt"
}

# attack PROVIDER FILE_ID [VAR=VALUE...]: Sharekeep again on the same data, now trusting the loopback as its
# reverse proxy, so that the X-Forwarded-For the attacker sends is the client address every brake sees (the
# honest way to have 1 000 addresses on one machine). An unrelated share's evaluate is measured alone and then
# while the attacker guesses passwords on the links, for the same time; the attacker counts what the server did
# with its guesses.
attack() {
  local provider=$1 file_id=$2 port
  shift 2
  port=$(free_port)
  echo "Password attack on $provider: $attack_addresses addresses, $attack_links links" >&2
  start "attack_$provider" "$work/server/Sharekeep.Server.dll" "$port" "$@" "Sharekeep__Proxy__KnownProxies__0=127.0.0.1"
  local base="http://127.0.0.1:$port" pid
  eval "pid=\$pid_attack_$provider"
  server_pid=$pid
  # The links as their owner makes them, through the API (each password is hashed, so this takes a while).
  local i key
  : >"$work/locked-keys.txt"
  for i in $(seq 1 "$attack_links"); do
    key=$(curl -fsS -X PUT -H "Authorization: Bearer $secret" -H 'Content-Type: application/json' \
      -d "{\"title\":\"locked $i\",\"password\":\"right-$i-$RANDOM$RANDOM\"}" "$base/api/2.0/files/file/$file_id/links" | json_field requestToken)
    echo "$key" >>"$work/locked-keys.txt"
  done
  warm_up "$base" evaluate
  # Under attack a request can wait far past wrk's default 2 s timeout; both runs allow 30 s, so that the slow
  # answers count in the percentiles instead of as errors.
  local line best="" best_requests=-1 cpu_before wall_before requests duration_us p50_us p99_us errors non2xx bytes
  cpu_before=$(cpu_seconds "$pid")
  wall_before=$(now)
  # The faster of two calm runs, as in every other scenario: one slow run on this shared machine would make the
  # attack look harmless.
  for _ in 1 2; do
    line=$(run_wrk "$seconds" "$base" "$evaluate_path" "$work/report-keys.txt" --timeout 30s)
    eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
    if [ "$requests" -gt "$best_requests" ]; then best_requests=$requests; best=$line; fi
  done
  line=$best
  eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
  record calm "$provider: evaluate, no attack" "$large" "$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$pid")" 'BEGIN { print b - a }')" \
    "$(awk -v a="$wall_before" -v b="$(now)" 'BEGIN { print b - a }')" "$line" "$((errors + non2xx))"

  cpu_before=$(cpu_seconds "$pid")
  wall_before=$(now)
  "${pin_wrk[@]}" wrk -t2 -c"$attack_connections" -d"${seconds}s" --timeout 30s -s bench/wrk/guess.lua "$base" -- \
    "/api/2.0/files/share/%s/password" "$work/locked-keys.txt" "$attack_addresses" "$attack_networks_v6" 2 >"$work/guesses.txt" &
  local attacker=$!
  pids+=("$attacker")
  line=$(run_wrk "$seconds" "$base" "$evaluate_path" "$work/report-keys.txt" --timeout 30s)
  wait "$attacker"
  eval "$(sed 's/^RESULT //; s/ /;/g' <<<"$line")"
  record attacked "$provider: evaluate under the attack" "$large" "$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$pid")" 'BEGIN { print b - a }')" \
    "$(awk -v a="$wall_before" -v b="$(now)" 'BEGIN { print b - a }')" "$line" "$((errors + non2xx))"
  local sent checked refused other unanswered
  eval "$(grep '^GUESSES' "$work/guesses.txt" | sed 's/^GUESSES //; s/ /;/g')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$provider" "$sent" "$checked" "$refused" "$other" "$unanswered" "$errors" >>"$attacks"
  echo "  attacker: $sent guesses sent, $checked checked (wrong password), $refused refused (429), $other other," \
    "$unanswered unanswered at the end, $errors errors" >&2
  stop "$pid"
}

echo "Ceiling: a bare ASP.NET Core app answering \"ok\"" >&2
port=$(free_port)
echo "-" >"$work/no-key.txt"
head -c 1048576 /dev/urandom >"$work/1mib.bin"
if [ -z "$only" ]; then
health_path="" start ceiling "$work/ceiling/Sharekeep.Bench.Ceiling.dll" "$port"
server_pid=$pid_ceiling
"${pin_wrk[@]}" wrk -t"$threads" -c"$connections" -d"${warm}s" "http://127.0.0.1:$port/" >/dev/null
measure ceiling "ceiling: bare ASP.NET Core" "-" "http://127.0.0.1:$port" "/" "$work/no-key.txt"
stop "$pid_ceiling"
fi

for provider in $providers; do
  [ "$provider" != postgres ] || postgres_start
  run_provider "$provider"
done

# The table, with each row's ratio to the ceiling (downloads: to nginx, measured in the same provider's block) and,
# at 1 M shares, to the same scenario at 1 k; then the server's CPU (percent of one core over the measured runs)
# and memory (resident after them, and the peak since it started).
table=$(awk -F'\t' -v small="$small" '
  $1 == "ceiling" { ceiling = $4 }
  $1 == "nginx" { anchor = $4 }
  { key = $2; if ($3 == small) at_small[key] = $4
    vs_small = ($3 != "-" && $3 != small && (key in at_small)) ? sprintf("%.2f", $4 / at_small[key]) : ""
    vs_ceiling = ($1 != "download" && $1 != "offload" && $1 != "nginx" && ceiling > 0) ? sprintf("%.2f", $4 / ceiling) : ""
    vs_nginx = (($1 == "download" || $1 == "offload") && anchor > 0) ? sprintf("%.2f", $4 / anchor) : ""
    # No answer within the run has no latency to show (wrk reports 0).
    p50 = $4 > 0 ? sprintf("%.2f", $5 / 1000) : "-"; p99 = $4 > 0 ? sprintf("%.2f", $6 / 1000) : "-"
    printf "| %s | %s | %d | %s | %s | %s | %s | %s | %d | %d %% | %d | %d |\n", $2, $3, $4, p50, p99,
      vs_ceiling, vs_nginx, vs_small, $7, $8, $9, $10 }
' "$results")
networks=$((attack_addresses / 5 + attack_networks_v6))
allowed=$((5 * attack_links + networks * network_allowance))
guesses=$(awk -F'\t' -v allowed="$allowed" '
  { printf "| %s | %d | %d | %d | %d | %d | %d | %d |\n", $1, $2, $3, $4, $5, $6, $7, allowed }
' "$attacks")
pages=$(awk -F'\t' '
  { printf "| %s | %s | %s | %.0f KB | %.0f ms | %s |\n", $1, $2,
      $3 == "000" ? "no answer in 30 s" : $6 != "0" ? $3 ", cut off at 30 s" : $3, $4 / 1024, $5 * 1000, $7 }
' "$cold")
# The issue'"'"'s targets, each judged per provider from this run alone.
targets=$(awk -F'\t' -v small="$small" -v large="$large" -v allowed="$allowed" -v seconds="$seconds" -v connections="$connections" '
  function provider(label) { return substr(label, 1, index(label, ":") - 1) }
  function low(name, value) { if (!((name) in lows) || value < lows[name]) lows[name] = value }
  function high(name, value) { if (!((name) in highs) || value > highs[name]) highs[name] = value }
  function row(target, p, measured, met) { printf "| %s | %s | %s | %s |\n", target, p, measured, met == "untested" ? "not tested" : met == "record" ? "no target" : met ? "**yes**" : "no" }
  FNR == NR && $1 == "ceiling" { ceiling = $4 }
  FNR == NR && $1 == "nginx" { anchor = $4 }
  FNR == NR {
    p = provider($2)
    if (($1 == "evaluate" || $1 == "resolve") && ($3 == small || $3 == large)) { low(p "fast", $4 / ceiling); high(p "p99", $6) }
    if ($1 == "page") low(p "page", $4 / ceiling)
    if ($1 == "download") low(p "download", $4 / anchor)
    if ($1 == "offload") low(p "offload", $4 / anchor)
    if ($1 == "calm") calm[p] = $4
    if ($1 == "links") { links_p50[p] = $5; links_p99[p] = $6; links_failed[p] = $7 }
    if ($1 == "bulk") { bulk_label[p] = substr($2, index($2, "(") + 1); sub(/\)$/, "", bulk_label[p]); bulk_count[p] = $3; bulk_p99[p] = $6; bulk_rps[p] = $4 }
    if ($1 == "attacked") { attacked[p] = $4; attacked_p99[p] = $6; attacked_peak[p] = $10 }
    if ($1 == "evaluate" && $3 == large) evaluate_large[p] = $4
    if ($1 == "activity-off") activity_off[p] = $4
    if ($1 == "metrics-on") metrics_on[p] = $4
    if (!(p in seen) && p != "ceiling" && p != "nginx") { seen[p] = 1; order[++providers] = p }
    next
  }
  FILENAME == attacks { sent[$1] = $2; checked[$1] = $3; unanswered[$1] = $6; next }
  # A cold page: the largest and the slowest of each provider, and whether every one was a page at all.
  { high($1 "bytes", $4); high($1 "seconds", $5); if ($3 != "200" || $6 != "0") failed[$1] = 1 }
  END {
    for (i = 1; i <= providers; i++) { p = order[i]
      if (!(ceiling > 0)) continue
      row("evaluate and resolve >= 0.85 of the ceiling, p99 < 3 ms (1 k and 1 M)", p,
        sprintf("lowest %.2f, p99 up to %.2f ms", lows[p "fast"], highs[p "p99"] / 1000), lows[p "fast"] >= 0.85 && highs[p "p99"] < 3000) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in links_p99)) continue
      row("GET /api/v1/links filtered page at " large " links < 50 ms (p99 of " '"$page_requests"' " requests)", p,
        sprintf("p50 %.2f ms, p99 %.2f ms", links_p50[p] / 1000, links_p99[p] / 1000), links_p99[p] < 50000 && links_failed[p] == 0) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in bulk_count)) continue
      row("bulk revoke of " '"$bulk_size"' " links completes while resolves answer", p,
        sprintf("%d revoked in %s; resolves %d req/s, p99 %.2f ms during it", bulk_count[p], bulk_label[p], bulk_rps[p], bulk_p99[p] / 1000),
        bulk_count[p] == '"$bulk_size"' && bulk_rps[p] > 0) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in activity_off) || !(p in evaluate_large)) continue
      row("evaluate at " large " with activity counting >= 0.97 of it without (issue 15)", p,
        sprintf("%.3f (%d with, %d without req/s)", evaluate_large[p] / activity_off[p], evaluate_large[p], activity_off[p]),
        evaluate_large[p] >= 0.97 * activity_off[p]) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in metrics_on) || !(p in evaluate_large)) continue
      row("evaluate at " large " with the Prometheus endpoint on, against off (no target: for the record)", p,
        sprintf("%.3f (%d on, %d off req/s)", metrics_on[p] / evaluate_large[p], metrics_on[p], evaluate_large[p]), "record") }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!((p "page") in lows)) continue
      row("report page (50 rows) >= 0.6 of the ceiling", p, sprintf("lowest %.2f", lows[p "page"]), lows[p "page"] >= 0.6) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!((p "bytes") in highs)) continue
      row("any report'"'"'s page <= 2 MB and <= 100 ms cold (the shapes above)", p,
        sprintf("up to %.0f KB, %.0f ms%s", highs[p "bytes"] / 1024, highs[p "seconds"] * 1000, p in failed ? ", not every one a whole page" : ""),
        !(p in failed) && highs[p "bytes"] <= 2000000 && highs[p "seconds"] <= 0.1) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!((p "download") in lows)) continue
      row("1 MiB download >= 0.8 of nginx: Kestrel sending it", p, sprintf("lowest %.2f", lows[p "download"]), lows[p "download"] >= 0.8) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!((p "offload") in lows)) continue
      row("1 MiB download >= 0.8 of nginx: behind nginx, handed back to it", p, sprintf("%.2f", lows[p "offload"]), lows[p "offload"] >= 0.8) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in attacked)) continue
      kept = calm[p] > 0 ? attacked[p] / calm[p] : 0
      # wrk'"'"'s percentiles are of the answers it got: with few, the requests still waiting at the end (up to one per
      # connection) would be the slowest, and are not in them.
      answers = attacked[p] * seconds
      row("under attack: evaluate keeps >= 0.8 of its throughput, p99 < 20 ms", p,
        attacked[p] > 0 ? sprintf("%.2f of it, p99 %.2f ms%s", kept, attacked_p99[p] / 1000,
          answers < 10 * connections ? sprintf(" of only about %d answers", answers) : "") : "no answer within the run",
        attacked[p] > 0 && kept >= 0.8 && attacked_p99[p] < 20000) }
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in attacked)) continue
      row("under attack: server memory < 512 MiB", p, sprintf("peak %d MiB", attacked_peak[p]), attacked_peak[p] < 512) }
    # Guesses unanswered at the end may have been checked too. An attacker who sent no more guesses than the
    # bound has not tested it, whatever the brake.
    for (i = 1; i <= providers; i++) { p = order[i]; if (!(p in checked)) continue
      row("under attack: guesses checked <= " allowed, p,
        sent[p] > allowed ? sprintf("%d to %d checked", checked[p], checked[p] + unanswered[p]) \
          : sprintf("only %d guesses sent, %d checked", sent[p], checked[p]),
        sent[p] > allowed ? checked[p] + unanswered[p] <= allowed : "untested") }
  }
' attacks="$attacks" "$results" "$attacks" "$cold")
read -r p50 p99 max toggles < <(sed 's/[a-z0-9_]*=//g' <<<"$propagation")
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
report=$(cat <<REPORT
Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($cpu), wrk $threads threads / $connections connections,
best of two ${seconds} s runs after a ${warmup} s warm-up (and ${warm} s per scenario on a fresh server or data set); wrk rotates over $sample keys drawn at random from all shares
(all of them at $small; the page scenarios over the 50-row reports and the dashboards seeded for them). $([ ${#pin_server[@]} -gt 0 ] && echo "Servers (nginx too) run on core 0, wrk on core 1 (taskset)." || echo "Server and wrk share the machine.") Produced by \`bench/run.sh\`.

| Scenario | Shares | req/s | p50 ms | p99 ms | vs ceiling | vs nginx | vs 1 k | errors | server CPU | RSS MiB | peak MiB |
|---|---|---|---|---|---|---|---|---|---|---|---|
$table

Policy change on one instance obeyed by another (PostgreSQL, $toggles toggles): p50 **$p50 ms**, p99 **$p99 ms**, max $max ms.

The password attack: $attack_addresses client addresses ($((attack_addresses / 5)) IPv4, the rest in $attack_networks_v6 IPv6 /64s: $networks networks)
guessing on $attack_links links for ${seconds} s at $attack_connections connections, beside the evaluate run above it in the table. Allowed at most:
5 x $attack_links links + $networks networks x $network_allowance = $allowed checked guesses. Guesses unanswered when the attacker stopped (at most its
$attack_connections connections) may have been checked as well; the target counts them as checked.

| Provider | guesses sent | checked (wrong password) | refused (429) | other answers | unanswered at the end | errors | allowed at most |
|---|---|---|---|---|---|---|---|
$guesses

Cold pages: each report opened once on a server that had not seen it (curl, the time to the last byte).

| Provider | Report data | Status | Page | Time | Server RSS after, MiB |
|---|---|---|---|---|---|
$pages

| Target (issue 13) | Provider | This run | Met |
|---|---|---|---|
$targets
REPORT
)
echo
echo "$report"

if [ -n "$only" ] || [ "$providers" != "sqlite postgres" ]; then
  echo "BENCH_ONLY=$only BENCH_PROVIDERS=$providers: docs/benchmarks.md not written." >&2
  exit 0
fi
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
