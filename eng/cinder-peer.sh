#!/usr/bin/env bash
# A real OpenStack Cinder on loopback, for the tests that check the client against a real server.
#
#   eng/cinder-peer.sh install   apt-installs Cinder (Debian 12 "cinder-common"); a quick no-op when it is there
#   eng/cinder-peer.sh start     starts API + scheduler + fake volume backend, creates a 1 GiB volume, then prints
#                                and writes $CINDER_PEER_DIR/env:
#                                CINDER_URL, CINDER_PROJECT, CINDER_TOKEN, CINDER_VOLUME_ID
#   eng/cinder-peer.sh stop      stops the server that start launched (by its pid)
#   eng/cinder-peer.sh status    says whether it runs, and prints the env file
#
# Settings (environment): CINDER_PEER_DIR (state, logs, env; default $TMPDIR/evs-cinder-peer),
# CINDER_PEER_PORT (default: a free port), CINDER_PEER_PROJECT (hex, default c0ffee...).
#
# No Keystone: auth_strategy noauth_include_project_id takes "X-Auth-Token: user:project" as is.
# No broker: the three services share one process and the in-memory fake:// transport (cinder-allinone.py).
# No real disks: the fake volume driver only records what it is asked to do.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIR=${CINDER_PEER_DIR:-${TMPDIR:-/tmp}/evs-cinder-peer}
PROJECT=${CINDER_PEER_PROJECT:-c0ffee00c0ffee00c0ffee00c0ffee00} # noauth wants the path's project to match [0-9a-f-]+
# Debian's interpreter: a pyenv or venv python3 earlier on PATH cannot import the cinder packages.
PY=/usr/bin/python3
PACKAGES=(cinder-common sqlite3 curl)

log() { printf 'cinder-peer: %s\n' "$*" >&2; }

is_installed() {
  local p status
  for p in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || return 1
  done
  # Finding the module is enough, and much faster than importing it.
  "$PY" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("cinder.tests.fake_driver") is None)' 2>/dev/null
}

cmd_install() {
  if is_installed; then
    log "already installed: $(dpkg-query -W -f='${Package} ${Version}' cinder-common)"
    return 0
  fi
  [ "$(id -u)" = 0 ] || { log "install needs root (apt-get)"; return 1; }
  log "installing ${PACKAGES[*]} (about a minute)"
  apt-get update -qq
  # Package scripts must not try to start services: there is no init system. Only a guard this script put in place
  # is taken away again.
  local guard=/usr/sbin/policy-rc.d placed=0
  if [ ! -e "$guard" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$guard" && chmod +x "$guard" && placed=1
  fi
  local rc=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PACKAGES[@]}" || rc=$?
  [ "$placed" = 0 ] || rm -f "$guard"
  [ "$rc" = 0 ] || return "$rc"
  is_installed || { log "installed, but $PY cannot import cinder"; return 1; }
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# alive PID: the process exists and is not a zombie (an exited server whose parent has not reaped it yet).
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)
  [ "$state" != Z ]
}

running_pid() {
  [ -f "$DIR/pid" ] || return 1
  local pid
  pid=$(cat "$DIR/pid")
  alive "$pid" || return 1
  echo "$pid"
}

write_config() {
  local port=$1
  cat > "$DIR/cinder.conf" <<EOF
[DEFAULT]
host = evs-peer
auth_strategy = noauth_include_project_id
api_paste_config = /usr/share/cinder-common/api-paste.ini
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = $port
osapi_volume_workers = 1
state_path = $DIR/state
transport_url = fake://
enabled_backends = fake
debug = false
log_dir = $DIR/log
# Tests create many snapshots; quotas would only get in the way.
quota_volumes = -1
quota_snapshots = -1
quota_gigabytes = -1

[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake

[database]
connection = sqlite:///$DIR/state/cinder.sqlite

[oslo_concurrency]
lock_path = $DIR/lock
EOF
}

# json_field KEY1 KEY2 < json: prints doc[KEY1][KEY2]
json_field() {
  "$PY" -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]][sys.argv[2]])' "$1" "$2"
}

fail_start() {
  log "$1"
  # oslo.log writes to log_dir/<program>.log; stdout/stderr hold what came before logging was set up.
  local f
  for f in "$DIR"/log/server.out "$DIR"/log/cinder-allinone.py.log; do
    [ -s "$f" ] && { log "last lines of $f:"; tail -n 30 "$f" >&2; }
  done
  cmd_stop
  return 1
}

cmd_start() {
  is_installed || { log "Cinder is not installed: run '$0 install' first"; return 1; }
  cmd_stop
  rm -rf "$DIR"
  mkdir -p "$DIR/state" "$DIR/lock" "$DIR/log"

  local port=${CINDER_PEER_PORT:-}
  [ -n "$port" ] || port=$(free_port)
  write_config "$port"
  cinder-manage --config-file "$DIR/cinder.conf" db sync > "$DIR/log/db-sync.out" 2>&1 \
    || { tail -n 40 "$DIR/log/db-sync.out" >&2; log "db sync failed"; return 1; }

  # Its own session, so stop can end the whole process group and nothing stays attached to this shell.
  setsid "$PY" "$HERE/cinder-allinone.py" --config-file "$DIR/cinder.conf" \
    > "$DIR/log/server.out" 2>&1 < /dev/null &
  echo $! > "$DIR/pid"

  local base=http://127.0.0.1:$port
  local auth="X-Auth-Token: admin:$PROJECT" json="Content-Type: application/json"
  local i up=0
  for i in $(seq 90); do
    if curl -sf -o /dev/null -H "$auth" "$base/v3/"; then up=1; break; fi
    running_pid > /dev/null || fail_start "the server exited while starting" || return 1
    sleep 1
  done
  [ "$up" = 1 ] || { fail_start "the API did not answer on $base within 90 s"; return 1; }

  # A volume made through the API, so the scheduler and the volume service are proven to work too.
  local volume status=""
  volume=$(curl -sf -H "$auth" -H "$json" -X POST -d '{"volume": {"size": 1, "name": "evs-peer-volume"}}' \
    "$base/v3/$PROJECT/volumes" | json_field volume id) || { fail_start "creating the volume failed"; return 1; }
  for i in $(seq 90); do
    status=$(curl -sf -H "$auth" "$base/v3/$PROJECT/volumes/$volume" | json_field volume status) || status=""
    case "$status" in
      available) break ;;
      error) fail_start "volume $volume went to error"; return 1 ;;
    esac
    sleep 1
  done
  [ "$status" = available ] || { fail_start "volume $volume is still '$status' after 90 s"; return 1; }

  printf 'CINDER_URL=%s\nCINDER_PROJECT=%s\nCINDER_TOKEN=%s\nCINDER_VOLUME_ID=%s\n' \
    "$base/v3" "$PROJECT" "admin:$PROJECT" "$volume" > "$DIR/env"
  cat "$DIR/env"
  log "running (pid $(cat "$DIR/pid")); env written to $DIR/env; stop with: $0 stop"
}

cmd_stop() {
  local pid
  pid=$(running_pid) || { rm -f "$DIR/pid"; return 0; }
  # The server leads its own process group (setsid): signal the group.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 20); do
    alive "$pid" || break
    sleep 0.5
  done
  if alive "$pid"; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$DIR/pid"
  log "stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    log "running (pid $pid)"
    cat "$DIR/env" 2>/dev/null || true
  else
    log "not running"
    return 1
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
