#!/usr/bin/env bash
# Load run against the one-command app: a round of 1,000 scored submissions, then the leaderboard and submission
# pages at 100 concurrent users (wrk), then 20 concurrent uploads of a 20,000-row file, then the leaderboard again
# while 250 uploads send their body at one byte every 2 s. Prints p50/p95/p99 and errors.
#
#   scripts/load/run.sh            # builds the app if needed; needs wrk, curl and python3 (installs wrk with apt)
#   SUBMISSIONS=200 DURATION=20s scripts/load/run.sh   # a smaller run
#   SLOW_ONLY=1 DURATION=30s scripts/load/run.sh        # only the leaderboard with and without 250 slow uploads
#
# Everything lives in a fresh data directory under target/load; nothing touches ./data.
set -euo pipefail
cd "$(dirname "$0")/../.."

SUBMISSIONS=${SUBMISSIONS:-1000}
CONTESTANTS=${CONTESTANTS:-50}
ROWS_PER_SUBMISSION=${ROWS_PER_SUBMISSION:-40}
USERS=${USERS:-100}
DURATION=${DURATION:-60s}
UPLOADS=${UPLOADS:-20}
UPLOAD_ROWS=${UPLOAD_ROWS:-20000}
SLOW_UPLOADS=${SLOW_UPLOADS:-250}
# every client of this run is 127.0.0.1: room for the 20 concurrent uploads (the default is 16 bodies per address)
BODIES_PER_ADDRESS=${BODIES_PER_ADDRESS:-24}
BODIES_IN_ALL=${BODIES_IN_ALL:-100}   # BODIES_PER_ADDRESS=100000 BODIES_IN_ALL=100000: as before the bound existed
PORT=${PORT:-18080}
PASSWORD=load-test-password
BASE=http://127.0.0.1:$PORT
WORK=target/load
rm -rf "$WORK" && mkdir -p "$WORK/csv"

command -v wrk >/dev/null || { sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y -q wrk >/dev/null; }
[ -f standalone/target/ladderboard.jar ] || ./mvnw -B package -DskipTests

echo "== starting the one-command app on port $PORT"
LADDERBOARD_DEMO_PASSWORD=$PASSWORD java -Xmx4g -jar standalone/target/ladderboard.jar --server.port="$PORT" \
    --ladderboard.database.embedded-dir="$WORK/postgres" --ladderboard.limits.bodies-per-address="$BODIES_PER_ADDRESS" \
    --ladderboard.limits.bodies-in-all="$BODIES_IN_ALL" >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs "$BASE/api/rounds/current" >/dev/null && break; sleep 1; done
