package io.podwatch.agent.sink.webhook;

import io.podwatch.agent.sink.AlertmanagerJson;
import io.podwatch.agent.sink.DeliveryException;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.agent.sink.SecretFile;
import io.podwatch.core.alert.Notification;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs Alertmanager webhook v4 JSON. Headers: {@code Idempotency-Key} (the notification id, also
 * in the body), optional {@code Authorization: Bearer}, and with an HMAC secret
 * {@code X-Podwatch-Signature: sha256=<hex of HMAC-SHA256(secret, body)>} (GitHub's scheme).
 */
public final class WebhookSink implements NotificationSink {
    public static final String SIGNATURE_HEADER = "X-Podwatch-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final String name;
    private final WebhookConfig config;
    private final HttpPoster http;
    private final Map<String, String> externalLabels;

    public WebhookSink(String name, WebhookConfig config, HttpPoster http, Map<String, String> externalLabels) {
        this.name = name;
        this.config = config;
        this.http = http;
        this.externalLabels = Map.copyOf(externalLabels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        byte[] body = AlertmanagerJson.webhook(n, "podwatch", externalLabels);
        Map<String, String> headers = new LinkedHashMap<>(config.headers());
        headers.put(IDEMPOTENCY_HEADER, n.id());
        if (config.bearerToken() != null) {
            headers.put("Authorization", "Bearer " + config.bearerToken().string());
        }
        if (config.hmacSecret() != null) {
            headers.put(SIGNATURE_HEADER, "sha256=" + hmac(config.hmacSecret().bytes(), body));
        }
        http.post(config.url(), body, headers);
    }

    public static String hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
