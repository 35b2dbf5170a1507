#!/usr/bin/env bash
# Runs the document platform's file-sharing workflow through the platform's own generated Python SDK
# (docspace-api-sdk, from a checkout of ONLYOFFICE/docspace-api-sdk-python) against a freshly started Sharekeep.
# The SDK is read from the given folder at run time; none of its code is kept here. It needs pydantic 2,
# urllib3, python-dateutil and requests for python3.
#   scripts/sdk-acceptance.sh path/to/docspace-api-sdk-python
set -euo pipefail
cd "$(dirname "$0")/.."

sdk="${1:-}"
if [[ -z "$sdk" || ! -d "$sdk/docspace_api_sdk" ]]; then
  echo "pass the folder of a docspace-api-sdk-python checkout (the one holding docspace_api_sdk/)" >&2
  exit 2
fi
python3 -c 'import pydantic, urllib3, dateutil, requests' 2>/dev/null || { echo "python3 needs pydantic, urllib3, python-dateutil and requests" >&2; exit 2; }

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
secret="sdk-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
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
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "Sharekeep did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

BASE_URL="http://127.0.0.1:$port" API_KEY="$secret" PYTHONPATH="$sdk" python3 scripts/sdk_workflow.py