ROUND=$(curl -fs "$BASE/api/rounds/current" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# a signed-in page session: prints the cookie jar's path
session() {
    local jar="$WORK/$1.cookies"
    local token
    token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
        --data-urlencode "_csrf=$token" "$BASE/login"
    echo "$jar"
}
csrf() { curl -fs -b "$1" "$BASE/$2" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | sed -n 1p; }

# the leaderboard with wrk while SLOW_UPLOADS uploads send their body at a byte every 2 s (scripts/load/slow_uploads.py)
slow_uploads() {
    echo "== leaderboard page, $USERS concurrent users for $DURATION, while $SLOW_UPLOADS uploads send a byte every 2 s"
    python3 scripts/load/slow_uploads.py "$PORT" "$SLOW_UPLOADS" "$(( ${DURATION%s} + 20 ))" &
    local slow=$!
    sleep 10 # let them all connect and be answered or held
    wrk -t2 -c"$USERS" -d"$DURATION" --timeout 30s -s scripts/load/report.lua -H "Cookie: $COOKIE" "$BASE/leaderboard"
    wait $slow
}

if [ "${SLOW_ONLY:-0}" = 1 ]; then
    # only the slow-upload comparison, on the demo round: minutes instead of the full run's quarter hour
    JUDGE=$(session judge@demo)
    COOKIE=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$JUDGE")
    curl -fs -o /dev/null -b "$JUDGE" "$BASE/leaderboard" # warm
    echo "== leaderboard page (demo round), $USERS concurrent users for $DURATION, nothing else open"
    wrk -t2 -c"$USERS" -d"$DURATION" --timeout 30s -s scripts/load/report.lua -H "Cookie: $COOKIE" "$BASE/leaderboard"
    slow_uploads
    echo "app log ERROR lines: $(grep -c ' ERROR ' "$WORK/app.log" || true)"
    exit 0
fi

echo "== seeding: round $ROUND opened to $SUBMISSIONS submissions from $CONTESTANTS contestants"
ORG=$(session organizer@demo)
TOKEN=$(csrf "$ORG" organizer/rounds)
curl -fs -o /dev/null -b "$ORG" --data-urlencode "_csrf=$TOKEN" -d id="$ROUND" -d name="Load round" \
    -d opensAt="$(date -u -d '-1 day' +%Y-%m-%dT%H:%M)" -d closesAt="$(date -u -d '+30 days' +%Y-%m-%dT%H:%M)" \
    -d minExamples=5 -d dailyLimit=100000 -d failedDailyLimit=100 -d ladderNames=micro "$BASE/organizer/rounds"
for i in $(seq 1 "$CONTESTANTS"); do
    TOKEN=$(csrf "$ORG" organizer/accounts)
    curl -fs -o /dev/null -b "$ORG" --data-urlencode "_csrf=$TOKEN" -d email="load-$i@load.example" \
        -d password="$PASSWORD" -d role=CONTESTANT "$BASE/organizer/accounts"
done
python3 scripts/load/datasets.py "$WORK/csv" "$SUBMISSIONS" "$ROWS_PER_SUBMISSION" "$UPLOAD_ROWS"

START=$(date +%s)
seq 1 "$SUBMISSIONS" | xargs -P 4 -I{} sh -c '
    n={}; who=$(( (n - 1) % '"$CONTESTANTS"' + 1 ))
    curl -fs -o /dev/null -u "load-$who@load.example:'"$PASSWORD"'" -F file=@'"$WORK"'/csv/task-$n.csv \
        -F name="Load task $n" -F taskType=classification '"$BASE"'/api/submissions || echo "submission $n refused"'
echo "   uploaded in $(( $(date +%s) - START )) s; waiting for the embedded worker to score them"
scored() {
    for i in $(seq 1 "$CONTESTANTS"); do
        curl -fs -u "load-$i@load.example:$PASSWORD" "$BASE/api/submissions" | grep -o '"SCORED"' || true
    done | wc -l
}
while [ "$(scored)" -lt "$SUBMISSIONS" ]; do sleep 10; done
echo "   $SUBMISSIONS submissions scored in $(( $(date +%s) - START )) s (4 models each)"
sleep 10 # let the curve warmer finish the last verdicts

JUDGE=$(session judge@demo)
COOKIE=$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$JUDGE")
for i in $(seq 1 "$CONTESTANTS"); do
    curl -fs -u "load-$i@load.example:$PASSWORD" "$BASE/api/submissions" | python3 -c 'import json,sys; [print(s["id"]) for s in json.load(sys.stdin)]'
done >"$WORK/ids.txt"
curl -fs -o /dev/null -b "$JUDGE" "$BASE/leaderboard" # warm

echo "== leaderboard page, $USERS concurrent users for $DURATION (judge session, $SUBMISSIONS rows)"
wrk -t2 -c"$USERS" -d"$DURATION" --timeout 30s -s scripts/load/report.lua -H "Cookie: $COOKIE" "$BASE/leaderboard"
echo "== submission pages (random among $SUBMISSIONS), $USERS concurrent users for $DURATION"
IDS=$WORK/ids.txt wrk -t2 -c"$USERS" -d"$DURATION" --timeout 30s -s scripts/load/submissions.lua \
    -H "Cookie: $COOKIE" "$BASE/submissions/$(head -1 "$WORK/ids.txt")"

echo "== $UPLOADS concurrent uploads of a $UPLOAD_ROWS-row file (validate + store + queue), one per contestant"
seq 1 "$UPLOADS" | xargs -P "$UPLOADS" -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
    -u "load-{}@load.example:$PASSWORD" -F file=@"$WORK/csv/big.csv" -F name="Big upload" -F taskType=classification \
    "$BASE/api/submissions" >"$WORK/uploads.txt"
python3 scripts/load/summary.py "$WORK/uploads.txt"
echo "== $UPLOADS concurrent validations of the same file (/api/validate, nothing stored)"
seq 1 "$UPLOADS" | xargs -P "$UPLOADS" -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
    -F file=@"$WORK/csv/big.csv" -F taskType=classification "$BASE/api/validate" >"$WORK/validations.txt"
python3 scripts/load/summary.py "$WORK/validations.txt"
slow_uploads
echo "app log ERROR lines: $(grep -c ' ERROR ' "$WORK/app.log" || true)"
