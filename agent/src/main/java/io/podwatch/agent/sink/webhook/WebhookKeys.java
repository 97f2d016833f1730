package io.podwatch.agent.sink.webhook;

import io.podwatch.agent.sink.ReceiverKeys;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.net.URI;
import java.util.List;

/**
 * The {@code alerts.webhooks[]} keys. The bearer token and extra headers are marked secret so
 * {@code config show} and config errors redact them; the HMAC secret is only ever named by file.
 */
public final class WebhookKeys {
    public static final Setting<URI> URL = Setting.of("url", ReceiverKeys.HTTP_URL, null, "Receiver URL (required).");
    public static final Setting<List<String>> HEADERS = Setting.of("headers", ValueTypes.stringList(), List.<String>of(),
            "Extra request headers as 'Name: value'.").asSecret();
    public static final Setting<String> BEARER = Setting.of("bearer-token", ValueTypes.string(), null,
            "Bearer token sent as Authorization header.").asSecret();
    public static final Setting<String> BEARER_FILE = Setting.of("bearer-token-file", ValueTypes.string(), null,
            "File holding the bearer token (read when sending).");
    public static final Setting<String> HMAC_FILE = Setting.of("hmac-secret-file", ValueTypes.string(), null,
            "File holding the secret for the X-Podwatch-Signature HMAC-SHA256 body signature.");
    static final List<Setting<?>> ITEM = List.of(URL, HEADERS, BEARER, BEARER_FILE, HMAC_FILE,
            ReceiverKeys.CONNECT, ReceiverKeys.READ, ReceiverKeys.rateLimit(""), ReceiverKeys.burst(""),
            ReceiverKeys.backoffInitial(""), ReceiverKeys.backoffMax(""));
    public static final Setting<List<Config>> WEBHOOKS = Setting.of("alerts.webhooks",
            ValueTypes.objects("webhooks", ITEM), List.<Config>of(), "Webhook receivers (Alertmanager webhook v4 JSON).");

    private WebhookKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(WEBHOOKS);
    }
}
