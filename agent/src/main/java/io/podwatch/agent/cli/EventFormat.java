package io.podwatch.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.core.text.Printable;
import io.podwatch.core.text.Redact;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One event-log line as a person reads it: time, level, kind, action, container, message — coloured
 * by severity when writing to a terminal — or the JSON line unchanged with {@code --json}. An alert
 * line names what fired: its labels (check, container, …) follow the message. Every field is
 * untrusted (container and file names are chosen by whoever creates them), so control characters
 * are escaped and one event is always one line; URLs lose their credentials.
 */
record EventFormat(boolean json, boolean colour) {
    private static final String RESET = "\u001b[0m";
    /** As {@code podman ps} shows ids: a 64-hex id would push every column out of line. */
    static final int SHORT_ID = 12;
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("alertname", "severity", "host", "container");

    String render(JsonNode n, String raw) {
        if (json) {
            return raw;
        }
        JsonNode ev = n.path("event");
        String level = n.path("log").path("level").asText("info");
        String text = String.format("%-24s %-8s %-6s %-28s %-20s %s", clean(n.path("@timestamp").asText()), clean(level),
                clean(ev.path("kind").asText()), clean(ev.path("action").asText()), container(n), message(n));
        if (!colour) {
            return text;
        }
        String c = switch (ev.path("severity").asInt(1)) {
            case 5 -> "\u001b[1;31m";
            case 4 -> "\u001b[31m";
            case 3 -> "\u001b[33m";
            case 2 -> "\u001b[36m";
            default -> "";
        };
        return c.isEmpty() ? text : c + text + RESET;
    }

    private static String container(JsonNode n) {
        JsonNode c = n.path("container");
        String name = c.path("name").asText("");
        if (name.isEmpty()) {
            name = n.path("labels").path("container").asText("");
        }
        if (name.isEmpty()) {
            String id = c.path("id").asText("");
            name = id.length() > SHORT_ID ? id.substring(0, SHORT_ID) : id;
        }
        return name.isEmpty() ? "-" : clean(name);
    }

    private static String message(JsonNode n) {
        StringBuilder sb = new StringBuilder(clean(n.path("message").asText()));
        JsonNode labels = n.path("labels");
        if (labels.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> l = it.next();
                if (!SHOWN_ELSEWHERE.contains(l.getKey()) && !sb.toString().contains(l.getValue().asText())) {
                    sb.append(' ').append(clean(l.getKey())).append('=').append(clean(l.getValue().asText()));
                }
            }
        }
        return sb.toString();
    }

    private static String clean(String s) {
        return Printable.escape(Redact.urls(s));
    }
}
