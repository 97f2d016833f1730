#!/bin/bash
# Measures what the agent costs the host, as docs/performance.md reports it:
#   agent CPU-seconds per minute and steady RSS, and the CPU the Podman service spends answering
#   it, at N running containers, for each stats source and interval; then /metrics scrape latency
#   (p50/p99) and agent CPU per scrape at the largest N.
# Runs a private Podman (own storage and containers.conf, like the integration tests), as root.
# Usage: bench/agent-cost.sh [counts] [sources] [intervals] [window-seconds]
#   e.g. bench/agent-cost.sh "0 50 100 200" "api cgroup" "5s 1s" 60
# JARS="before.jar after.jar" runs each build in turn on the same containers, side by side (one row
# per build; on a shared machine only rows measured next to each other compare).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${1:-"0 50 100 200"}
SOURCES=${2:-"api cgroup"}
INTERVALS=${3:-"5s 1s"}
WINDOW=${4:-60}
WARMUP=${WARMUP:-20}
JARS=${JARS:-agent/target/podwatch.jar}
for JAR in $JARS; do
    [ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package ($JAR missing)" >&2; exit 1; }
done
TCK=$(getconf CLK_TCK)
dir=$(mktemp -d /tmp/pwbench-XXXX)
export CONTAINERS_CONF=$dir/containers.conf
cat > "$CONTAINERS_CONF" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$dir/events.log"
CONF
P=(podman --root "$dir/root" --runroot "$dir/runroot")
svc=""
cleanup() {
    [ -n "$svc" ] && kill "$svc" 2>/dev/null || true
    "${P[@]}" rm -af -t 0 >/dev/null 2>&1 || true
    grep -o " $dir[^ ]*" /proc/self/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT

mkdir -p "$dir/rootfs/bin" "$dir/rootfs/etc" "$dir/rootfs/proc" "$dir/rootfs/sys" "$dir/rootfs/dev" "$dir/rootfs/tmp"
cp /bin/busybox "$dir/rootfs/bin/busybox"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$dir/rootfs/bin/$a"; done
tar -C "$dir/rootfs" -cf "$dir/rootfs.tar" .
"${P[@]}" import "$dir/rootfs.tar" localhost/pwbench:latest >/dev/null
"${P[@]}" system service --time=0 "unix://$dir/api.sock" >/dev/null 2>&1 &
svc=$!
for _ in $(seq 100); do [ -S "$dir/api.sock" ] && break; sleep 0.1; done

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

printf "| containers | source | interval | build | agent CPU-s/min | Podman CPU-s/min | agent+Podman | agent RSS MiB |\n|---|---|---|---|---|---|---|---|\n"
running=0
for n in $COUNTS; do
    while [ "$running" -lt "$n" ]; do
        "${P[@]}" run -d --name "b$running" localhost/pwbench:latest sleep 100000 >/dev/null
        running=$((running + 1))
    done
    for src in $SOURCES; do
        for iv in $INTERVALS; do
          for JAR in $JARS; do
            build=$(basename "$JAR" .jar)
            port=$((19000 + RANDOM % 1000))
            cat > "$dir/agent.yaml" <<YAML
http:
  listen: 127.0.0.1:$port
state-dir: $dir/state
event-log: $dir/events.jsonl
podman:
  socket: unix://$dir/api.sock
  interval: $iv
  stats-source: $src
host:
  interval: $iv
audit:
  enabled: false
YAML
            PODWATCH_JAR="$JAR" packaging/podwatch run --config "$dir/agent.yaml" 2>"$dir/agent.log" &
            agent=$!
            sleep "$WARMUP"
            a0=$(cpu_ticks $agent); p0=$(cpu_ticks $svc)
            sleep "$WINDOW"
            a1=$(cpu_ticks $agent); p1=$(cpu_ticks $svc)
            rss=$(rss_mib $agent)
            awk -v n="$n" -v s="$src" -v i="$iv" -v b="$build" -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v t="$TCK" -v w="$WINDOW" -v r="$rss" \
                'BEGIN { ac=a/t*60/w; pc=p/t*60/w; printf "| %d | %s | %s | %s | %.2f | %.2f | %.2f | %s |\n", n, s, i, b, ac, pc, ac+pc, r }'
            last_agent=$agent
            if [ "$n" = "$(echo $COUNTS | awk '{print $NF}')" ] && [ "$src" = "$(echo $SOURCES | awk '{print $1}')" ] && [ "$iv" = "$(echo $INTERVALS | awk '{print $1}')" ]; then
                # scrape latency and CPU per scrape on the largest set
                s0=$(cpu_ticks $agent)
                for _ in $(seq 500); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/metrics"; done > "$dir/lat.txt"
                s1=$(cpu_ticks $agent)
                lines=$(curl -s "http://127.0.0.1:$port/metrics" | grep -vc '^#')
                sort -n "$dir/lat.txt" | awk -v b="$build" -v c=$((s1 - s0)) -v t="$TCK" -v l="$lines" '{v[NR]=$1} END {
                    printf "\nscrape at this size (%s): %d series, p50 %.2f ms, p99 %.2f ms, agent CPU %.2f ms per scrape (500 scrapes, idle collection included)\n\n",
                    b, l, v[int(NR*0.5)]*1000, v[int(NR*0.99)]*1000, c/t*1000/NR }'
                curl -s "http://127.0.0.1:$port/metrics" | promtool check metrics 2>&1 | sed 's/^/promtool: /' | sort | uniq -c | sort -rn | head -20 || true
                echo
            fi
            kill "$agent"; wait "$agent" 2>/dev/null || true
          done
        done
    done
done
