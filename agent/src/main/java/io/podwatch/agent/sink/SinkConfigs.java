package io.podwatch.agent.sink;

import io.podwatch.core.collect.Backoff;
import io.podwatch.agent.sink.email.EmailConfig;
import io.podwatch.agent.sink.webhook.WebhookConfig;
import io.podwatch.core.alert.NotificationQueue;
import io.podwatch.core.alert.Route;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Turns the validated {@code alerts:} settings into sink configs, adding errors for what is missing or contradictory. */
final class SinkConfigs {
    private SinkConfigs() {
    }

    static ConfigError missing(String key, String expected) {
        return new ConfigError("<config>", 0, key, "", "a value: " + expected);
    }

    static WebhookConfig webhook(Config h, String key, List<ConfigError> errors) {
        if (h.get(AlertSinkSettings.HOOK_URL) == null) {
            errors.add(missing(key + ".url", "an http:// or https:// URL"));
            return null;
        }
        String token = h.get(AlertSinkSettings.HOOK_BEARER);
        String tokenFile = h.get(AlertSinkSettings.HOOK_BEARER_FILE);
        if (token != null && tokenFile != null) {
            errors.add(new ConfigError("<config>", 0, key + ".bearer-token-file", tokenFile, "either bearer-token or bearer-token-file, not both"));
        }
        SecretFile bearer = tokenFile != null ? SecretFile.file(Path.of(tokenFile))
                : token != null ? SecretFile.value(token) : null;
        String hmac = h.get(AlertSinkSettings.HOOK_HMAC_FILE);
        return new WebhookConfig(h.get(AlertSinkSettings.HOOK_URL), Alerting.headers(h.get(AlertSinkSettings.HOOK_HEADERS),
                key + ".headers", errors), bearer, hmac == null ? null : SecretFile.file(Path.of(hmac)));
    }

    static EmailConfig email(Config c, Map<String, String> env, List<ConfigError> errors) {
        String smtp = c.get(AlertSinkSettings.SMTP);
        if (smtp == null) {
            return null;
        }
        if (c.get(AlertSinkSettings.TO).isEmpty()) {
            errors.add(missing("alerts.email.to", "at least one recipient"));
        }
        boolean tls = c.get(AlertSinkSettings.TLS);
        String security = tls ? "tls" : c.get(AlertSinkSettings.STARTTLS) ? "starttls" : "none";
        String user = c.get(AlertSinkSettings.USERNAME);
        String pwFile = c.get(AlertSinkSettings.PASSWORD_FILE);
        String pwEnv = c.get(AlertSinkSettings.PASSWORD_ENV);
        SecretFile password = pwFile != null ? SecretFile.file(Path.of(pwFile)) : pwEnv != null ? SecretFile.env(pwEnv, env) : null;
        if (!user.isEmpty() && password == null) {
            errors.add(missing("alerts.email.password-file", "password-file or password-env when username is set"));
        }
        if (security.equals("none") && password != null) {
            errors.add(new ConfigError("<config>", 0, "alerts.email.starttls", "false",
                    "true (or alerts.email.tls: true): a password is never sent in clear text"));
        }
        int colon = smtp.lastIndexOf(':');
        String host = smtp.substring(0, colon).replace("[", "").replace("]", "");
        return new EmailConfig(host, Integer.parseInt(smtp.substring(colon + 1)), security, user, password,
                c.get(AlertSinkSettings.FROM), c.get(AlertSinkSettings.TO), c.get(AlertSinkSettings.SUBJECT_PREFIX),
                c.get(AlertSinkSettings.MAIL_TIMEOUT), c.get(AlertSinkSettings.SSL_TRUST));
    }

    static Backoff backoff(Config c, String prefix) {
        return new Backoff(c.get(AlertSinkSettings.backoffInitial(prefix)), c.get(AlertSinkSettings.backoffMax(prefix)));
    }

    static Route route(NotificationQueue q, Config c, String prefix, Duration digest, Duration refresh) {
        return new Route(q, c.get(AlertSinkSettings.rateLimit(prefix)), c.get(AlertSinkSettings.burst(prefix)), digest, refresh);
    }
}
