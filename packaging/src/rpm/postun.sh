# as %systemd_postun_with_restart: an upgrade restarts a running agent
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart podwatch.service >/dev/null 2>&1 || :
    fi
fi
exit 0
