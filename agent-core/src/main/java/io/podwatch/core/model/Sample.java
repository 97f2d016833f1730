package io.podwatch.core.model;

import java.util.List;

/** One numeric observation of a metric family; label values follow {@link MetricDef#labelNames()}. */
public record Sample(MetricDef metric, List<String> labelValues, double value) {
    public Sample {
        if (labelValues.size() != metric.labelNames().size()) {
            throw new IllegalArgumentException(metric.name() + " takes labels " + metric.labelNames()
                    + ", got " + labelValues.size() + " values");
        }
    }

    /** Value of the named label, or "" when the family has no such label. */
    public String label(String name) {
        int i = metric.labelNames().indexOf(name);
        return i < 0 ? "" : labelValues.get(i);
    }
}
