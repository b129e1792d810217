#!/usr/bin/env bash
# Throughput of the article page: the Goldfeder site (Release, Production, output cache) against a private nginx
# serving a static copy of the very same page. Both get the same path and the same wrk settings.
#
# Environment:
#   DURATION=15        seconds per measured wrk run
#   WARMUP=3           seconds of warm-up for each server before it is measured
#   ARTICLE=/news/...  path of the page to measure
#   GIT_REF=<ref>      benchmark a committed tree (git archive) instead of the working tree
#   SITE_PORT, NGINX_PORT  loopback ports (default: free ones picked at random)
#   BENCH_STRICT=1     exit 1 when a target is missed
#   KEEP_TMP=1         leave the temp dir (logs, publish output) in place
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
ARTICLE="${ARTICLE:-/news/macron-sucht-draht-zu-putin-und-stellt-sich-gegen-trump}"
WRK_ARGS=(-t2 -c64 "-d${DURATION}s" --latency)

# Targets.
TARGET_RATIO=0.5
TARGET_P99_MS=10
TARGET_RSS_MB=200

log() { printf '[site.sh] %s\n' "$*" >&2; }

# --- packages -------------------------------------------------------------------------------------------------------
# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
need nginx wrk curl procps
# Debian's nginx package may start a system instance on port 80; it is not ours and not needed.
if [[ -s /run/nginx.pid ]] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
    log "stopping the system nginx service (port 80); this benchmark runs its own instance"
    service nginx stop >/dev/null 2>&1 || nginx -s quit 2>/dev/null || true
fi
command -v dotnet >/dev/null || { log "dotnet SDK not found"; exit 1; }

