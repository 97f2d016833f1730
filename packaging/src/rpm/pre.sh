# the system user, before the files it owns are laid down
getent group podwatch >/dev/null || groupadd --system podwatch
getent passwd podwatch >/dev/null || useradd --system --gid podwatch --home-dir /var/lib/podwatch \
    --no-create-home --shell /sbin/nologin --comment "podwatch agent" podwatch
exit 0
