package io.podwatch.core.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * How a setting's YAML value is read, checked, shown and documented. Implementations are
 * immutable; see {@link ValueTypes} for the built-in ones.
 */
public interface ValueType<T> {
    /** What a valid value looks like, for error messages and docs, e.g. "a duration such as 5s". */
    String expected();

    /**
     * Reads a value, adding an error (and returning null) when it is not valid.
     *
     * @param key the full dotted key, for messages
     */
    T read(Node node, String key, ConfigReader reader);

    /** Renders a value as YAML for {@code config show}; secrets are redacted by the caller. */
    Object show(T value);

    /** Settings nested inside each element, for object lists; empty otherwise. */
    default List<Setting<?>> nested() {
        return List.of();
    }
}
