package io.podwatch.core.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Declares one metric family: name, type, unit and label names. Collectors declare their families
 * as constants and list them, so {@code docs/metrics.md} is generated from the same declarations.
 * Counter names carry their {@code _total} suffix, as scraped.
 */
public record MetricDef(String name, MetricType type, String unit, String help, List<String> labelNames) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    public MetricDef {
        Objects.requireNonNull(help, "help");
        unit = unit == null ? "" : unit;
        labelNames = List.copyOf(labelNames);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid metric name " + name);
        }
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("counter " + name + " must end in _total");
        }
    }

    public static MetricDef counter(String name, String unit, String help, String... labels) {
        return new MetricDef(name, MetricType.COUNTER, unit, help, List.of(labels));
    }

    public static MetricDef gauge(String name, String unit, String help, String... labels) {
        return new MetricDef(name, MetricType.GAUGE, unit, help, List.of(labels));
    }

    /** A sample of this family; label values in the order of {@link #labelNames()}. */
    public Sample sample(double value, String... labelValues) {
        return new Sample(this, List.of(labelValues), value);
    }
}
