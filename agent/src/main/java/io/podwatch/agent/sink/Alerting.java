package io.podwatch.agent.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.agent.sink.alertmanager.AlertmanagerSink;
import io.podwatch.agent.sink.email.EmailConfig;
import io.podwatch.agent.sink.email.EmailSink;
import io.podwatch.agent.sink.eventlog.EventLog;
import io.podwatch.agent.sink.eventlog.EventLogSettings;
import io.podwatch.agent.sink.webhook.WebhookConfig;
import io.podwatch.agent.sink.webhook.WebhookSink;
import io.podwatch.core.alert.AlertPipeline;
import io.podwatch.core.alert.AlertPipelineSettings;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.alert.Route;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the alerting half of the agent from config: the event log, one {@link Dispatcher} per sink
 * and the {@link AlertPipeline} routing to them. No I/O here; {@link #managed()} lists what the
 * lifecycle starts, in order (event log first so dispatchers can report to it).
 */
public final class Alerting {
    private final EventLog eventLog;
    private final AlertPipeline pipeline;
    private final List<Dispatcher> dispatchers;

    private Alerting(EventLog eventLog, AlertPipeline pipeline, List<Dispatcher> dispatchers) {
        this.eventLog = eventLog;
        this.pipeline = pipeline;
        this.dispatchers = List.copyOf(dispatchers);
    }

    /**
     * @param externalLabels added to every alert sent out, e.g. {@code host=<hostname>}
     * @param inhibitions e.g. the {@code ContainerRestartLoop} detector
     * @param env the process environment, for {@code alerts.email.password-env}
     * @param files where the event log and the outboxes report write failures, for {@code /healthz}
     */
    public static Alerting create(Config c, Path stateDir, Path eventLogPath, Map<String, String> externalLabels,
                                  Inhibitions inhibitions, Clock clock, MeterRegistry meters, Map<String, String> env,
                                  FileHealth files)
            throws ConfigException {
        EventLog log = new EventLog(EventLogSettings.from(c, eventLogPath), clock, meters, files);
        OutboxLimits limits = new OutboxLimits(c.get(AlertSinkSettings.OUTBOX_ENTRIES), c.get(AlertSinkSettings.OUTBOX_BYTES),
                c.get(AlertSinkSettings.OUTBOX_AGE));
        List<ConfigError> errors = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<Dispatcher> dispatchers = new ArrayList<>();
        Path outboxes = stateDir.resolve("outbox");
        List<Config> hooks = c.get(AlertSinkSettings.WEBHOOKS);
        for (int i = 0; i < hooks.size(); i++) {
            Config h = hooks.get(i);
            String key = "alerts.webhooks[" + i + "]";
            WebhookConfig wc = SinkConfigs.webhook(h, key, errors);
            if (wc == null) {
                continue;
            }
            HttpPoster http = new HttpPoster(h.get(AlertSinkSettings.HOOK_CONNECT), h.get(AlertSinkSettings.HOOK_READ), clock);
            Dispatcher d = new Dispatcher(new WebhookSink("webhook-" + i, wc, http, externalLabels), outboxes.resolve("webhook-" + i),
                    limits, SinkConfigs.backoff(h, ""), log, clock, meters, files);
            dispatchers.add(d);
            routes.add(SinkConfigs.route(d, h, "", Duration.ZERO, Duration.ZERO));
        }
        List<Config> ams = c.get(AlertSinkSettings.ALERTMANAGERS);
        for (int i = 0; i < ams.size(); i++) {
            Config a = ams.get(i);
            if (a.get(AlertSinkSettings.AM_URL) == null) {
                errors.add(SinkConfigs.missing("alerts.alertmanager[" + i + "].url", "an http:// or https:// URL"));
                continue;
            }
            HttpPoster http = new HttpPoster(a.get(AlertSinkSettings.HOOK_CONNECT), a.get(AlertSinkSettings.HOOK_READ), clock);
            AlertmanagerSink sink = new AlertmanagerSink("alertmanager-" + i, a.get(AlertSinkSettings.AM_URL),
                    a.get(AlertSinkSettings.AM_ALERT_TIMEOUT), http, externalLabels, clock);
            Dispatcher d = new Dispatcher(sink, outboxes.resolve(sink.name()), limits, SinkConfigs.backoff(a, ""), log, clock,
                    meters, files);
            dispatchers.add(d);
            // Alertmanager does its own grouping and rate limiting: feed it unthrottled, refreshed
            routes.add(new Route(d, 0, 1, Duration.ZERO, a.get(AlertSinkSettings.AM_REFRESH)));
        }
        EmailConfig mail = SinkConfigs.email(c, env, errors);
        if (mail != null) {
            Dispatcher d = new Dispatcher(new EmailSink("email", mail), outboxes.resolve("email"), limits,
                    SinkConfigs.backoff(c, "alerts.email."), log, clock, meters, files);
            dispatchers.add(d);
            routes.add(SinkConfigs.route(d, c, "alerts.email.", c.get(AlertSinkSettings.DIGEST), Duration.ZERO));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        AlertPipeline pipeline = new AlertPipeline(AlertPipelineSettings.from(c), routes, inhibitions, log, clock, meters);
        return new Alerting(log, pipeline, dispatchers);
    }

    /** Pass to {@code ProcessingStage} as its event sink. */
    public EventLog eventLog() {
        return eventLog;
    }

    /** Pass to {@code ProcessingStage} as its {@code Alerts}, and append to its detectors (for the tick). */
    public AlertPipeline pipeline() {
        return pipeline;
    }

    public List<Dispatcher> dispatchers() {
        return dispatchers;
    }

    /** Start order: event log, then the dispatchers. Add these before the processing stage. */
    public List<Managed> managed() {
        List<Managed> m = new ArrayList<>();
        m.add(eventLog);
        m.addAll(dispatchers);
        return m;
    }

    static Map<String, String> headers(List<String> lines, String key, List<ConfigError> errors) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                errors.add(new ConfigError("<config>", 0, key, "<redacted>", "headers written as 'Name: value'"));
            } else {
                m.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
            }
        }
        return m;
    }
}
