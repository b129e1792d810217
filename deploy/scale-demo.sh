#!/usr/bin/env bash
# Scale-out on one machine, with one command: a private PostgreSQL, Redis, two Goldfeder instances and nginx with
# both in its upstream, to try what deploy/README.md ("Several instances") describes. Everything lives in one
# folder and stops with Ctrl-C; nothing is installed as a service. For trying, not for production (plain HTTP,
# throwaway keys, demo content, mail into a pickup folder).
#
#   deploy/scale-demo.sh            publishes the site from this checkout, then starts everything
#   PUBLISHED=/opt/goldfeder deploy/scale-demo.sh   uses a published site instead
#   PORT=8080                       nginx's port (default 8080); the instances get 5001 and 5002
# Needs Debian's postgresql, redis-server and nginx (installed when missing, as root) and the .NET 10 SDK to publish.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-8080}"
A=5001
B=5002
log() { printf '[scale-demo] %s\n' "$*" >&2; }

missing=()
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

DIR="$(mktemp -d -t goldfeder-scale-demo.XXXXXX)"
chmod 755 "$DIR"
PIDS=()
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  log "stopping"
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 0' INT TERM

if [ -z "${PUBLISHED:-}" ]; then
  log "publishing the site (Release) to $DIR/app"
  dotnet publish "$ROOT/src/Goldfeder" -c Release -o "$DIR/app" -nologo -v q >/dev/null
  PUBLISHED="$DIR/app"
fi

log "PostgreSQL on the Unix socket in $DIR/pg"
mkdir -p "$DIR/pg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR/pg"
as_pg "$PG_BIN/initdb" -D "$DIR/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w start -o "-c listen_addresses='' -k $DIR/pg -p 5432" >/dev/null

log "Redis on 127.0.0.1:6390"
redis-server --bind 127.0.0.1 --port 6390 --save "" --appendonly no --dir "$DIR" >"$DIR/redis.log" 2>&1 &
PIDS+=($!)

# Every instance must get the same settings (deploy/README.md, "Several instances"): database, Redis, base URL,
# the key certificate, senders, file store. Only the listening address differs.
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Goldfeder demo" -keyout "$DIR/dp.key" -out "$DIR/dp.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$DIR/dp.key" -in "$DIR/dp.crt" -out "$DIR/dp.pfx" -passout pass:demo
export ASPNETCORE_ENVIRONMENT=Production Storage__Provider=Postgres DemoContent__Load=true \
  ConnectionStrings__Goldfeder="Host=$DIR/pg;Port=5432;Username=postgres;Database=goldfeder" \
  ConnectionStrings__Redis="127.0.0.1:6390" \
  Site__BaseUrl="http://127.0.0.1:$PORT" ForwardedHeaders__KnownProxies__0=127.0.0.1 \
  DataProtection__CertificateFile="$DIR/dp.pfx" DataProtection__CertificatePassword=demo \
  Mail__From="redaktion@example.de" Newsletter__From="newsletter@example.de" Newsletter__Imprint="Goldfeder Demo GmbH" \
  Mail__PickupDirectory="$DIR/mail" Careers__FileStore__Path="$DIR/applications"
export -p | grep -E ' (ASPNETCORE_ENVIRONMENT|DemoContent__|Storage__|ConnectionStrings__|Site__|ForwardedHeaders__|DataProtection__|Mail__|Newsletter__|Careers__)' >"$DIR/env"

start_instance() {
  ( cd "$PUBLISHED" && ASPNETCORE_URLS="http://127.0.0.1:$1" exec ./Goldfeder ) >"$DIR/instance-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/healthz/ready" 2>/dev/null && { log "instance on 127.0.0.1:$1 is ready"; return; }
    sleep 0.5
  done
  log "the instance on $1 did not become ready:"; tail -n 20 "$DIR/instance-$1.log" >&2; exit 1
}
start_instance "$A"   # the first one migrates the database and loads the demo content
start_instance "$B"

mkdir -p "$DIR/nginx"
cat >"$DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $DIR/nginx/body;
    proxy_temp_path $DIR/nginx/proxy;
    fastcgi_temp_path $DIR/nginx/fastcgi;
    uwsgi_temp_path $DIR/nginx/uwsgi;
    scgi_temp_path $DIR/nginx/scgi;
    upstream goldfeder { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 32; }
    server {
        listen 127.0.0.1:$PORT;
        location / {
            proxy_pass http://goldfeder;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
nginx -p "$DIR/nginx" -e "$DIR/nginx/error.log" -c "$DIR/nginx/nginx.conf" &
PIDS+=($!)

cat >&2 <<EOF

  Goldfeder on two instances:  http://127.0.0.1:$PORT/   (nginx, round robin)
  the instances directly:      http://127.0.0.1:$A/  http://127.0.0.1:$B/   (/healthz/ready shows Redis)
  an admin account (another shell, the instances' settings):
      (source $DIR/env && cd $PUBLISHED && ./Goldfeder admin create --email chefin@example.de --role Admin --generate-password)
  mail goes to:                $DIR/mail
  logs:                        $DIR/instance-$A.log, $DIR/instance-$B.log

  Ctrl-C stops everything and removes $DIR.
EOF
wait
