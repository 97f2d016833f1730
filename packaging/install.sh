#!/bin/sh
# Installs podwatch from this unpacked tarball (podwatch-VERSION.tar.gz), as root: the system user
# podwatch, /usr/bin/podwatch, the jar, /etc/podwatch/podwatch.yaml (kept when it exists), the audit
# rules, and the service for the init system found: systemd, else OpenRC (Alpine, Alpaquita, Gentoo).
# The service is enabled and (re)started; --no-start only installs. Run it again to upgrade.
# Needs a Java 17+ runtime as `java` on PATH. Undo with /usr/share/podwatch/uninstall.sh [--purge].
set -eu
src=$(dirname "$(readlink -f "$0")")
start=yes
for a in "$@"; do
    case "$a" in
        --no-start) start=no ;;
        -h|--help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $a (use --no-start)" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root" >&2; exit 1; }
[ -f "$src/podwatch.jar" ] || { echo "install.sh: $src/podwatch.jar missing: run from the unpacked tarball" >&2; exit 1; }
command -v java >/dev/null 2>&1 || echo "install.sh: warning: no java on PATH; podwatch needs a Java 17+ runtime" >&2

if [ -d /run/systemd/system ]; then
    init=systemd
elif command -v openrc-run >/dev/null 2>&1; then
    init=openrc
else
    init=none
fi

# the system user; Alpine's busybox has adduser/addgroup instead of useradd
if ! getent passwd podwatch >/dev/null 2>&1; then
    if command -v useradd >/dev/null 2>&1; then
        useradd --system --user-group --home-dir /var/lib/podwatch --no-create-home \
            --shell /usr/sbin/nologin --comment "podwatch agent" podwatch
    else
        addgroup -S podwatch
        adduser -S -D -H -h /var/lib/podwatch -s /sbin/nologin -G podwatch -g "podwatch agent" podwatch
    fi
fi
# Debian's auditd writes its log 0640 root:adm
if getent group adm >/dev/null 2>&1 && ! id -nG podwatch | tr ' ' '\n' | grep -qx adm; then
    if command -v usermod >/dev/null 2>&1; then usermod -a -G adm podwatch; else addgroup podwatch adm; fi
fi

install -D -m 0644 "$src/podwatch.jar" /usr/share/podwatch/podwatch.jar
install -D -m 0755 "$src/podwatch" /usr/bin/podwatch
install -D -m 0755 "$src/uninstall.sh" /usr/share/podwatch/uninstall.sh
install -D -m 0644 "$src/VERSION" /usr/share/podwatch/VERSION
install -d -m 0755 /usr/share/doc/podwatch
cp -R "$src/doc/." /usr/share/doc/podwatch/
install -d -m 0750 -g podwatch /etc/podwatch
# an edited config is the operator's: never overwritten. As dpkg does for a conffile, a changed
# default lands beside it as podwatch.yaml.new, only when the default itself changed.
if [ -f /etc/podwatch/podwatch.yaml ]; then
    if ! cmp -s "$src/podwatch.yaml" /usr/share/podwatch/podwatch.yaml.default \
        && ! cmp -s "$src/podwatch.yaml" /etc/podwatch/podwatch.yaml; then
        install -m 0640 -g podwatch "$src/podwatch.yaml" /etc/podwatch/podwatch.yaml.new
        echo "install.sh: the default config changed: see /etc/podwatch/podwatch.yaml.new"
    fi
else
    install -m 0640 -g podwatch "$src/podwatch.yaml" /etc/podwatch/podwatch.yaml
fi
install -m 0644 "$src/podwatch.yaml" /usr/share/podwatch/podwatch.yaml.default
if [ -d /etc/audit/rules.d ] && [ ! -f /etc/audit/rules.d/podwatch.rules ]; then
    install -m 0640 "$src/audit/podwatch.rules" /etc/audit/rules.d/podwatch.rules
    echo "install.sh: audit rules in /etc/audit/rules.d/podwatch.rules; load them with: augenrules --load"
fi
install -d -m 0750 -o podwatch -g podwatch /var/lib/podwatch /var/log/podwatch

case "$init" in
systemd)
    install -D -m 0644 "$src/systemd/podwatch.service" /etc/systemd/system/podwatch.service
    install -D -m 0644 "$src/systemd/podman.socket.d/podwatch.conf" /etc/systemd/system/podman.socket.d/podwatch.conf
    systemctl daemon-reload
    systemctl enable podwatch.service >/dev/null 2>&1
    if [ "$start" = yes ]; then
        # restart: an upgrade replaces the jar under a running agent
        systemctl restart podwatch.service
        echo "install.sh: podwatch $(cat "$src/VERSION") running (systemctl status podwatch)"
    else
        echo "install.sh: installed; start with: systemctl start podwatch"
    fi
    ;;
openrc)
    install -D -m 0755 "$src/openrc/podwatch" /etc/init.d/podwatch
    [ -f /etc/conf.d/podwatch ] || install -D -m 0644 "$src/openrc/podwatch.confd" /etc/conf.d/podwatch
    install -D -m 0644 "$src/logrotate/podwatch" /etc/logrotate.d/podwatch
    rc-update add podwatch default >/dev/null
    if [ "$start" = yes ]; then
        if rc-service podwatch status >/dev/null 2>&1; then rc-service podwatch restart; else rc-service podwatch start; fi
        echo "install.sh: podwatch $(cat "$src/VERSION") running (rc-service podwatch status)"
    else
        echo "install.sh: installed; start with: rc-service podwatch start"
    fi
    ;;
none)
    echo "install.sh: no systemd or OpenRC here; run: podwatch run --config /etc/podwatch/podwatch.yaml"
    ;;
esac
