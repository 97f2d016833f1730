package io.podwatch.agent.sink.alertmanager;

import io.podwatch.agent.sink.ReceiverKeys;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The {@code alerts.alertmanager[]} keys. */
public final class AlertmanagerKeys {
    public static final Setting<URI> URL = Setting.of("url", ReceiverKeys.HTTP_URL, null,
            "Alertmanager base URL, e.g. http://am:9093 (required).");
    public static final Setting<Duration> REFRESH = Setting.of("refresh", ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofMinutes(1), "How often firing alerts are re-posted.");
    public static final Setting<Duration> ALERT_TIMEOUT = Setting.of("alert-timeout",
            ValueTypes.duration(Duration.ofSeconds(5), Duration.ofDays(1)), Duration.ofMinutes(4),
            "endsAt given to firing alerts; keep it several refreshes long.");
    static final List<Setting<?>> ITEM = List.of(URL, REFRESH, ALERT_TIMEOUT, ReceiverKeys.CONNECT, ReceiverKeys.READ,
            ReceiverKeys.backoffInitial(""), ReceiverKeys.backoffMax(""));
    public static final Setting<List<Config>> ALERTMANAGERS = Setting.of("alerts.alertmanager",
            ValueTypes.objects("alertmanagers", ITEM), List.<Config>of(), "Alertmanagers receiving alerts through /api/v2/alerts.");

    private AlertmanagerKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(ALERTMANAGERS);
    }
}
