package io.podwatch.agent.sink.webhook;

import io.podwatch.agent.sink.Delivery;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.Limits;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.ReceiverKeys;
import io.podwatch.agent.sink.SecretFile;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook receivers: Alertmanager's webhook v4 JSON, optionally signed, to each URL. */
public final class WebhookFactory implements ReceiverFactory<List<WebhookFactory.Hook>> {
    /** One validated list element. */
    public record Hook(WebhookConfig target, Duration connectTimeout, Duration readTimeout, Limits limits) {
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public List<Setting<?>> keys() {
        return WebhookKeys.all();
    }

    @Override
    public List<Hook> config(Config config, HostEnv env) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        List<Hook> hooks = new ArrayList<>();
        List<Config> items = config.get(WebhookKeys.WEBHOOKS);
        for (int i = 0; i < items.size(); i++) {
            Config h = items.get(i);
            String key = "alerts.webhooks[" + i + "]";
            if (h.get(WebhookKeys.URL) == null) {
                errors.add(new ConfigError("<config>", 0, key + ".url", "", "a value: an http:// or https:// URL"));
                continue;
            }
            String token = h.get(WebhookKeys.BEARER);
            String tokenFile = h.get(WebhookKeys.BEARER_FILE);
            if (token != null && tokenFile != null) {
                errors.add(new ConfigError("<config>", 0, key + ".bearer-token-file", tokenFile,
                        "either bearer-token or bearer-token-file, not both"));
            }
            SecretFile bearer = tokenFile != null ? SecretFile.file(Path.of(tokenFile))
                    : token != null ? SecretFile.value(token) : null;
            String hmac = h.get(WebhookKeys.HMAC_FILE);
            WebhookConfig target = new WebhookConfig(h.get(WebhookKeys.URL),
                    headers(h.get(WebhookKeys.HEADERS), key + ".headers", errors), bearer,
                    hmac == null ? null : SecretFile.file(Path.of(hmac)));
            hooks.add(new Hook(target, h.get(ReceiverKeys.CONNECT), h.get(ReceiverKeys.READ), Limits.from(h, "")));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return hooks;
    }

    private static Map<String, String> headers(List<String> lines, String key, List<ConfigError> errors) {
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

    @Override
    public List<Delivery> create(List<Hook> config, SinkContext context) {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < config.size(); i++) {
            Hook h = config.get(i);
            HttpPoster http = new HttpPoster(h.connectTimeout(), h.readTimeout(), context.clock());
            out.add(h.limits().deliver(new WebhookSink("webhook-" + i, h.target(), http, context.externalLabels()),
                    Duration.ZERO, Duration.ZERO));
        }
        return out;
    }
}
