package io.podwatch.agent.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's JSON shapes: the webhook payload (version 4) that webhook receivers already
 * understand, and the {@code POST /api/v2/alerts} body. Labels get {@code alertname},
 * {@code severity} and the configured external labels (e.g. {@code host}) as Prometheus adds them.
 */
public final class AlertmanagerJson {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Go's zero time, which Alertmanager writes for "no end". */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private AlertmanagerJson() {
    }

    public static Map<String, String> labels(AlertState s, Map<String, String> external) {
        Map<String, String> l = new TreeMap<>(external);
        l.putAll(s.alert().labels());
        l.put("alertname", s.alert().name());
        l.put("severity", s.alert().severity().label());
        if (s.flapping()) {
            l.put("flapping", "true");
        }
        return l;
    }

    /** The webhook v4 body; {@code idempotencyKey} repeats the header so body-only receivers can dedup. */
    public static byte[] webhook(Notification n, String receiver, Map<String, String> external) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", "4").put("groupKey", n.groupKey()).put("truncatedAlerts", 0)
                .put("status", n.status().label()).put("receiver", receiver).put("externalURL", "")
                .put("idempotencyKey", n.id());
        o.set("groupLabels", JSON.valueToTree(new TreeMap<>(n.groupLabels())));
        Map<String, String> common = null;
        Map<String, String> commonAnn = null;
        ArrayNode arr = o.putArray("alerts");
        for (AlertState s : n.alerts()) {
            Map<String, String> labels = labels(s, external);
            common = intersect(common, labels);
            commonAnn = intersect(commonAnn, s.alert().annotations());
            ObjectNode a = arr.addObject();
            a.put("status", s.status().label());
            a.set("labels", JSON.valueToTree(labels));
            a.set("annotations", JSON.valueToTree(new TreeMap<>(s.alert().annotations())));
            a.put("startsAt", s.startsAt().toString()).put("endsAt", s.endsAt() == null ? ZERO_TIME : s.endsAt().toString())
                    .put("generatorURL", "").put("fingerprint", s.fingerprint());
        }
        o.set("commonLabels", JSON.valueToTree(common == null ? Map.of() : common));
        o.set("commonAnnotations", JSON.valueToTree(commonAnn == null ? Map.of() : commonAnn));
        return bytes(o);
    }

    /** The v2 API body; firing alerts end at {@code firingEndsAt} unless re-posted, as Prometheus does. */
    public static byte[] postableAlerts(Notification n, Map<String, String> external, Instant firingEndsAt) {
        ArrayNode arr = JSON.createArrayNode();
        for (AlertState s : n.alerts()) {
            ObjectNode a = arr.addObject();
            a.set("labels", JSON.valueToTree(labels(s, external)));
            a.set("annotations", JSON.valueToTree(new TreeMap<>(s.alert().annotations())));
            a.put("startsAt", s.startsAt().toString());
            a.put("endsAt", (s.endsAt() == null ? firingEndsAt : s.endsAt()).toString());
            a.put("generatorURL", "");
        }
        return bytes(arr);
    }

    private static Map<String, String> intersect(Map<String, String> acc, Map<String, String> m) {
        if (acc == null) {
            return new TreeMap<>(m);
        }
        acc.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
        return acc;
    }

    private static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode", e);
        }
    }
}