# --- temp dir and cleanup ---------------------------------------------------------------------------------------------
TMP="$(mktemp -d -t goldfeder-bench.XXXXXX)"
chmod 755 "$TMP" # nginx workers run as nobody and must reach the document root
SITE_PID=""
NGINX_PID=""
cleanup() {
    local rc=$?
    if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$NGINX_PID" 2>/dev/null || true
    fi
    if [[ -n "$SITE_PID" ]] && kill -0 "$SITE_PID" 2>/dev/null; then
        kill -TERM "$SITE_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$SITE_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SITE_PID" 2>/dev/null || true
    fi
    wait 2>/dev/null || true
    if [[ "${KEEP_TMP:-0}" == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SITE_PORT="${SITE_PORT:-$(free_port)}"
NGINX_PORT="${NGINX_PORT:-$(free_port)}"
while [[ "$NGINX_PORT" == "$SITE_PORT" ]]; do NGINX_PORT="$(free_port)"; done
SITE_URL="http://127.0.0.1:${SITE_PORT}${ARTICLE}"
NGINX_URL="http://127.0.0.1:${NGINX_PORT}${ARTICLE}"

# --- publish (from a copy, so the shared obj/ and bin/ under src/ are never touched) ----------------------------------
mkdir -p "$TMP/src" "$TMP/app"
if [[ -n "${GIT_REF:-}" ]]; then
    log "copying $GIT_REF"
    git -C "$ROOT" archive "$GIT_REF" Directory.Build.props Directory.Packages.props src/Goldfeder | tar -x -C "$TMP/src"
else
    log "copying the working tree"
    cp "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" "$TMP/src/"
    mkdir -p "$TMP/src/src"
    tar -C "$ROOT/src" --exclude='Goldfeder/bin' --exclude='Goldfeder/obj' --exclude='Goldfeder/data' -cf - Goldfeder \
        | tar -x -C "$TMP/src/src"
fi
log "publishing (Release)"
if ! dotnet publish "$TMP/src/src/Goldfeder/Goldfeder.csproj" -c Release -o "$TMP/app" --nologo -v q >"$TMP/publish.log" 2>&1; then
    cat "$TMP/publish.log" >&2
    exit 1
fi

# --- start the site ---------------------------------------------------------------------------------------------------
# Twice: the first start creates the database and loads the demo articles (a one-time event, whose peak memory is
# reported apart); the measured site is a restart on that database, as a production server runs.
production_settings "$TMP"
start_site() {
    (
        cd "$TMP/app"
        export ASPNETCORE_ENVIRONMENT=Production
        export ASPNETCORE_URLS="http://127.0.0.1:${SITE_PORT}"
        export Site__BaseUrl="http://127.0.0.1:${SITE_PORT}"
        export DemoContent__Load=true
        export ConnectionStrings__Goldfeder="Data Source=$TMP/bench.db"
        exec dotnet "$TMP/app/Goldfeder.dll"
    ) >"$TMP/site.log" 2>&1 &
    SITE_PID=$!
    for i in $(seq 120); do
        if curl -fsS -o /dev/null "http://127.0.0.1:${SITE_PORT}/healthz" 2>/dev/null; then break; fi
        if ! kill -0 "$SITE_PID" 2>/dev/null; then log "the site exited during start-up:"; cat "$TMP/site.log" >&2; exit 1; fi
        if ((i == 120)); then log "no healthy /healthz after 60 s:"; cat "$TMP/site.log" >&2; exit 1; fi
        sleep 0.5
    done
}
log "first start on a new database (migrations, demo content) on 127.0.0.1:$SITE_PORT"
start_site
FIRST_START_RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SITE_PID/status")
kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true
log "restarting the site on that database"
start_site

# --- static copy for nginx --------------------------------------------------------------------------------------------
mkdir -p "$TMP/www$(dirname "$ARTICLE")"
curl -fsS -D "$TMP/headers1.txt" -o "$TMP/www$ARTICLE" "$SITE_URL"
curl -fsS -D "$TMP/headers2.txt" -o /dev/null "$SITE_URL"
PAGE_BYTES=$(stat -c %s "$TMP/www$ARTICLE")
AGE=$(awk 'tolower($1)=="age:" {gsub("\r",""); print $2}' "$TMP/headers2.txt")
chmod -R a+rX "$TMP/www"

mkdir -p "$TMP/nginx/tmp"
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $TMP/nginx/tmp/body;
    proxy_temp_path $TMP/nginx/tmp/proxy;
    fastcgi_temp_path $TMP/nginx/tmp/fastcgi;
    uwsgi_temp_path $TMP/nginx/tmp/uwsgi;
    scgi_temp_path $TMP/nginx/tmp/scgi;
    types { }
    default_type text/html;
    charset utf-8;
    server {
        listen 127.0.0.1:${NGINX_PORT};
        root $TMP/www;
        location / { try_files \$uri =404; }
    }
}
EOF
log "starting nginx on 127.0.0.1:$NGINX_PORT"
nginx -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" &
NGINX_PID=$!
for i in $(seq 50); do
    curl -fsS -o /dev/null "$NGINX_URL" 2>/dev/null && break
    if ((i == 50)); then log "nginx did not answer:"; cat "$TMP/nginx/error.log" >&2; exit 1; fi
    sleep 0.1
done
cmp -s "$TMP/www$ARTICLE" <(curl -fsS "$NGINX_URL") || { log "nginx serves a different body"; exit 1; }

# --- measure ----------------------------------------------------------------------------------------------------------
# Everything shares the cores with wrk, so each run also records how much CPU went to other processes (anything but
# the site, nginx and wrk): a busy neighbour (a build, a test run) makes the numbers worthless.
CLK_TCK=$(getconf CLK_TCK)
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
nginx_ticks() { local t=0 p; for p in "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); do t=$((t + $(proc_ticks "$p"))); done; echo "$t"; }
cpu_sample() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $5 + $6 }' /proc/stat; } # total idle
# "50%  1.23ms" -> milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'; }
run_wrk() { # name url -> $TMP/wrk-name.txt, $TMP/other-name.txt
    local t0 i0 s0 n0 t1 i1 s1 n1 wrk_ticks
    log "wrk warm-up ${WARMUP}s: $1"
    wrk -t2 -c64 "-d${WARMUP}s" "$2" >/dev/null
    log "wrk ${WRK_ARGS[*]}: $1"
    read -r t0 i0 < <(cpu_sample); s0=$(proc_ticks "$SITE_PID"); n0=$(nginx_ticks)
    TIMEFORMAT='%U %S'
    { time wrk "${WRK_ARGS[@]}" "$2" >"$TMP/wrk-$1.txt"; } 2>"$TMP/time-$1.txt"
    read -r t1 i1 < <(cpu_sample); s1=$(proc_ticks "$SITE_PID"); n1=$(nginx_ticks)
    wrk_ticks=$(tail -n1 "$TMP/time-$1.txt" | awk -v c="$CLK_TCK" '{ printf "%d", ($1 + $2) * c }')
    if [[ $1 == site ]]; then echo $((s1 - s0)) >"$TMP/cpu-$1.txt"; else echo $((n1 - n0)) >"$TMP/cpu-$1.txt"; fi
    awk -v t=$((t1 - t0)) -v i=$((i1 - i0)) -v o=$((s1 - s0 + n1 - n0 + wrk_ticks)) \
        'BEGIN { b = t - i - o; printf "%.0f", (t > 0 && b > 0 ? 100 * b / t : 0) }' >"$TMP/other-$1.txt"
}
rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$TMP/wrk-$1.txt"; }
pct() { to_ms "$(awk -v p="$2%" '$1 == p { print $2 }' "$TMP/wrk-$1.txt")"; }
# CPU time the server itself spent per request: unlike requests/s, hardly moved by other load on the machine.
cpu_per_req() { awk -v c="$CLK_TCK" -v t="$(cat "$TMP/cpu-$1.txt")" '/ requests in / { printf "%.0f", t / c * 1e6 / $1 }' "$TMP/wrk-$1.txt"; }
errors() { grep -E 'Socket errors|Non-2xx' "$TMP/wrk-$1.txt" | sed 's/^ *//' | paste -sd';' - || true; }

run_wrk site "$SITE_URL"
run_wrk nginx "$NGINX_URL"

RSS_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SITE_PID/status")
RSS_NOW_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SITE_PID/status")
SITE_RPS=$(rps site); NGINX_RPS=$(rps nginx)
SITE_P50=$(pct site 50); SITE_P99=$(pct site 99)
NGINX_P50=$(pct nginx 50); NGINX_P99=$(pct nginx 99)
RATIO=$(awk -v a="$SITE_RPS" -v b="$NGINX_RPS" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
RSS_MB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')
RSS_NOW_MB=$(awk -v k="$RSS_NOW_KB" 'BEGIN { printf "%.1f", k / 1024 }')
FIRST_START_RSS_MB=$(awk -v k="$FIRST_START_RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')
LOG_LINES=$(wc -l <"$TMP/site.log")

# --- report -----------------------------------------------------------------------------------------------------------
echo
echo "Goldfeder article page vs. static nginx copy"
echo "path:        $ARTICLE"
echo "wrk:         ${WRK_ARGS[*]} (after ${WARMUP}s warm-up each), no Accept-Encoding"
echo "machine:     $(nproc) cores, $(uname -sr)"
echo "page size:   $PAGE_BYTES bytes (uncompressed)"
echo "output cache: $([[ -n "$AGE" ]] && echo "second response has Age: $AGE (served from cache)" || echo "second response has NO Age header (not cached?)")"
echo "site log:    $LOG_LINES lines written during the run"
echo
printf '%-8s %12s %10s %10s %14s %13s  %s\n' "server" "requests/s" "p50 ms" "p99 ms" "CPU us/req" "other CPU %" "errors"
printf '%-8s %12s %10s %10s %14s %13s  %s\n' "site" "$SITE_RPS" "$SITE_P50" "$SITE_P99" "$(cpu_per_req site)" "$(cat "$TMP/other-site.txt")" "$(errors site)"
printf '%-8s %12s %10s %10s %14s %13s  %s\n' "nginx" "$NGINX_RPS" "$NGINX_P50" "$NGINX_P99" "$(cpu_per_req nginx)" "$(cat "$TMP/other-nginx.txt")" "$(errors nginx)"
if (($(cat "$TMP/other-site.txt") > 5 || $(cat "$TMP/other-nginx.txt") > 5)); then
    echo "WARNING: other processes took more than 5% of the CPU during a run (column 'other CPU %'); run again on an idle machine"
fi
echo
echo "site peak RSS (VmHWM): $RSS_MB MB (RSS at end: $RSS_NOW_MB MB); first start on a new database with demo content: $FIRST_START_RSS_MB MB"
echo "ratio site/nginx requests/s: $RATIO"
echo "ratio nginx/site CPU per request: $(awk -v a="$(cpu_per_req nginx)" -v b="$(cpu_per_req site)" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }') (the server's own cost, not moved by other load)"
echo
met() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }
R1=$(met "$RATIO >= $TARGET_RATIO"); R2=$(met "$SITE_P99 < $TARGET_P99_MS"); R3=$(met "$RSS_MB < $TARGET_RSS_MB")
printf '%-34s %-10s %s\n' "target" "measured" "result"
printf '%-34s %-10s %s\n' "ratio site/nginx >= $TARGET_RATIO" "$RATIO" "$R1"
printf '%-34s %-10s %s\n' "site p99 < $TARGET_P99_MS ms" "$SITE_P99" "$R2"
printf '%-34s %-10s %s\n' "site peak RSS < $TARGET_RSS_MB MB" "$RSS_MB" "$R3"

if [[ "${BENCH_STRICT:-0}" == 1 && "$R1$R2$R3" != metmetmet ]]; then exit 1; fi
