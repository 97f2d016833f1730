package io.podwatch.collectors.podman.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tolerant reads of libpod JSON: a field may be missing, null, or (across Podman 4.x and 5.x) an
 * empty array in one version and null in the other; numbers may arrive as strings.
 */
public final class Json {
    private Json() {
    }

    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    public static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n == null ? "" : n.isValueNode() ? n.asText() : "";
    }

    public static long number(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n == null) {
            return 0;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static boolean bool(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        return n != null && (n.isBoolean() ? n.asBoolean() : "true".equalsIgnoreCase(n.asText()));
    }

    public static List<String> strings(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else if (n != null && n.isTextual() && !n.asText().isEmpty()) {
            out.add(n.asText());
        }
        return out;
    }

    public static List<JsonNode> array(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(out::add);
        }
        return out;
    }

    public static Map<String, String> stringMap(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** The CLI prints inspect results as an array of one; the API returns the object. */
    public static JsonNode single(JsonNode node) {
        return node != null && node.isArray() && node.size() > 0 ? node.get(0) : node;
    }
}
