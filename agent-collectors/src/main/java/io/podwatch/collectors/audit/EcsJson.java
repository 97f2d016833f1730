package io.podwatch.collectors.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.core.model.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an event as one JSON line with ECS dotted names turned into nested objects. Thread-safe. */
final class EcsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EcsJson() {
    }

    static String line(Event e) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@timestamp", e.time().toString());
        put(root, "event.kind", e.kind().ecs());
        put(root, "event.action", e.action());
        put(root, "event.category", e.category());
        put(root, "event.severity", e.severity().label());
        e.fields().forEach((k, v) -> put(root, k, v));
        put(root, "message", e.message());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event not serialisable: " + ex.getMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> root, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = m.get(parts[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                m.put(parts[i], child);
            }
            m = (Map<String, Object>) child;
        }
        m.put(parts[parts.length - 1], value);
    }
}
