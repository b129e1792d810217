# Sourced by the benchmarks (each defines log first): Debian packages on demand, free loopback ports.

# need PACKAGE...: installs those not installed yet; postfix (for smtp-sink/smtp-source) with the "No configuration"
# mail type, so that it never starts a mail server on port 25.
need() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 30000))
    if port_free "$p"; then echo "$p"; return; fi
  done
  log "no free port found"; return 1
}

# production_settings DIR: the stand-in settings a Production site refuses to start without (senders, imprint, a
# throwaway Data Protection certificate made in DIR), exported for the site and its commands. Site:BaseUrl stays with
# each script.
production_settings() {
  need openssl
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Goldfeder bench" -keyout "$1/dp.key" -out "$1/dp.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$1/dp.key" -in "$1/dp.crt" -out "$1/dp.pfx" -passout pass:bench
  export Mail__From="redaktion@example.de" Newsletter__From="newsletter@example.de" Newsletter__Imprint="Goldfeder Bench GmbH"
  export DataProtection__CertificateFile="$1/dp.pfx" DataProtection__CertificatePassword=bench
  deployed_environment
}

# deployed_environment: the Environment= lines of deploy/goldfeder.service (Production, the GC's gen0 budget), so
# that a benchmark measures the site as the service runs it.
deployed_environment() {
  local line
  while IFS= read -r line; do
    export "${line#Environment=}"
  done < <(grep -E '^Environment=[A-Za-z_][A-Za-z0-9_]*=' "$(dirname "${BASH_SOURCE[0]}")/../deploy/goldfeder.service")
}
