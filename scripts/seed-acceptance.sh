#!/usr/bin/env bash
# Runs the document platform's own example programs (Node.js and Python, from seed 002) against a freshly
# started Sharekeep, with only BASE_URL and API_KEY changed, and checks that every step answered 200 with
# the platform's envelope. The programs are read from the seed at run time; none of their code is kept here.
#   scripts/seed-acceptance.sh [path/to/002_*.txt]
set -euo pipefail
cd "$(dirname "$0")/.."

seed="${1:-$(ls ../shared/seeds/002_*.txt 2>/dev/null | head -n 1 || true)}"
if [[ -z "$seed" || ! -f "$seed" ]]; then
  echo "seed 002 not found; pass its path as the first argument" >&2
  exit 2
fi
command -v node >/dev/null || { echo "node is needed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }
python3 -c 'import requests' 2>/dev/null || { echo "python3 needs the requests package" >&2; exit 2; }

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
secret="acceptance-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Sharekeep.Server -c Debug -v quiet -nologo >/dev/null
Sharekeep__ApiSecret="$secret" Sharekeep__DataDirectory="$work/data" \
  dotnet src/Sharekeep.Server/bin/Debug/net10.0/Sharekeep.Server.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

# The first Node.js and the first Python block are the full examples.
python3 - "$seed" "$work" "http://127.0.0.1:$port" "$secret" <<'PY'
import re, sys, textwrap
seed, work, base, key = sys.argv[1:5]
text = open(seed, encoding="utf-8").read()
blocks = re.findall(r"``` (ts|py)\n(.*?)```", text, re.S)
for language, target in (("ts", "example.mjs"), ("py", "example.py")):
    code = textwrap.dedent(next(b for l, b in blocks if l == language))
    code = code.replace("https://yourportal.onlyoffice.com", base).replace("YOUR_API_KEY", key)
    open(f"{work}/{target}", "w", encoding="utf-8").write(code)
PY

status=0
for run in "node $work/example.mjs" "python3 $work/example.py"; do
  echo "== $run"
  output="$($run)"
  echo "$output"
  steps="$(grep -c 'Status: ' <<<"$output" || true)"
  ok="$(grep -c 'Status: 200$' <<<"$output" || true)"
  if [[ "$steps" -ne 4 || "$ok" -ne 4 ]]; then
    echo "FAILED: $ok of $steps steps answered 200 (4 expected)" >&2
    status=1
  fi
done
exit $status
