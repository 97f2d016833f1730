package io.podwatch.agent.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The immutable rows the status API serves; built on the processing thread, read by the HTTP thread. */
public final class Rows {
    private Rows() {
    }

    /** A container as the list shows it; a number is NaN where not known yet (first collection). */
    public record Container(String id, String name, String image, String pod, String engine, String state,
                            double cpuCores, double memoryBytes, double memoryLimitBytes, double receiveBytesPerSecond,
                            double transmitBytesPerSecond, double restarts, Map<String, Double> anomaly,
                            double postureScore, List<String> failingChecks, Instant seen) {
    }

    /** A posture finding that holds now; {@code container} empty for host-level findings. */
    public record Finding(String check, String title, String severity, String status, String containerId,
                          String subject, String evidence, String remediation, String reference, Instant since) {
    }

    /** An event as the log would show it, without its fields (bounded size). */
    public record Event(long seq, Instant time, String kind, String severity, String source, String action,
                        String containerId, String container, String message) {
    }

    /** An alert's latest state; {@code count} is how often an inhibited alert was raised and masked. */
    public record Alert(String fingerprint, String name, String severity, String status, Map<String, String> labels,
                        String summary, String containerId, String container, Instant startsAt, Instant endsAt,
                        boolean flapping, long count) {
    }

    /** Everything but the events and histories, published once a second when something changed. */
    public record Snapshot(Instant at, List<Container> containers, List<Finding> findings, List<Alert> firing,
                           List<Alert> resolved, List<Alert> inhibited, Map<String, Double> audit,
                           List<String> engines) {
        public static final Snapshot EMPTY = new Snapshot(Instant.EPOCH, List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), List.of());
    }
}
