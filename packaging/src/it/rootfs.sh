#!/bin/sh
# Builds (once) and prints the path of a Debian bookworm rootfs tarball for the service ITs:
#   rootfs.sh systemd|openrc CACHE_DIR
# The tarball is cached as CACHE_DIR/<kind>-<hash of this script>.tar, so a changed recipe builds a
# new one and an unchanged one costs nothing. Both kinds start from one debootstrap --variant=minbase
# base (itself cached). No JRE goes in: the ITs bind-mount the host's /usr/lib/jvm read-only, which
# saves ~268 MB and ~3.5 min per cold build; /usr/bin/java points into that mount.
set -eu
kind=$1
cache=$2
case "$kind" in systemd|openrc) ;; *) echo "usage: rootfs.sh systemd|openrc CACHE_DIR" >&2; exit 2 ;; esac
hash=$(sha256sum "$0" | cut -c1-12)
out="$cache/$kind-$hash.tar"
if [ -s "$out" ]; then echo "$out"; exit 0; fi
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ -s "$out" ]; then echo "$out"; exit 0; fi

# The Debian mirror this machine already uses (the network reaches only it): the first bookworm
# entry of /etc/apt/sources.list or of a deb822 file in /etc/apt/sources.list.d/.
mirror() {
    { cat /etc/apt/sources.list 2>/dev/null || true; } | awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' | grep . && return 0
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'BEGIN { RS = ""; FS = "\n" }
             { uri = ""; ok = 0
               for (i = 1; i <= NF; i++) {
                 if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
                 if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) ok = 1 }
               if (ok && uri != "") { print uri; exit } }' "$f" | grep . && return 0
    done
    for f in /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' "$f" | grep . && return 0
    done
    echo "rootfs.sh: no bookworm mirror in /etc/apt/sources.list{,.d}" >&2
    return 1
}

work=$(mktemp -d /var/tmp/podwatch-rootfs.XXXXXX)
cleanup() {
    for m in proc dev/pts dev sys; do umount -l "$work/root/$m" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

base="$cache/base-$hash.tar"
if [ ! -s "$base" ]; then
    url=$(mirror)
    debootstrap --variant=minbase --include=procps,curl,logrotate,iproute2 bookworm "$work/root" "$url" >"$work/debootstrap.log" 2>&1 \
        || { tail -30 "$work/debootstrap.log" >&2; exit 1; }
    # the same mirror for apt inside, and no recommends: the variants stay small
    echo "deb $url bookworm main" >"$work/root/etc/apt/sources.list"
    printf 'APT::Install-Recommends "false";\n' >"$work/root/etc/apt/apt.conf.d/90podwatch-it"
    tar -C "$work/root" -cf "$base.part" . && mv "$base.part" "$base"
    rm -rf "$work/root"
fi

mkdir "$work/root"
tar -C "$work/root" -xf "$base"
r="$work/root"
# no daemon may start inside the chroot while packages are installed
printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
chmod 0755 "$r/usr/sbin/policy-rc.d"
mount -t proc proc "$r/proc"
if [ "$kind" = systemd ]; then
    pkgs="systemd systemd-sysv"
else
    # debootstrap --include=openrc fails (sysv-rc conflict); apt resolves it inside the chroot
    pkgs="sysvinit-core openrc"
fi
chroot "$r" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs && apt-get clean" >"$work/apt.log" 2>&1 \
    || { tail -30 "$work/apt.log" >&2; exit 1; }
umount "$r/proc"
rm -f "$r/usr/sbin/policy-rc.d"
rm -rf "$r/var/lib/apt/lists/"*
# Java comes from the host's /usr/lib/jvm, bind-mounted read-only by the ITs
ln -sf /usr/lib/jvm/java-17-openjdk-amd64/bin/java "$r/usr/bin/java"
if [ "$kind" = systemd ]; then
    # a container boots to the default target with no console or network units to wait for
    ln -sf /lib/systemd/system/multi-user.target "$r/etc/systemd/system/default.target"
    for u in getty@tty1.service console-getty.service systemd-networkd-wait-online.service; do
        ln -sf /dev/null "$r/etc/systemd/system/$u"
    done
else
    # no consoles in a container: gettys would respawn forever
    sed -i 's/^\([0-9]*:[0-9]*:respawn:.*getty.*\)$/#\1/' "$r/etc/inittab"
    # openrc in a container: do not touch the host's clock, network or hwclock
    sed -i 's/^#\?rc_sys=.*/rc_sys="docker"/' "$r/etc/rc.conf"
fi
echo podwatch-it >"$r/etc/hostname"
tar -C "$r" -cf "$out.part" . && mv "$out.part" "$out"
echo "$out"
