# as %systemd_post: the distribution's preset decides whether a new install is enabled
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -eq 1 ]; then
        systemctl --no-reload preset podwatch.service >/dev/null 2>&1 || :
    fi
fi
exit 0
