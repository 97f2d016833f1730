package io.podwatch.agent.sink.email;

import io.podwatch.agent.sink.ReceiverKeys;
import io.podwatch.core.config.HostPort;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** The {@code alerts.email} keys. The password is only ever named by file or variable. */
public final class EmailKeys {
    static final String PREFIX = "alerts.email.";
    public static final Setting<HostPort> SMTP = Setting.of("alerts.email.smtp", ValueTypes.hostPort(), null, "SMTP relay host:port; unset = no e-mail.");
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
    public static final Setting<Duration> TIMEOUT = Setting.of("alerts.email.timeout", ReceiverKeys.TIMEOUT, Duration.ofSeconds(20), "SMTP connect/read/write timeout.");

    private EmailKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(SMTP, STARTTLS, TLS, SSL_TRUST, USERNAME, PASSWORD_FILE, PASSWORD_ENV, FROM, TO,
                SUBJECT_PREFIX, DIGEST, TIMEOUT, ReceiverKeys.rateLimit(PREFIX), ReceiverKeys.burst(PREFIX),
                ReceiverKeys.backoffInitial(PREFIX), ReceiverKeys.backoffMax(PREFIX));
    }
}
