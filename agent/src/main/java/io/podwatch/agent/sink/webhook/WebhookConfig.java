package io.podwatch.agent.sink.webhook;

import io.podwatch.agent.sink.SecretFile;
import java.net.URI;
import java.util.Map;

/**
 * One {@code alerts.webhooks[]} entry, validated.
 *
 * @param bearerToken null when not configured
 * @param hmacSecret null when not configured
 */
public record WebhookConfig(URI url, Map<String, String> headers, SecretFile bearerToken, SecretFile hmacSecret) {
    public WebhookConfig {
        headers = Map.copyOf(headers);
    }
}
