#!/usr/bin/env bash
# Several instances (issue 13), all in one run on one machine, on a private PostgreSQL and a private Redis:
#   1. the article page through nginx (wrk -t2 -c64), each figure as a ratio to the first one, measured in this run:
#        a. one instance, no Redis: the in-process output cache (the baseline)
#        b. one instance with Redis: local copies, evictions over pub/sub (what Goldfeder does)
#        c. one instance with Redis holding the pages (Site:OutputCacheInRedis, the Redis output-cache store)
#        d. two instances with Redis behind one nginx upstream
#   2. a campaign to RECIPIENTS subscribers with one sender process, then another with two at once (Postfix's
#      smtp-sink as the mail server).
# On a 2-core machine two instances share the cores with wrk and nginx: they cannot be faster, only shown honestly.
#
# Environment: DURATION=15, WARMUP=3 (seconds per wrk run), RECIPIENTS=200000 (0: pages only), ARTICLE=/news/..., KEEP_TMP=1
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
RECIPIENTS="${RECIPIENTS:-200000}"
ARTICLE="${ARTICLE:-/news/macron-sucht-draht-zu-putin-und-stellt-sich-gegen-trump}"
TARGET_REDIS_RATIO=0.8
log() { printf '[scale.sh] %s\n' "$*" >&2; }

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
need nginx wrk curl postgresql redis-server postfix python3 procps
SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

TMP="$(mktemp -d -t goldfeder-scale.XXXXXX)"
chmod 755 "$TMP"
PIDS=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m immediate stop >/dev/null 2>&1 || true
  if [ "${KEEP_TMP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL and Redis, private ------------------------------------------------------------------------------------
mkdir -p "$TMP/pg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$TMP/pg"
log "PostgreSQL on $TMP/pg"
as_pg "$PG_BIN/initdb" -D "$TMP/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/server.log" -w start \
  -o "-c listen_addresses='' -k $TMP/pg -p 5432 -c max_connections=300" >/dev/null
REDIS_PORT=$(free_port)
log "redis-server on 127.0.0.1:$REDIS_PORT"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$TMP" >"$TMP/redis.log" 2>&1 &
PIDS+=($!)

log "publishing the site (Release)"
dotnet publish "$ROOT/src/Goldfeder" -c Release -o "$TMP/app" -nologo -v q >"$TMP/publish.log" 2>&1 || { cat "$TMP/publish.log" >&2; exit 1; }

production_settings "$TMP"
export ASPNETCORE_ENVIRONMENT=Production Storage__Provider=Postgres DemoContent__Load=true \
  ConnectionStrings__Goldfeder="Host=$TMP/pg;Port=5432;Username=postgres;Database=goldfeder_bench" \
  Site__BaseUrl="https://www.example.de" ForwardedHeaders__KnownProxies__0=127.0.0.1 Logging__LogLevel__Default=Warning
REDIS="127.0.0.1:$REDIS_PORT"

# start_site NAME PORT [VAR=value ...]: an instance in the background, its pid in SITE_PID, once /healthz answers.
start_site() {
  local name=$1 port=$2 i; shift 2
  ( cd "$TMP/app" && exec env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet Goldfeder.dll ) >"$TMP/site-$name.log" 2>&1 &
  SITE_PID=$!
  PIDS+=("$SITE_PID")
  for i in $(seq 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    kill -0 "$SITE_PID" 2>/dev/null || { log "$name exited:"; cat "$TMP/site-$name.log" >&2; exit 1; }
    sleep 0.5
  done
  log "$name did not become healthy"; cat "$TMP/site-$name.log" >&2; exit 1
}
stop_site() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# start_nginx NAME PORT UPSTREAM_PORT...: a plain-HTTP proxy with deploy/nginx/goldfeder.conf's upstream settings.
start_nginx() {
  local name=$1 port=$2 servers="" p; shift 2
  for p in "$@"; do servers+="server 127.0.0.1:$p; "; done
  mkdir -p "$TMP/nginx-$name"
  cat >"$TMP/nginx-$name/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $TMP/nginx-$name/nginx.pid;
error_log $TMP/nginx-$name/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $TMP/nginx-$name/body;
    proxy_temp_path $TMP/nginx-$name/proxy;
    fastcgi_temp_path $TMP/nginx-$name/fastcgi;
    uwsgi_temp_path $TMP/nginx-$name/uwsgi;
    scgi_temp_path $TMP/nginx-$name/scgi;
    upstream goldfeder { $servers keepalive 32; }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://goldfeder;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto https;
        }
    }
}
EOF
  nginx -p "$TMP/nginx-$name" -e "$TMP/nginx-$name/error.log" -c "$TMP/nginx-$name/nginx.conf" &
  PIDS+=($!)
  for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port$ARTICLE" 2>/dev/null && return 0; sleep 0.1; done
  log "nginx $name did not answer"; cat "$TMP/nginx-$name/error.log" >&2; exit 1
}

