package io.podwatch.agent.sink.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.text.Redact;
import java.util.List;
import java.util.Map;

/**
 * One event as one line of Elastic Common Schema JSON, so Filebeat/Vector ship it unchanged.
 * Dotted field names become nested objects ({@code user.audit.id} → {@code {"user":{"audit":{"id":..}}}});
 * when a name is both a value and a parent, the later one keeps its dotted name at that level,
 * which ECS tooling accepts too. The one ECS encoder: the event log and {@code audit parse --format json}
 * both write through it. {@code event.severity} is ECS's numeric field (larger is worse); the word
 * goes to {@code log.level}.
 */
public final class EcsJson {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String ECS_VERSION = "8.11.0";

    private EcsJson() {
    }

    /** ECS {@code event.severity}: a number, larger is worse. */
    public static int severityNumber(Severity s) {
        return s.ordinal() + 1;
    }

    /** The syslog-style word written as {@code log.level}. */
    public static String level(Severity s) {
        return switch (s) {
            case INFO -> "info";
            case LOW -> "notice";
            case MEDIUM -> "warning";
            case HIGH -> "error";
            case CRITICAL -> "critical";
        };
    }

    public static String line(Event e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@timestamp", e.time().toString());
        put(o, "ecs.version", ECS_VERSION);
        put(o, "event.kind", e.kind().ecs());
        if (!e.category().isEmpty()) {
            put(o, "event.category", e.category());
        }
        put(o, "event.action", e.action());
        put(o, "event.severity", severityNumber(e.severity()));
        if (!e.source().isEmpty()) {
            put(o, "event.provider", e.source());
        }
        put(o, "log.level", level(e.severity()));
        // URLs in messages (a receiver named in a delivery failure) lose user-info and query: tokens live there
        o.put("message", Redact.urls(e.message()));
        ContainerRef c = e.container();
        if (c != null) {
            put(o, "container.id", c.id());
            if (!c.name().isEmpty()) {
                put(o, "container.name", c.name());
            }
            if (!c.image().isEmpty()) {
                put(o, "container.image.name", c.image());
            }
            if (!c.pod().isEmpty()) {
                put(o, "podwatch.pod.name", c.pod());
            }
        }
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            put(o, f.getKey(), f.getValue());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event not encodable: " + e.action(), ex);
        }
    }

    private static void put(ObjectNode root, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null) {
                node = node.putObject(parts[i]);
            } else if (child instanceof ObjectNode obj) {
                node = obj;
            } else {
                node.set(String.join(".", List.of(parts).subList(i, parts.length)), JSON.valueToTree(value));
                return;
            }
        }
        String last = parts[parts.length - 1];
        if (node.get(last) instanceof ObjectNode) {
            return;
        }
        node.set(last, JSON.valueToTree(value));
    }
}
