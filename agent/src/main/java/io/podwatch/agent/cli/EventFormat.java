package io.podwatch.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event-log line as a person reads it: time, level, kind, action, container, message — coloured
 * by severity when writing to a terminal — or the JSON line unchanged with {@code --json}.
 */
record EventFormat(boolean json, boolean colour) {
    private static final String RESET = "\u001b[0m";

    String render(JsonNode n, String raw) {
        if (json) {
            return raw;
        }
        JsonNode ev = n.path("event");
        String level = n.path("log").path("level").asText("info");
        String container = n.path("container").path("name").asText(n.path("container").path("id").asText("-"));
        if (container.isEmpty()) {
            container = "-";
        }
        String text = String.format("%-24s %-8s %-6s %-28s %-20s %s", n.path("@timestamp").asText(), level,
                ev.path("kind").asText(), ev.path("action").asText(), container, n.path("message").asText());
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
}
