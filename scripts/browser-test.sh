#!/usr/bin/env bash
# The real-browser test of the assessment cycle (Tests/browser, Selenium + Debian's chromium and chromium-driver).
#
#   scripts/browser-test.sh [PATH/TO/itss]        # default: .build/debug/itss (this script builds nothing)
#
# Makes a fresh ITSS_DATA_DIR (SQLite), seeds it through the CLI (an org, an evaluator and an employee in Service
# Desk, their accounts; an HR account and two people approved in V2 Service desk for the charts), starts `itss serve --port 0`, reads the port from its "itss serving http://…" line and
# runs pytest. Python: $ITSS_BROWSER_PYTHON, else .venv/bin/python, else python3 (with selenium and pytest).
# Screenshots of failures (and one of the final profile) go to $ITSS_BROWSER_ARTIFACTS
# (default .build/browser-artifacts). Extra arguments after the binary go to pytest.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
itss="${1:-$root/.build/debug/itss}"
[ $# -gt 0 ] && shift
if [ ! -x "$itss" ]; then
    echo "browser-test: no itss binary at $itss; build it first (swift build) or pass its path" >&2
    exit 2
fi
itss="$(cd "$(dirname "$itss")" && pwd)/$(basename "$itss")"
python="${ITSS_BROWSER_PYTHON:-}"
if [ -z "$python" ]; then
    if [ -x "$root/.venv/bin/python" ]; then python="$root/.venv/bin/python"; else python="python3"; fi
fi
if ! "$python" -c "import selenium, pytest" 2>/dev/null; then
    echo "browser-test: $python lacks selenium or pytest (python3 -m venv .venv && .venv/bin/pip install selenium pytest)" >&2
    exit 2
fi
for binary in /usr/bin/chromium /usr/bin/chromedriver; do
    if [ ! -x "$binary" ]; then
        echo "browser-test: $binary is missing (apt-get install -y --no-install-recommends chromium chromium-driver)" >&2
        exit 2
    fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/itss-browser.XXXXXX")"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

export ITSS_DATA_DIR="$work/data"
unset DATABASE_URL ITSS_PORT ITSS_HOST
export ITSS_EMPLOYEE_LOGIN=hanako ITSS_EMPLOYEE_NUMBER=E1001 ITSS_EVALUATOR_LOGIN=kenji
export ITSS_EMPLOYEE_PASSWORD="hanako-$RANDOM-$RANDOM" ITSS_EVALUATOR_PASSWORD="kenji-$RANDOM-$RANDOM"
export ITSS_BROWSER_ARTIFACTS="${ITSS_BROWSER_ARTIFACTS:-$root/.build/browser-artifacts}"
mkdir -p "$ITSS_BROWSER_ARTIFACTS"

echo "browser-test: seeding $ITSS_DATA_DIR" >&2
"$itss" org add OPS "IT Operations" >/dev/null
"$itss" org add OPS-SD "Service Desk team" --parent OPS >/dev/null
"$itss" person add M001 "Kenji Manager" --org OPS >/dev/null
"$itss" person add E1001 "Hanako Sato" --org OPS-SD --field "Service Desk" --joined 2020-04-01 >/dev/null
"$itss" evaluator assign M001 --org OPS >/dev/null
printf '%s\n' "$ITSS_EMPLOYEE_PASSWORD" | "$itss" user add hanako --person E1001 --role employee --password-stdin >/dev/null
printf '%s\n' "$ITSS_EVALUATOR_PASSWORD" | "$itss" user add kenji --person M001 --role evaluator --password-stdin >/dev/null
# For the charts (test_charts.py): HR, and two people in V2 Service desk approved today at levels 2 and 1 (every
# item rated at the highest level it defines up to that), imported in one go.
export ITSS_HR_LOGIN=hr ITSS_HR_PASSWORD="hr-$RANDOM-$RANDOM"
printf '%s\n' "$ITSS_HR_PASSWORD" | "$itss" user add hr --role hr --password-stdin >/dev/null
"$itss" person add E1002 "Taro Suzuki" --org OPS-SD --field "V2:Service desk" >/dev/null
"$itss" person add E1003 "Jiro Tanaka" --org OPS --field "V2:Service desk" >/dev/null
"$itss" catalog show "V2:Service desk" --json | "$python" -c '
import csv, json, sys
items = json.load(sys.stdin)["items"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["employee_number", "field", "cycle", "item", "self_level", "evaluator_level", "evaluator_reason"])
for number, level in (("E1002", 2), ("E1003", 1)):
    for item in items:
        rating = max([0] + [entry["level"] for entry in item["levels"] if entry["level"] <= level])
        out.writerow([number, "V2:Service desk", "2026H1", item["name"], rating, rating, ""])
print(len(items), file=sys.stderr)
' >"$work/ratings.csv" 2>"$work/items.txt"
export ITSS_CHART_ITEMS="$(cat "$work/items.txt")"
"$itss" import assessments "$work/ratings.csv" --approved-by M001 >/dev/null

"$itss" serve --port 0 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 600); do
    port="$(sed -n 's|.*itss serving http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$work/serve.log" | head -n 1)"
    [ -n "$port" ] && break
    if ! kill -0 "$server" 2>/dev/null; then
        echo "browser-test: itss serve exited:" >&2
        cat "$work/serve.log" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "browser-test: itss serve did not report its port within 60 s:" >&2
    cat "$work/serve.log" >&2
    exit 1
fi
export ITSS_BASE_URL="http://127.0.0.1:$port"
echo "browser-test: server at $ITSS_BASE_URL; artifacts in $ITSS_BROWSER_ARTIFACTS" >&2

status=0
"$python" -m pytest -q -p no:cacheprovider "$root/Tests/browser" "$@" || status=$?
if [ "$status" -ne 0 ]; then
    echo "browser-test: failed; server log:" >&2
    tail -n 50 "$work/serve.log" >&2
fi
exit "$status"
