#!/usr/bin/env bash
# Load test of `itss serve` (BENCHMARKS.md, "The web application"): a demo organisation of N people, then wrk with
# 64 connections against /healthz, the levels API and the person profile page, in one run; the server's resident
# memory after the load. SQLite in a fresh temporary data directory, or PostgreSQL when DATABASE_URL is set
# (the database must be empty). Responses of the profile page and the levels API are kept while nothing changes
# (DEVELOPERS.md); ITSS_RESPONSE_CACHE_MB=0 measures them computed on every request. The last run asks for the
# levels of a different person at random on every request, so most answers are computed.
#
#   swift build -c release --product itss
#   scripts/bench-web.sh .build/release/itss [PEOPLE] [SECONDS]
# Needs wrk (Debian: apt-get install wrk) and curl.
set -euo pipefail
ITSS=${1:-.build/release/itss}
PEOPLE=${2:-10000}
SECONDS_EACH=${3:-20}
export ITSS_DATA_DIR=${ITSS_DATA_DIR:-$(mktemp -d)}
PORT=${ITSS_BENCH_PORT:-8181}

echo "--- demo organisation of $PEOPLE people in ${DATABASE_URL:-$ITSS_DATA_DIR}"
"$ITSS" demo --people "$PEOPLE" --seed 1 > "$ITSS_DATA_DIR/demo.txt"
password_of() { awk -v login="$1" '$1 == login { print $2 }' "$ITSS_DATA_DIR/demo.txt"; }
EMPLOYEE=$(awk '$1 == "demo-employee" { print $4 }' "$ITSS_DATA_DIR/demo.txt")
TOKEN=$("$ITSS" token create demo-hr --name bench 2>/dev/null | tail -1)

"$ITSS" serve --port "$PORT" > "$ITSS_DATA_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

COOKIE=$(curl -s -o /dev/null -D - -d "login=demo-hr&password=$(password_of demo-hr)" "http://127.0.0.1:$PORT/login" \
  | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')

run() {
  local name=$1; shift
  echo "--- $name"
  wrk -t2 -c64 -d"${SECONDS_EACH}s" --latency "$@" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
}
run "/healthz" "http://127.0.0.1:$PORT/healthz"
run "GET /api/v1/people/$EMPLOYEE/levels" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/people/$EMPLOYEE/levels"
run "profile page /people/$EMPLOYEE" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/people/$EMPLOYEE"
RANDOM_PEOPLE="$ITSS_DATA_DIR/random-people.lua"
cat > "$RANDOM_PEOPLE" <<LUA
math.randomseed(1)
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  return wrk.format("GET", string.format("/api/v1/people/D%06d/levels", math.random(1, $PEOPLE)))
end
LUA
run "GET /api/v1/people/{random of $PEOPLE}/levels" -s "$RANDOM_PEOPLE" "http://127.0.0.1:$PORT"
echo "--- server resident memory: $(awk '/VmRSS|VmHWM/ { printf "%s %s %s  ", $1, $2, $3 }' /proc/$SERVER/status)"
