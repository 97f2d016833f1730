package io.podwatch.agent.sink.alertmanager;

import io.podwatch.agent.sink.Delivery;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.Limits;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.ReceiverKeys;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Alertmanagers, fed through {@code /api/v2/alerts}. */
public final class AlertmanagerFactory implements ReceiverFactory<List<AlertmanagerFactory.Target>> {
    /** One validated list element. */
    public record Target(URI url, Duration refresh, Duration alertTimeout, Duration connectTimeout,
                         Duration readTimeout, Limits limits) {
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public List<Setting<?>> keys() {
        return AlertmanagerKeys.all();
    }

    @Override
    public List<Target> config(Config config, HostEnv env) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Config> items = config.get(AlertmanagerKeys.ALERTMANAGERS);
        for (int i = 0; i < items.size(); i++) {
            Config a = items.get(i);
            if (a.get(AlertmanagerKeys.URL) == null) {
                errors.add(new ConfigError("<config>", 0, "alerts.alertmanager[" + i + "].url", "",
                        "a value: an http:// or https:// URL"));
                continue;
            }
            targets.add(new Target(a.get(AlertmanagerKeys.URL), a.get(AlertmanagerKeys.REFRESH),
                    a.get(AlertmanagerKeys.ALERT_TIMEOUT), a.get(ReceiverKeys.CONNECT), a.get(ReceiverKeys.READ),
                    Limits.backoffOnly(a, "")));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return targets;
    }

    @Override
    public List<Delivery> create(List<Target> config, SinkContext context) {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < config.size(); i++) {
            Target t = config.get(i);
            HttpPoster http = new HttpPoster(t.connectTimeout(), t.readTimeout(), context.clock());
            AlertmanagerSink sink = new AlertmanagerSink("alertmanager-" + i, t.url(), t.alertTimeout(), http,
                    context.externalLabels(), context.clock());
            // Alertmanager does its own grouping and rate limiting: feed it unthrottled, refreshed
            out.add(t.limits().deliver(sink, Duration.ZERO, t.refresh()));
        }
        return out;
    }
}
