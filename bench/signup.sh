#!/usr/bin/env bash
# Durable newsletter signups per second through the real HTTP endpoint (wrk + signup.lua, distinct addresses), with the
# confirmation mails going to Postfix's smtp-sink, against a baseline in the same run: the same POST with the honeypot
# filled, which takes the same path through the site but stores and sends nothing. Then how long the outbox takes to
# deliver the confirmation mails still queued when the load stops. Then a crash check: signups from 16 client threads, kill -9 of the
# site in the middle, restart, and every acknowledged address must be in the database.
#
# Then a sustained load at a fixed rate (RATE=2000 signups/s for SUSTAIN=60 s): does the outbox keep up, and how long
# after its signup was each confirmation mail accepted by the sink (p50/p99/max, from the outbox's own timestamps)?
#
# Environment: DURATION=15 (seconds of wrk), WARMUP=10, CONNECTIONS=64, RATE=2000, SUSTAIN=60, KEEP_TMP=1 (keep the
# temp dir), WRITER_LOG=Debug
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-64}"
TARGET_RATE=2000
RATE="${RATE:-2000}"
SUSTAIN="${SUSTAIN:-60}"
log() { printf '[signup.sh] %s\n' "$*" >&2; }

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
need wrk curl python3 postfix
SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)

TMP="$(mktemp -d -t goldfeder-signup.XXXXXX)"
SITE_PID=""; SINK_PID=""
cleanup() {
  [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [ "${KEEP_TMP:-0}" = 1 ] && log "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

SITE_PORT=$(free_port); SINK_PORT=$(free_port)
while [ "$SINK_PORT" = "$SITE_PORT" ]; do SINK_PORT=$(free_port); done

log "publishing the site (Release)"
dotnet publish "$ROOT/src/Goldfeder" -c Release -o "$TMP/site" -nologo -v q >/dev/null

log "smtp-sink on 127.0.0.1:$SINK_PORT (discarding, counting)"
"$SMTP_SINK" -u nobody -a -c 127.0.0.1:"$SINK_PORT" 256 > "$TMP/sink.log" 2>&1 &
SINK_PID=$!

DB="$TMP/signup.db"
production_settings "$TMP"
start_site() {
  ( cd "$TMP/site" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$SITE_PORT" \
    ConnectionStrings__Goldfeder="Data Source=$DB" Site__BaseUrl="http://127.0.0.1:$SITE_PORT" \
    Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$SINK_PORT" Mail__Smtp__Security=None \
    Newsletter__SignupsPerIpPerWindow=1000000000 Logging__LogLevel__Default=Warning Logging__LogLevel__Goldfeder=${WRITER_LOG:-Warning} \
    exec dotnet Goldfeder.dll >> "$TMP/site.log" 2>&1 ) &
  SITE_PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$SITE_PORT/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  log "site did not start"; cat "$TMP/site.log" >&2; exit 1
}
count() { python3 - "$DB" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
print(db.execute(sys.argv[2]).fetchone()[0])
PY
}

pending() { count "select count(*) from OutboxMails where Status='Pending'"; }
drain() {  # waits up to 120 s for the outbox to empty; prints the seconds it took
  local start=$(date +%s.%N)
  for _ in $(seq 1 1200); do [ "$(pending)" = 0 ] && break; sleep 0.1; done
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'
}

start_site
# The JIT's tiered compilation needs a few seconds of load before the code is at full speed.
log "warm-up: wrk ${WARMUP:-10}s"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-10}s" -s "$ROOT/bench/signup.lua" "http://127.0.0.1:$SITE_PORT" > /dev/null 2>&1
HONEYPOT=1 wrk -t2 -c"$CONNECTIONS" -d3s -s "$ROOT/bench/signup.lua" "http://127.0.0.1:$SITE_PORT" > /dev/null 2>&1
log "waiting for the warm-up's mails to go out"
drain > /dev/null

log "baseline: wrk -t2 -c$CONNECTIONS -d${DURATION}s POST /newsletter with the honeypot filled (nothing stored)"
HONEYPOT=1 wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/signup.lua" "http://127.0.0.1:$SITE_PORT" > "$TMP/base.txt" 2>&1
base_rate=$(awk '/Requests\/sec/ {print $2}' "$TMP/base.txt")
base_p99=$(awk '$1=="99%" {print $2}' "$TMP/base.txt")

sent_before=$(count "select count(*) from OutboxMails where Status='Sent'")
log "wrk -t2 -c$CONNECTIONS -d${DURATION}s POST /newsletter (distinct addresses)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/signup.lua" "http://127.0.0.1:$SITE_PORT" > "$TMP/wrk.txt" 2> "$TMP/wrk.err"
rate=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk.txt")
p50=$(awk '$1=="50%" {print $2}' "$TMP/wrk.txt")
p99=$(awk '$1=="99%" {print $2}' "$TMP/wrk.txt")
requests=$(awk '/requests in/ {print $1}' "$TMP/wrk.txt")
bad=$(grep -c "unexpected status" "$TMP/wrk.err" || true)
stored=$(count "select count(*) from Subscribers")  # includes the warm-up's
queued=$(pending)
sent_during=$(( $(count "select count(*) from OutboxMails where Status='Sent'") - sent_before ))
log "waiting up to 120 s for the outbox to deliver the $queued queued mails into smtp-sink"
drain_s=$(drain)
sent=$(count "select count(*) from OutboxMails where Status='Sent'")
left=$(pending)

log "sustained: $RATE signups/s for ${SUSTAIN}s (wrk -t2 -c$CONNECTIONS, paced)"
first_id=$(count "select coalesce(max(Id), 0) from OutboxMails")
RATE="$RATE" THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"${SUSTAIN}s" --latency -s "$ROOT/bench/signup.lua" "http://127.0.0.1:$SITE_PORT" > "$TMP/sustain.txt" 2> "$TMP/sustain.err"
sustain_rate=$(awk '/Requests\/sec/ {print $2}' "$TMP/sustain.txt")
sustain_p99=$(awk '$1=="99%" {print $2}' "$TMP/sustain.txt")
sustain_queued=$(pending)
sustain_drain=$(drain)
# Seconds from each confirmation mail's queueing (its signup's commit) to the sink's 250, as the outbox recorded them.
read -r sustain_mails mail_p50 mail_p99 mail_max sustain_unsent < <(python3 - "$DB" "$first_id" <<'PY'
import sqlite3, sys
from datetime import datetime
db = sqlite3.connect(sys.argv[1], timeout=30)
rows = db.execute("select CreatedAtUtc, SentAtUtc from OutboxMails where Id > ?", (int(sys.argv[2]),)).fetchall()
t = lambda s: datetime.fromisoformat(s[:26])
lat = sorted((t(s) - t(c)).total_seconds() for c, s in rows if s)
pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] if lat else float("nan")
print(len(rows), f"{pick(0.5):.2f}", f"{pick(0.99):.2f}", f"{lat[-1] if lat else float('nan'):.2f}", sum(1 for _, s in rows if not s))
PY
)

log "crash check: 16 client threads, kill -9 after 4 s, restart"
python3 "$ROOT/bench/signup_crash.py" 127.0.0.1 "$SITE_PORT" "$TMP/acked.txt" 8 &
CLIENT=$!
sleep 4
kill -9 "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=""
wait "$CLIENT" || true
acked=$(wc -l < "$TMP/acked.txt")
start_site
read -r lost mailless < <(python3 - "$DB" "$TMP/acked.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
have = {r[0] for r in db.execute("select NormalizedEmail from Subscribers where NormalizedEmail like 'crash-%'")}
mailed = {r[0].lower() for r in db.execute("select Recipient from OutboxMails where Recipient like 'crash-%'")}
acked = [l.strip() for l in open(sys.argv[2]) if l.strip()]
print(sum(1 for a in acked if a not in have), sum(1 for a in acked if a not in mailed))
PY
)

printf '\nGoldfeder newsletter signup benchmark, %s, %s cores, %s\n' "$(date -u +%Y-%m-%d)" "$(nproc)" "$(uname -m)"
ratio=$(awk -v a="$rate" -v b="$base_rate" 'BEGIN { printf "%.2f", a / b }')
printf '%-44s %s\n' "baseline: honeypot POSTs/s (nothing stored)" "$base_rate (p99 $base_p99)" \
  "signups/s (wrk, ${CONNECTIONS} connections)" "$rate" \
  "ratio signups / baseline" "$ratio" \
  "latency p50 / p99" "$p50 / $p99" \
  "requests answered / not 302" "$requests / $bad" \
  "subscribers stored (warm-up included)" "$stored" \
  "mails sent during the load / still queued" "$sent_during / $queued" \
  "queued mails delivered after the load in" "${drain_s} s ($left left)" \
  "confirmation mails accepted by smtp-sink" "$sent" \
  "sustained: signups/s (target $RATE, ${SUSTAIN}s)" "$sustain_rate (p99 $sustain_p99)" \
  "sustained: mails queued / still queued at end" "$sustain_mails / $sustain_queued (drained in ${sustain_drain} s, $sustain_unsent unsent)" \
  "sustained: signup -> mail sent p50 / p99 / max" "$mail_p50 / $mail_p99 / $mail_max s" \
  "crash: acknowledged before kill -9" "$acked" \
  "crash: acknowledged but lost" "$lost" \
  "crash: acknowledged without its mail" "$mailless"
awk -v r="$rate" -v t="$TARGET_RATE" 'BEGIN { printf "%-44s %s\n", "target >= " t "/s", (r+0 >= t ? "met" : "MISSED") }'
awk -v p="$mail_p99" -v r="$sustain_rate" -v t="$RATE" 'BEGIN { printf "%-44s %s\n", "target: outbox keeps up, p99 <= 5 s at " t "/s", (p+0 <= 5 && r+0 >= 0.95 * t ? "met" : "MISSED") }'
[ "$lost" = 0 ] && [ "$mailless" = 0 ] && echo "durability: every acknowledged signup survived kill -9, each with its confirmation mail" || echo "durability: LOST $lost acknowledged signups, $mailless without their mail"
