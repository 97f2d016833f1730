#!/bin/sh
# Installs a built podwatch onto this host: jar + launcher + config + service (systemd or OpenRC).
# Run from the repository root after `mvn -B -q -DskipTests package`, as root.
set -eu
install -D -m 0644 agent/target/podwatch.jar /usr/share/podwatch/podwatch.jar
install -D -m 0755 packaging/podwatch /usr/share/podwatch/podwatch
ln -sf /usr/share/podwatch/podwatch /usr/bin/podwatch
[ -f /etc/podwatch/podwatch.yaml ] || install -D -m 0640 packaging/podwatch.yaml /etc/podwatch/podwatch.yaml
install -d -m 0750 /var/lib/podwatch /var/log/podwatch
if [ -d /run/systemd/system ]; then
    install -D -m 0644 systemd/podwatch.service /etc/systemd/system/podwatch.service
    systemctl daemon-reload
    echo "installed; start with: systemctl enable --now podwatch"
elif command -v openrc-run >/dev/null 2>&1; then
    install -D -m 0755 openrc/podwatch /etc/init.d/podwatch
    echo "installed; start with: rc-update add podwatch default && rc-service podwatch start"
else
    echo "installed; no systemd or OpenRC found: run 'podwatch run --config /etc/podwatch/podwatch.yaml'"
fi
