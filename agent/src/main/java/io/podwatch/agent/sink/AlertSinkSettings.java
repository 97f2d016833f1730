package io.podwatch.agent.sink;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueType;
import io.podwatch.core.config.ValueTypes;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The sinks under {@code alerts:}: {@code webhooks[]}, {@code alertmanager[]}, {@code email} and the
 * outbox bounds. Secret values (bearer token, extra headers) are marked so {@code config show}
 * and config errors redact them; passwords and HMAC secrets are only ever named by file or variable.
 */
public final class AlertSinkSettings {
    static final ValueType<URI> HTTP_URL = ValueTypes.scalar("an http:// or https:// URL", s -> {
        URI u = URI.create(s);
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
            throw new IllegalArgumentException();
        }
        return u;
    }, URI::toString);
    static final ValueType<Duration> TIMEOUT = ValueTypes.duration(Duration.ofMillis(100), Duration.ofMinutes(5));
    static final ValueType<Duration> BACKOFF = ValueTypes.duration(Duration.ofMillis(10), Duration.ofHours(1));

    // shared per-sink keys (relative to the list element or the email section)
    static Setting<Double> rateLimit(String prefix) {
        return Setting.of(prefix + "rate-limit", ValueTypes.decimal(0, 100_000), 0.0,
                "Notifications per minute to this sink on average; 0 = unlimited. Excess is deferred and merged, and counted.");
    }

    static Setting<Integer> burst(String prefix) {
        return Setting.of(prefix + "burst", ValueTypes.integer(1, 100_000), 10, "Notifications sent at once before rate-limit applies.");
    }

    static Setting<Duration> backoffInitial(String prefix) {
        return Setting.of(prefix + "backoff-initial", BACKOFF, Duration.ofSeconds(1), "First retry delay; doubles per failure, with jitter.");
    }

    static Setting<Duration> backoffMax(String prefix) {
        return Setting.of(prefix + "backoff-max", BACKOFF, Duration.ofMinutes(5), "Cap of the retry delay (a receiver's Retry-After is honoured up to 10m).");
    }

    public static final Setting<URI> HOOK_URL = Setting.of("url", HTTP_URL, null, "Receiver URL (required).");
    public static final Setting<List<String>> HOOK_HEADERS = Setting.of("headers", ValueTypes.stringList(), List.<String>of(),
            "Extra request headers as 'Name: value'.").asSecret();
    public static final Setting<String> HOOK_BEARER = Setting.of("bearer-token", ValueTypes.string(), null,
            "Bearer token sent as Authorization header.").asSecret();
    public static final Setting<String> HOOK_BEARER_FILE = Setting.of("bearer-token-file", ValueTypes.string(), null,
            "File holding the bearer token (read when sending).");
    public static final Setting<String> HOOK_HMAC_FILE = Setting.of("hmac-secret-file", ValueTypes.string(), null,
            "File holding the secret for the X-Podwatch-Signature HMAC-SHA256 body signature.");
    public static final Setting<Duration> HOOK_CONNECT = Setting.of("connect-timeout", TIMEOUT, Duration.ofSeconds(5), "TCP/TLS connect timeout.");
    public static final Setting<Duration> HOOK_READ = Setting.of("read-timeout", TIMEOUT, Duration.ofSeconds(10), "Time allowed for the response.");
    static final List<Setting<?>> HOOK_ITEM = List.of(HOOK_URL, HOOK_HEADERS, HOOK_BEARER, HOOK_BEARER_FILE, HOOK_HMAC_FILE,
            HOOK_CONNECT, HOOK_READ, rateLimit(""), burst(""), backoffInitial(""), backoffMax(""));
    public static final Setting<List<Config>> WEBHOOKS = Setting.of("alerts.webhooks", ValueTypes.objects("webhooks", HOOK_ITEM),
            List.<Config>of(), "Webhook receivers (Alertmanager webhook v4 JSON).");

    public static final Setting<URI> AM_URL = Setting.of("url", HTTP_URL, null, "Alertmanager base URL, e.g. http://am:9093 (required).");
    public static final Setting<Duration> AM_REFRESH = Setting.of("refresh", ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            Duration.ofMinutes(1), "How often firing alerts are re-posted.");
    public static final Setting<Duration> AM_ALERT_TIMEOUT = Setting.of("alert-timeout", ValueTypes.duration(Duration.ofSeconds(5), Duration.ofDays(1)),
            Duration.ofMinutes(4), "endsAt given to firing alerts; keep it several refreshes long.");
    static final List<Setting<?>> AM_ITEM = List.of(AM_URL, AM_REFRESH, AM_ALERT_TIMEOUT, HOOK_CONNECT, HOOK_READ,
            backoffInitial(""), backoffMax(""));
    public static final Setting<List<Config>> ALERTMANAGERS = Setting.of("alerts.alertmanager", ValueTypes.objects("alertmanagers", AM_ITEM),
            List.<Config>of(), "Alertmanagers receiving alerts through /api/v2/alerts.");

    public static final Setting<String> SMTP = Setting.of("alerts.email.smtp", ValueTypes.hostPort(), null, "SMTP relay host:port; unset = no e-mail.");
    public static final Setting<Boolean> STARTTLS = Setting.of("alerts.email.starttls", ValueTypes.bool(), true, "Require STARTTLS (port 587).");
    public static final Setting<Boolean> TLS = Setting.of("alerts.email.tls", ValueTypes.bool(), false, "Implicit TLS (port 465) instead of STARTTLS.");
    public static final Setting<String> SSL_TRUST = Setting.of("alerts.email.ssl-trust", ValueTypes.string(), "",
            "Hosts whose certificate is trusted without validation (private relay); empty = validate.");
    public static final Setting<String> USERNAME = Setting.of("alerts.email.username", ValueTypes.string(), "", "SMTP user; empty = no authentication.");
    public static final Setting<String> PASSWORD_FILE = Setting.of("alerts.email.password-file", ValueTypes.string(), null, "File holding the SMTP password.");
    public static final Setting<String> PASSWORD_ENV = Setting.of("alerts.email.password-env", ValueTypes.string(), null,
            "Environment variable holding the SMTP password (when no password-file).");
    public static final Setting<String> FROM = Setting.of("alerts.email.from", ValueTypes.string(), "podwatch@localhost", "Sender address.");
    public static final Setting<List<String>> TO = Setting.of("alerts.email.to", ValueTypes.stringList(), List.<String>of(), "Recipients.");
    public static final Setting<String> SUBJECT_PREFIX = Setting.of("alerts.email.subject-prefix", ValueTypes.string(), "[podwatch]", "Subject prefix.");
    public static final Setting<Duration> DIGEST = Setting.of("alerts.email.digest", ValueTypes.duration(Duration.ZERO, Duration.ofDays(1)),
            Duration.ZERO, "When set, everything within this window goes out as one mail; 0 = one mail per alert group.");
    public static final Setting<Duration> MAIL_TIMEOUT = Setting.of("alerts.email.timeout", TIMEOUT, Duration.ofSeconds(20), "SMTP connect/read/write timeout.");
    static final List<Setting<?>> EMAIL = List.of(SMTP, STARTTLS, TLS, SSL_TRUST, USERNAME, PASSWORD_FILE, PASSWORD_ENV, FROM, TO,
            SUBJECT_PREFIX, DIGEST, MAIL_TIMEOUT, rateLimit("alerts.email."), burst("alerts.email."),
            backoffInitial("alerts.email."), backoffMax("alerts.email."));

    public static final Setting<Integer> OUTBOX_ENTRIES = Setting.of("alerts.outbox.max-entries", ValueTypes.integer(10, 10_000_000), 10_000,
            "Notifications kept per sink while undelivered; the oldest are dropped (counted, logged) beyond.");
    public static final Setting<Long> OUTBOX_BYTES = Setting.of("alerts.outbox.max-size", ValueTypes.bytes(64 * 1024, 1L << 40), 64L << 20,
            "Bytes kept per sink while undelivered.");
    public static final Setting<Duration> OUTBOX_AGE = Setting.of("alerts.outbox.max-age", ValueTypes.duration(Duration.ofMinutes(1), Duration.ofDays(365)),
            Duration.ofDays(7), "Undelivered notifications older than this are dropped.");

    private AlertSinkSettings() {
    }

    public static List<Setting<?>> all() {
        List<Setting<?>> l = new java.util.ArrayList<>(List.of(WEBHOOKS, ALERTMANAGERS));
        l.addAll(EMAIL);
        l.addAll(List.of(OUTBOX_ENTRIES, OUTBOX_BYTES, OUTBOX_AGE));
        return List.copyOf(l);
    }
}
