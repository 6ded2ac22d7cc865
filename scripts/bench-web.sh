#!/usr/bin/env bash
# Load test of `itss serve` (BENCHMARKS.md, "The web application" and "Skill map"): a demo organisation of N
# people, then wrk with 64 connections against /healthz, the levels API, the person profile page, and — signed in
# as HR, for the whole company — the skill map page (/map) and its API (/api/v1/map), in one run; the server's
# resident memory (VmRSS) and its peak (VmHWM) after each run. SQLite in a fresh temporary data directory, or
# PostgreSQL when DATABASE_URL is set (the database must be empty). ITSS_BENCH_ONLY=map runs only the map; an
# ITSS_DATA_DIR holding demo.txt from an earlier `itss demo --seed 1` is reused instead of generating again.
# ITSS_BENCH_CONNECTIONS (64) and ITSS_BENCH_TIMEOUT (30s: a slower answer counts as a timeout, not in the
# latencies) tune wrk. Responses of the profile page, the levels API and the map are kept while nothing changes
# (DEVELOPERS.md); ITSS_RESPONSE_CACHE_MB=0 measures them computed on every request. The run after the profile page
# asks for the levels of a different person at random on every request, so most of those answers are computed.
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

if [ -s "$ITSS_DATA_DIR/demo.txt" ]; then
  # A demo made before (`itss demo --people N --seed 1 > $ITSS_DATA_DIR/demo.txt`) is used as it is.
  echo "--- the demo organisation already in ${DATABASE_URL:-$ITSS_DATA_DIR}"
else
  echo "--- demo organisation of $PEOPLE people in ${DATABASE_URL:-$ITSS_DATA_DIR}"
  "$ITSS" demo --people "$PEOPLE" --seed 1 > "$ITSS_DATA_DIR/demo.txt"
fi
password_of() { awk -v login="$1" '$1 == login { print $2 }' "$ITSS_DATA_DIR/demo.txt"; }
EMPLOYEE=$(awk '$1 == "demo-employee" { print $4 }' "$ITSS_DATA_DIR/demo.txt")
TOKEN=$("$ITSS" token create demo-hr --name bench 2>/dev/null | tail -1)

"$ITSS" serve --port "$PORT" > "$ITSS_DATA_DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

COOKIE=$(curl -s -o /dev/null -D - -d "login=demo-hr&password=$(password_of demo-hr)" "http://127.0.0.1:$PORT/login" \
  | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')

memory() { awk '/VmRSS|VmHWM/ { printf "%s %s %s  ", $1, $2, $3 }' "/proc/$SERVER/status"; }
echo "--- server resident memory before the load: $(memory)"
run() {
  local name=$1; shift
  echo "--- $name"
  connections=${ITSS_BENCH_CONNECTIONS:-64}
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${SECONDS_EACH}s" --timeout "${ITSS_BENCH_TIMEOUT:-30s}" --latency "$@" | grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx|Socket errors|timeout" || true
  echo "    server memory: $(memory)"
}
if [ "${ITSS_BENCH_ONLY:-}" != map ]; then
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
fi
# The skill map of the whole company (HR sees every unit; no org parameter means the whole organisation).
# One request each, as the load will ask (the page with the cookie, the API with the token), checks the answer and
# times the computation; the load then measures serving it while nothing changes (printed, not hidden).
for check in "/map|Cookie: $COOKIE" "/api/v1/map|Authorization: Bearer $TOKEN"; do
  path=${check%%|*}
  answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "${check#*|}" "http://127.0.0.1:$PORT$path")
  [ "${answer% *}" = 200 ] || { echo "bench-web: $path does not answer 200" >&2; exit 1; }
  echo "--- first request of $path (computed): ${answer#* } s"
done
run "skill map page /map (whole company, HR)" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/map"
# Requests wrk gave up on may still be queued in the server: wait until it answers the API again before measuring it.
for _ in $(seq 120); do
  curl -sf -m 5 -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/map" && break
  sleep 1
done
run "GET /api/v1/map (whole company, HR)" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/map"
echo "--- server resident memory after the load: $(memory)"
