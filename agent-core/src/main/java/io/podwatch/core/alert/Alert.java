package io.podwatch.core.alert;

import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Severity;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named condition that holds now, as raised by a detector or rule. The alert's identity is its
 * name plus labels (see {@link #fingerprint()}); annotations carry the observed values and may
 * change between evaluations without making it a new alert.
 *
 * @param container the container concerned, or null for host-level alerts
 */
public record Alert(String name, Severity severity, Map<String, String> labels,
                    Map<String, String> annotations, ContainerRef container) {
    public Alert {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** Stable identity of the condition: FNV-1a 64 over the name and the sorted labels, as hex. */
    public String fingerprint() {
        return fingerprint(name, labels);
    }

    public static String fingerprint(String name, Map<String, String> labels) {
        long h = 0xcbf29ce484222325L;
        StringBuilder sb = new StringBuilder(name);
        new TreeMap<>(labels).forEach((k, v) -> sb.append('\u0000').append(k).append('=').append(v));
        for (int i = 0; i < sb.length(); i++) {
            h ^= sb.charAt(i);
            h *= 0x100000001b3L;
        }
        return String.format("%016x", h);
    }
}
