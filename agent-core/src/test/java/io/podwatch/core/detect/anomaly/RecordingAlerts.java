package io.podwatch.core.detect.anomaly;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records what a detector fires and resolves, as transitions, like the pipeline's dedup would see them. */
final class RecordingAlerts implements Alerts {
    final List<String> log = new ArrayList<>();
    final Map<String, Alert> firing = new LinkedHashMap<>();

    @Override
    public void fire(Alert a) {
        if (firing.put(key(a.name(), a.labels()), a) == null) {
            log.add("fire " + key(a.name(), a.labels()));
        }
    }

    @Override
    public void resolve(String name, Map<String, String> labels) {
        if (firing.remove(key(name, labels)) != null) {
            log.add("resolve " + key(name, labels));
        }
    }

    boolean isFiring(String name, String container) {
        return firing.values().stream().anyMatch(a -> a.name().equals(name) && a.labels().get("container").equals(container));
    }

    static String key(String name, Map<String, String> labels) {
        return name + " " + labels.getOrDefault("container", "") + " " + labels.getOrDefault("signal", "");
    }
}
