package io.podwatch.agent.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.AlertStatus;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Severity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outbox's storage format of a {@link Notification}: plain JSON, readable with {@code jq} when debugging. */
public final class NotificationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationJson() {
    }

    public static byte[] encode(Notification n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", n.id()).put("sink", n.sink()).put("groupKey", n.groupKey()).put("createdAt", n.createdAt().toString());
        o.set("groupLabels", JSON.valueToTree(n.groupLabels()));
        var arr = o.putArray("alerts");
        for (AlertState s : n.alerts()) {
            ObjectNode a = arr.addObject();
            a.put("name", s.alert().name()).put("severity", s.alert().severity().label())
                    .put("status", s.status().label()).put("startsAt", s.startsAt().toString())
                    .put("flapping", s.flapping());
            if (s.endsAt() != null) {
                a.put("endsAt", s.endsAt().toString());
            }
            a.set("labels", JSON.valueToTree(s.alert().labels()));
            a.set("annotations", JSON.valueToTree(s.alert().annotations()));
            ContainerRef c = s.alert().container();
            if (c != null) {
                a.putObject("container").put("id", c.id()).put("name", c.name()).put("image", c.image()).put("pod", c.pod());
            }
        }
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode notification " + n.id(), e);
        }
    }

    public static Notification decode(byte[] bytes) throws IOException {
        JsonNode o = JSON.readTree(bytes);
        List<AlertState> alerts = new ArrayList<>();
        for (JsonNode a : o.path("alerts")) {
            JsonNode c = a.get("container");
            ContainerRef ref = c == null ? null : new ContainerRef(c.path("id").asText(), c.path("name").asText(),
                    c.path("image").asText(), c.path("pod").asText());
            Alert alert = new Alert(a.path("name").asText(), Severity.parse(a.path("severity").asText()),
                    map(a.path("labels")), map(a.path("annotations")), ref);
            alerts.add(new AlertState(alert, AlertStatus.valueOf(a.path("status").asText().toUpperCase(java.util.Locale.ROOT)),
                    Instant.parse(a.path("startsAt").asText()),
                    a.hasNonNull("endsAt") ? Instant.parse(a.get("endsAt").asText()) : null, a.path("flapping").asBoolean()));
        }
        return new Notification(o.path("id").asText(), o.path("sink").asText(), o.path("groupKey").asText(),
                map(o.path("groupLabels")), alerts, Instant.parse(o.path("createdAt").asText()));
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
