package io.podwatch.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A discrete fact. {@code fields} uses Elastic Common Schema dotted names ({@code user.audit.id},
 * {@code process.args}, {@code file.path}, ...) so the event log writes them as nested ECS objects
 * without per-source mapping code. Values are strings, numbers, booleans or lists of those; insertion
 * order is kept for readable log lines.
 *
 * @param action ECS {@code event.action}, e.g. {@code container-died}
 * @param category ECS {@code event.category}, e.g. {@code process}, {@code file}, {@code host}
 * @param source the component that produced it, e.g. {@code podman}, {@code audit}
 * @param container the container it concerns, or null for host-level events
 */
public record Event(Instant time, EventKind kind, String action, String category, Severity severity,
                    String source, ContainerRef container, String message, Map<String, Object> fields) {
    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(severity, "severity");
        category = category == null ? "" : category;
        source = source == null ? "" : source;
        message = message == null ? "" : message;
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<ContainerRef> containerRef() {
        return Optional.ofNullable(container);
    }
}
