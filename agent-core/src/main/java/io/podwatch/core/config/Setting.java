package io.podwatch.core.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * A declared config key. Components declare their settings as constants beside their config
 * record; the declarations drive parsing, validation, {@code config show} and
 * {@code docs/configuration.md}.
 *
 * @param key dotted path, e.g. {@code podman.interval}
 * @param defaultValue computed from the host (rootful or not); may return null for "unset"
 * @param defaultDoc the default as documented, e.g. "/var/lib/podwatch (root), $XDG_STATE_HOME/podwatch"
 * @param secret never shown by {@code config show} or in errors
 */
public record Setting<T>(String key, ValueType<T> type, Function<HostEnv, T> defaultValue, String defaultDoc,
                         String doc, boolean secret) {
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
    }

    /** A setting with a fixed default. */
    public static <T> Setting<T> of(String key, ValueType<T> type, T defaultValue, String doc) {
        Object shown = defaultValue == null ? "unset" : type.show(defaultValue);
        return new Setting<>(key, type, env -> defaultValue, String.valueOf(shown), doc, false);
    }

    /** A setting whose default depends on the host. */
    public static <T> Setting<T> computed(String key, ValueType<T> type, Function<HostEnv, T> defaultValue,
                                          String defaultDoc, String doc) {
        return new Setting<>(key, type, defaultValue, defaultDoc, doc, false);
    }

    public Setting<T> asSecret() {
        return new Setting<>(key, type, defaultValue, defaultDoc, doc, true);
    }
}
