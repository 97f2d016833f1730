package io.podwatch.agent.sink.email;

import io.podwatch.agent.sink.SecretFile;
import java.time.Duration;
import java.util.List;

/**
 * {@code alerts.email}, validated.
 *
 * @param security {@code starttls} (required), {@code tls} (implicit, port 465) or {@code none}
 * @param password null without authentication
 * @param sslTrust hosts whose certificate is trusted without PKIX validation (a private relay); empty = validate
 */
public record EmailConfig(String host, int port, String security, String username, SecretFile password,
                          String from, List<String> to, String subjectPrefix, Duration timeout, String sslTrust) {
    public EmailConfig {
        to = List.copyOf(to);
    }
}