# measure NAME PORT: wrk through that nginx; requests/s and p99 into $TMP/rps-NAME, $TMP/p99-NAME
measure() {
  local url="http://127.0.0.1:$2$ARTICLE"
  log "wrk warm-up ${WARMUP}s, then -t2 -c64 -d${DURATION}s: $1"
  wrk -t2 -c64 "-d${WARMUP}s" "$url" >/dev/null
  wrk -t2 -c64 "-d${DURATION}s" --latency "$url" >"$TMP/wrk-$1.txt"
  awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-$1.txt" >"$TMP/rps-$1"
  awk '$1 == "99%" { print $2 }' "$TMP/wrk-$1.txt" >"$TMP/p99-$1"
  grep -E 'Socket errors|Non-2xx' "$TMP/wrk-$1.txt" | sed 's/^ */  /' >&2 || true
}

PORT_A=$(free_port); PORT_B=$(free_port); NGINX_ONE=$(free_port); NGINX_TWO=$(free_port)
log "first start (migrations, demo content)"
start_site first "$PORT_A"
stop_site "$SITE_PID"

# The campaign senders of the site instances stay idle here: no campaign exists until part 2, where they are stopped.
start_site local "$PORT_A"; A=$SITE_PID
start_nginx one "$NGINX_ONE" "$PORT_A"
measure local "$NGINX_ONE"
stop_site "$A"

start_site pubsub "$PORT_A" ConnectionStrings__Redis="$REDIS"; A=$SITE_PID
measure pubsub "$NGINX_ONE"
stop_site "$A"

start_site store "$PORT_A" ConnectionStrings__Redis="$REDIS" Site__OutputCacheInRedis=true; A=$SITE_PID
measure store "$NGINX_ONE"
stop_site "$A"

start_site a "$PORT_A" ConnectionStrings__Redis="$REDIS"; A=$SITE_PID
start_site b "$PORT_B" ConnectionStrings__Redis="$REDIS"; B=$SITE_PID
start_nginx two "$NGINX_TWO" "$PORT_A" "$PORT_B"
measure two "$NGINX_TWO"
stop_site "$A"; stop_site "$B"

# The baseline once more at the end: how far apart the same setup measures in this run (the machine's noise).
start_site again "$PORT_A"; A=$SITE_PID
measure again "$NGINX_ONE"
stop_site "$A"

# --- 2. campaign: one sender, then two ----------------------------------------------------------------------------------
if [ "$RECIPIENTS" -gt 0 ]; then
SINK_PORT=$(free_port)
"$SMTP_SINK" -u nobody -a -c 127.0.0.1:"$SINK_PORT" 1024 >"$TMP/sink.log" 2>&1 &
PIDS+=($!)
export Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$SINK_PORT" Mail__Smtp__Security=None ConnectionStrings__Redis="$REDIS"
goldfeder() { ( cd "$TMP/app" && dotnet Goldfeder.dll "$@" ); }
python3 - "$TMP/list.csv" "$RECIPIENTS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("address,consent_time,source\n")
    for i in range(int(sys.argv[2])):
        f.write(f"kunde{i:07d}@example.de,2025-03-01T10:00:00Z,Webshop\n")
