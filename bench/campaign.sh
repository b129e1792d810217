#!/usr/bin/env bash
# Campaign sending speed against Postfix's smtp-sink, as a ratio to Postfix's own smtp-source pushing messages of the
# same size into the same sink in the same run (these machines are noisy: only the ratio means something).
#   1. baseline: smtp-source, 16 kept sessions, MESSAGES messages of the campaign mail's size
#   2. import RECIPIENTS subscribers from a CSV with `Goldfeder subscribers import` (timed)
#   3. `Goldfeder campaigns send` to all of them over 16 SMTP connections (timed, peak RSS of the process)
#   4. the baseline again: the machine is shared, so the ratio is taken against the mean of the two baselines
#
# Environment: RECIPIENTS=200000, MESSAGES=50000 (baseline), CONCURRENCY=16, PARAGRAPHS=80 (about a 23 KB mail, the
# size of a real newsletter with HTML and text), KEEP_TMP=1
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECIPIENTS="${RECIPIENTS:-200000}"
MESSAGES="${MESSAGES:-50000}"
CONCURRENCY="${CONCURRENCY:-16}"
log() { printf '[campaign.sh] %s\n' "$*" >&2; }

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
need python3 postfix
SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
SMTP_SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)

TMP="$(mktemp -d -t goldfeder-campaign.XXXXXX)"
SINK_PID=""
cleanup() {
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [ "${KEEP_TMP:-0}" = 1 ] && log "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT
SINK_PORT=$(free_port)

log "publishing the site (Release)"
dotnet publish "$ROOT/src/Goldfeder" -c Release -o "$TMP/site" -nologo -v q >/dev/null

log "smtp-sink on 127.0.0.1:$SINK_PORT (discarding)"
"$SMTP_SINK" -u nobody -a -c 127.0.0.1:"$SINK_PORT" 1024 > "$TMP/sink.log" 2>&1 &
SINK_PID=$!
sleep 0.5

production_settings "$TMP"
export ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Goldfeder="Data Source=$TMP/bench.db" \
  Site__BaseUrl="https://www.example.de" Logging__LogLevel__Default=Warning \
  Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$SINK_PORT" Mail__Smtp__Security=None \
  Campaigns__Concurrency="$CONCURRENCY" Campaigns__BatchSize="${BATCH:-200}"
goldfeder() { ( cd "$TMP/site" && dotnet Goldfeder.dll "$@" ); }
# Wall time and peak RSS (kB) of a command, from the kernel's accounting of the finished child.
measure() { python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.monotonic() - start
print(f"{wall:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {code}")
PY
}

# One campaign mail, to size the baseline's messages like ours.
body="$TMP/body.md"
python3 - "$body" "${PARAGRAPHS:-80}" <<'PY'
import sys
text = "## Goldpreis im Blick\n\n" + "\n\n".join(
    "Der Goldpreis hat in dieser Woche erneut zugelegt. Anleger suchen in unsicheren Zeiten Sicherheit in Edelmetallen." for _ in range(int(sys.argv[2])))
open(sys.argv[1], "w").write(text + "\n\n**Unser Angebot der Woche:** Krügerrand 1 oz zum Vorzugspreis.\n")
PY
goldfeder consent proof nobody@example.de >/dev/null 2>&1 || true   # creates the database
size=$( cd "$TMP/site" && Mail__Smtp__Host= Mail__PickupDirectory="$TMP/pickup" dotnet Goldfeder.dll campaigns create --subject "Größe" --body-file "$body" >/dev/null && \
  printf 'probe@example.de,2025-01-01T00:00:00Z,bench\n' > "$TMP/probe.csv" && \
  Mail__Smtp__Host= Mail__PickupDirectory="$TMP/pickup" dotnet Goldfeder.dll subscribers import "$TMP/probe.csv" >/dev/null && \
  Mail__Smtp__Host= Mail__PickupDirectory="$TMP/pickup" dotnet Goldfeder.dll campaigns send 1 >/dev/null 2>&1; stat -c %s "$TMP"/pickup/*.eml | head -n 1 )
log "a campaign mail is $size bytes"

baseline() {
  log "baseline: smtp-source, 16 sessions, $MESSAGES messages of $size bytes"
  local wall
  read -r wall _ _ < <(measure "$SMTP_SOURCE" -s 16 -m "$MESSAGES" -l "$size" -c -f news@example.de -t kunde@example.de 127.0.0.1:"$SINK_PORT")
  python3 -c "print(round($MESSAGES / $wall))"
}
base_before=$(baseline)

log "importing $RECIPIENTS subscribers"
python3 - "$TMP/list.csv" "$RECIPIENTS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("address,consent_time,source\n")
    for i in range(int(sys.argv[2])):
        f.write(f"kunde{i:07d}@example.de,2025-03-01T10:00:00Z,Webshop\n")
PY
read -r import_wall _ import_code < <(measure bash -c "cd '$TMP/site' && dotnet Goldfeder.dll subscribers import '$TMP/list.csv'")
[ "$import_code" = 0 ] || { log "import failed"; exit 1; }

id=$(goldfeder campaigns create --subject "Goldpreis im Blick" --body-file "$body")
log "sending campaign $id to $RECIPIENTS recipients over $CONCURRENCY connections"
read -r send_wall send_rss send_code < <(measure bash -c "cd '$TMP/site' && exec dotnet Goldfeder.dll campaigns send $id 2>/dev/null")
status=$(goldfeder campaigns status "$id")
sent=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['sent'])" "$status")
send_rate=$(python3 -c "print(round($sent / $send_wall))")
base_after=$(baseline)
base_rate=$(( (base_before + base_after) / 2 ))

printf '\nGoldfeder campaign benchmark, %s, %s cores, %s\n' "$(date -u +%Y-%m-%d)" "$(nproc)" "$(uname -m)"
printf '%-52s %s\n' \
  "campaign mail size" "$size bytes" \
  "baseline smtp-source -> smtp-sink (16 sessions)" "$base_rate msg/s (before $base_before, after $base_after)" \
  "import of $RECIPIENTS subscribers" "${import_wall} s ($(python3 -c "print(round($RECIPIENTS / $import_wall))") rows/s, incl. start-up)" \
  "campaign send (exit $send_code)" "$sent sent in ${send_wall} s = $send_rate msg/s (incl. start-up)" \
  "ratio campaign / baseline" "$(python3 -c "print(round($send_rate / $base_rate, 2))")" \
  "peak RSS of the sending process" "$((send_rss / 1024)) MB"
