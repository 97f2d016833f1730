#!/bin/sh
# Removes podwatch installed by install.sh, as root: stops and disables the service, removes the
# program, the service files and the docs. Keeps /etc/podwatch, the audit rules, /var/lib/podwatch,
# /var/log/podwatch and the user podwatch; --purge also deletes the config, audit rules, state and
# logs (the user stays: a recycled uid would own leftover files; remove it with userdel/deluser).
set -eu
purge=no
for a in "$@"; do
    case "$a" in
        --purge) purge=yes ;;
        -h|--help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "uninstall.sh: unknown option $a (use --purge)" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "uninstall.sh: run as root" >&2; exit 1; }

if [ -f /etc/systemd/system/podwatch.service ]; then
    if [ -d /run/systemd/system ]; then
        systemctl disable --now podwatch.service >/dev/null 2>&1 || true
    fi
    rm -f /etc/systemd/system/podwatch.service /etc/systemd/system/podman.socket.d/podwatch.conf
    rmdir /etc/systemd/system/podman.socket.d 2>/dev/null || true
    if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
fi
if [ -f /etc/init.d/podwatch ]; then
    if command -v rc-service >/dev/null 2>&1; then
        rc-service podwatch stop >/dev/null 2>&1 || true
        rc-update del podwatch >/dev/null 2>&1 || true
    fi
    rm -f /etc/init.d/podwatch /etc/logrotate.d/podwatch
fi
rm -f /usr/bin/podwatch
rm -rf /usr/share/podwatch /usr/share/doc/podwatch
if [ "$purge" = yes ]; then
    rm -rf /etc/podwatch /var/lib/podwatch /var/log/podwatch
    rm -f /etc/conf.d/podwatch /etc/audit/rules.d/podwatch.rules
    echo "uninstall.sh: podwatch purged (the user podwatch is kept)"
else
    echo "uninstall.sh: podwatch removed; kept /etc/podwatch, /var/lib/podwatch, /var/log/podwatch (--purge deletes them)"
fi
