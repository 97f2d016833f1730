#!/bin/bash
# What one agent costs when it watches three engines at once, as docs/performance.md reports it:
# N containers all on rootful Podman, then the same N split across rootful Podman, Docker and a
# rootless user's Podman (about a third each), measured side by side in one run: agent CPU-s/min
# and RSS, and the CPU each engine's API service spends answering it (Podman services, dockerd).
# Private engines only (own storage, own dockerd with --data-root/--exec-root, a test user with its
# own subuid range, removed at the end), as root. Usage: bench/engines-cost.sh [N] [interval] [window-s]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
IV=${2:-1s}
WINDOW=${3:-40}
WARMUP=${WARMUP:-20}
JAR=${JAR:-agent/target/podwatch.jar}
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package ($JAR missing)" >&2; exit 1; }
TCK=$(getconf CLK_TCK)
USER_NAME=pwbench
dir=$(mktemp -d /tmp/pweb-XXXX)
chmod 755 "$dir"
cat > "$dir/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
P=(env CONTAINERS_CONF="$dir/containers.conf" podman --root "$dir/root" --runroot "$dir/runroot")
D=(docker -H "unix://$dir/d.sock")
pids=()
cleanup() {
    set +e
    "${P[@]}" rm -af -t 0 >/dev/null 2>&1
    [ -n "${R:-}" ] && "${R[@]}" rm -af -t 0 >/dev/null 2>&1
    "${D[@]}" rm -f $("${D[@]}" ps -aq 2>/dev/null) >/dev/null 2>&1
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    sleep 3
    [ -f "$dir/d.pid" ] && kill "$(cat "$dir/d.pid")" 2>/dev/null
    [ -n "${UID_R:-}" ] && [ -f "/run/user/$UID_R/libpod/tmp/pause.pid" ] && kill "$(cat "/run/user/$UID_R/libpod/tmp/pause.pid")" 2>/dev/null
    sleep 2
    grep -o " $dir[^ ]*" /proc/self/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
    rm -rf "$dir" "/run/user/${UID_R:-none}"
    id "$USER_NAME" >/dev/null 2>&1 && userdel "$USER_NAME"
    sed -i "/^$USER_NAME:/d" /etc/subuid /etc/subgid
}
trap cleanup EXIT

mkdir -p "$dir/rootfs/bin" "$dir/rootfs/etc" "$dir/rootfs/proc" "$dir/rootfs/sys" "$dir/rootfs/dev" "$dir/rootfs/tmp"
cp /bin/busybox "$dir/rootfs/bin/busybox"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$dir/rootfs/bin/$a"; done
tar -C "$dir/rootfs" -cf "$dir/rootfs.tar" .
chmod 644 "$dir/rootfs.tar"

# rootful Podman
"${P[@]}" import "$dir/rootfs.tar" localhost/pwbench:latest >/dev/null
"${P[@]}" system service --time=0 "unix://$dir/api.sock" >/dev/null 2>&1 &
pids+=($!); svc_p=$!
# Docker
dockerd --data-root "$dir/data" --exec-root "$dir/exec" -H "unix://$dir/d.sock" --iptables=false --bridge=none \
    --pidfile "$dir/d.pid" >"$dir/dockerd.log" 2>&1 &
for _ in $(seq 300); do "${D[@]}" version >/dev/null 2>&1 && break; sleep 0.1; done
"${D[@]}" import --change 'ENV PATH=/bin' "$dir/rootfs.tar" pwbench:latest >/dev/null
svc_d=$(cat "$dir/d.pid")
# a rootless user's Podman
useradd -M -d "$dir/home" -s /bin/sh "$USER_NAME"
echo "$USER_NAME:320000:65536" >> /etc/subuid; echo "$USER_NAME:320000:65536" >> /etc/subgid
UID_R=$(id -u "$USER_NAME")
mkdir -p "/run/user/$UID_R/podman" "$dir/home/.config/containers"
cp "$dir/containers.conf" "$dir/home/.config/containers/containers.conf"
chown -R "$USER_NAME:" "$dir/home" "/run/user/$UID_R"; chmod 700 "/run/user/$UID_R"
R=(runuser -u "$USER_NAME" -- env HOME="$dir/home" XDG_RUNTIME_DIR="/run/user/$UID_R" podman)
"${R[@]}" import "$dir/rootfs.tar" localhost/pwbench:latest >/dev/null
"${R[@]}" system service --time=0 "unix:///run/user/$UID_R/podman/podman.sock" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -S "/run/user/$UID_R/podman/podman.sock" ] && [ -S "$dir/api.sock" ] && break; sleep 0.1; done
svc_r=$(pgrep -u "$UID_R" -f "system service" | head -1)

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

measure() { # $1 label
    port=$((19000 + RANDOM % 1000))
    cat > "$dir/agent.yaml" <<YAML
http:
  listen: 127.0.0.1:$port
state-dir: $dir/state
event-log: $dir/events.jsonl
podman:
  socket: unix://$dir/api.sock
  interval: $IV
host:
  interval: $IV
engines:
  discover-interval: 30s
  list:
    - type: docker
      socket: unix://$dir/d.sock
audit:
  enabled: false
YAML
    PODWATCH_JAR="$JAR" packaging/podwatch run --config "$dir/agent.yaml" 2>"$dir/agent.log" &
    agent=$!
    sleep "$WARMUP"
    a0=$(cpu_ticks $agent); p0=$(cpu_ticks $svc_p); d0=$(cpu_ticks $svc_d); r0=$(cpu_ticks $svc_r)
    sleep "$WINDOW"
    a1=$(cpu_ticks $agent); p1=$(cpu_ticks $svc_p); d1=$(cpu_ticks $svc_d); r1=$(cpu_ticks $svc_r)
    series=$(curl -s "http://127.0.0.1:$port/metrics" | grep -c '^container_cpu_usage_seconds_total' || true)
    awk -v l="$1" -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v d=$((d1 - d0)) -v r=$((r1 - r0)) -v t="$TCK" -v w="$WINDOW" \
        -v m="$(rss_mib $agent)" -v s="$series" 'BEGIN { f=60/w/t; printf "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s |\n",
        l, s, a*f, p*f, d*f, r*f, (a+p+d+r)*f, m }'
    kill "$agent"; wait "$agent" 2>/dev/null || true
}

printf "| containers | CPU series in /metrics | agent CPU-s/min | rootful Podman service | dockerd | rootless Podman service | total | agent RSS MiB |\n|---|---|---|---|---|---|---|---|\n"
for i in $(seq 1 "$N"); do "${P[@]}" run -d --name "b$i" localhost/pwbench:latest sleep 100000 >/dev/null; done
measure "$N rootful Podman (engines idle)"
third=$((N / 3))
for i in $(seq 1 $((N - 2 * third))); do :; done
"${P[@]}" rm -f -t 0 $(seq -f "b%g" 1 $((2 * third))) >/dev/null
for i in $(seq 1 "$third"); do "${D[@]}" run -d --network none --name "d$i" pwbench:latest sleep 100000 >/dev/null; done
for i in $(seq 1 "$third"); do "${R[@]}" run -d --network none --name "r$i" localhost/pwbench:latest sleep 100000 >/dev/null; done
measure "$((N - 2 * third)) rootful + $third Docker + $third rootless"
