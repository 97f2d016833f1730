package io.podwatch.agent.sink.email;

import io.podwatch.agent.sink.Delivery;
import io.podwatch.agent.sink.Limits;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.SecretFile;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.HostPort;
import io.podwatch.core.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** E-mail through an SMTP relay: one mail per alert group, or a digest. */
public final class EmailFactory implements ReceiverFactory<Optional<EmailFactory.Mail>> {
    /** The validated section. */
    public record Mail(EmailConfig target, Duration digest, Limits limits) {
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public List<Setting<?>> keys() {
        return EmailKeys.all();
    }

    @Override
    public Optional<Mail> config(Config c, HostEnv env) throws ConfigException {
        HostPort smtp = c.get(EmailKeys.SMTP);
        if (smtp == null) {
            return Optional.empty();
        }
        List<ConfigError> errors = new ArrayList<>();
        if (c.get(EmailKeys.TO).isEmpty()) {
            errors.add(missing("alerts.email.to", "at least one recipient"));
        }
        String security = c.get(EmailKeys.TLS) ? "tls" : c.get(EmailKeys.STARTTLS) ? "starttls" : "none";
        String user = c.get(EmailKeys.USERNAME);
        String pwFile = c.get(EmailKeys.PASSWORD_FILE);
        String pwEnv = c.get(EmailKeys.PASSWORD_ENV);
        SecretFile password = pwFile != null ? SecretFile.file(Path.of(pwFile))
                : pwEnv != null ? SecretFile.env(pwEnv, env.env()) : null;
        if (!user.isEmpty() && password == null) {
            errors.add(missing("alerts.email.password-file", "password-file or password-env when username is set"));
        }
        if (security.equals("none") && password != null) {
            errors.add(new ConfigError("<config>", 0, "alerts.email.starttls", "false",
                    "true (or alerts.email.tls: true): a password is never sent in clear text"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        EmailConfig target = new EmailConfig(smtp.host(), smtp.port(), security, user,
                password, c.get(EmailKeys.FROM), c.get(EmailKeys.TO), c.get(EmailKeys.SUBJECT_PREFIX),
                c.get(EmailKeys.TIMEOUT), c.get(EmailKeys.SSL_TRUST));
        return Optional.of(new Mail(target, c.get(EmailKeys.DIGEST), Limits.from(c, EmailKeys.PREFIX)));
    }

    private static ConfigError missing(String key, String expected) {
        return new ConfigError("<config>", 0, key, "", "a value: " + expected);
    }

    @Override
    public List<Delivery> create(Optional<Mail> config, SinkContext context) {
        return config.map(m -> List.of(m.limits().deliver(new EmailSink("email", m.target(), context.externalLabels()), m.digest(), Duration.ZERO)))
                .orElse(List.of());
    }
}