PY
log "importing $RECIPIENTS subscribers"
goldfeder subscribers import "$TMP/list.csv" >/dev/null
printf '## Goldpreis im Blick\n\nDer Goldpreis hat in dieser Woche erneut zugelegt.\n' >"$TMP/body.md"

send_with() { # SENDERS -> seconds for the whole campaign
  local id pids=() start end i
  id=$(goldfeder campaigns create --subject "Skalierung mit $1" --body-file "$TMP/body.md")
  start=$(date +%s.%N)
  for i in $(seq "$1"); do ( cd "$TMP/app" && exec dotnet Goldfeder.dll campaigns send "$id" >"$TMP/send-$1-$i.log" 2>/dev/null ) & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i" || { log "a sender failed:"; cat "$TMP"/send-"$1"-*.log >&2; exit 1; }; done
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
  goldfeder campaigns status "$id" >"$TMP/status-$1.json"
}
log "campaign to $RECIPIENTS with one sender"
ONE_SENDER=$(send_with 1)
log "campaign to $RECIPIENTS with two senders"
TWO_SENDERS=$(send_with 2)
fi
sent_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['sent'])" "$TMP/status-$1.json"; }

# --- report -------------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$(cat "$TMP/rps-$1")" -v b="$(cat "$TMP/rps-local")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo
echo "Goldfeder with several instances, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -sr); PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), $(redis-server --version | awk '{print $3}')"
echo "article page $ARTICLE through nginx, wrk -t2 -c64 -d${DURATION}s (after ${WARMUP}s warm-up)"
printf '%-58s %12s %10s %8s\n' "setup" "requests/s" "p99" "ratio"
printf '%-58s %12s %10s %8s\n' "1 instance, in-process output cache, no Redis (baseline)" "$(cat "$TMP/rps-local")" "$(cat "$TMP/p99-local")" "1.00"
printf '%-58s %12s %10s %8s\n' "1 instance, Redis: local copies + pub/sub evictions" "$(cat "$TMP/rps-pubsub")" "$(cat "$TMP/p99-pubsub")" "$(ratio pubsub)"
printf '%-58s %12s %10s %8s\n' "1 instance, Redis output-cache store (pages in Redis)" "$(cat "$TMP/rps-store")" "$(cat "$TMP/p99-store")" "$(ratio store)"
printf '%-58s %12s %10s %8s\n' "2 instances, Redis, one nginx upstream" "$(cat "$TMP/rps-two")" "$(cat "$TMP/p99-two")" "$(ratio two)"
printf '%-58s %12s %10s %8s\n' "1 instance, no Redis, again at the end (noise)" "$(cat "$TMP/rps-again")" "$(cat "$TMP/p99-again")" "$(ratio again)"
if [ "$RECIPIENTS" -gt 0 ]; then
  echo
  echo "campaign to $RECIPIENTS (smtp-sink, PostgreSQL)"
  printf '%-58s %s\n' "1 sender process" "$(sent_of 1) sent in ${ONE_SENDER} s = $(python3 -c "print(round($(sent_of 1) / $ONE_SENDER))") msg/s"
  printf '%-58s %s\n' "2 sender processes on the same campaign" "$(sent_of 2) sent in ${TWO_SENDERS} s = $(python3 -c "print(round($(sent_of 2) / $TWO_SENDERS))") msg/s"
fi
echo
printf 'target: Redis (pub/sub) >= %s x in-process: %s (%s)\n' "$TARGET_REDIS_RATIO" "$(ratio pubsub)" \
  "$(awk -v r="$(ratio pubsub)" -v t="$TARGET_REDIS_RATIO" 'BEGIN { print (r >= t ? "met" : "MISSED") }')"
