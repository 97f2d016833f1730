package io.podwatch.core.config;

import io.podwatch.core.text.Redact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated configuration: every declared key with its value, defaults filled in. Immutable.
 * Nested object lists (e.g. {@code alerts.webhooks}) are lists of {@code Config} themselves.
 */
public final class Config {
    private final List<Setting<?>> settings;
    private final Map<String, Object> values;
    private final Map<String, Boolean> explicit;

    Config(List<Setting<?>> settings, Map<String, Object> values, Map<String, Boolean> explicit) {
        this.settings = List.copyOf(settings);
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.explicit = Map.copyOf(explicit);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting.key())) {
            throw new IllegalArgumentException("setting " + setting.key() + " is not part of this configuration");
        }
        return (T) values.get(setting.key());
    }

    /** True when the file set the key, false when the value is the default. */
    public boolean isSet(Setting<?> setting) {
        return explicit.getOrDefault(setting.key(), false);
    }

    /**
     * The effective configuration as nested maps for YAML output, secrets redacted — and the
     * user-info and query of every URL, where receivers' tokens hide.
     */
    public Map<String, Object> toShow() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Setting<?> s : settings) {
            Object v = values.get(s.key());
            Object shown = v == null ? null : s.secret() ? "<redacted>" : showUnchecked(s, v);
            put(root, s.key(), shown);
        }
        return root;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object showUnchecked(Setting s, Object v) {
        Object shown = s.type().show(v);
        return shown instanceof String text ? Redact.urls(text) : shown;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        m.put(parts[parts.length - 1], value);
    }

    /** Rendering helper for object lists. */
    static List<Object> showAll(List<Config> configs) {
        List<Object> out = new ArrayList<>();
        configs.forEach(c -> out.add(c.toShow()));
        return out;
    }
}
