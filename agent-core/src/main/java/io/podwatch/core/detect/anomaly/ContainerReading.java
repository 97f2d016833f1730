package io.podwatch.core.detect.anomaly;

import io.podwatch.core.model.ContainerRef;

/**
 * One container's signals at one collection: values indexed by {@link Signal#ordinal()}, NaN where
 * not (yet) known — a rate needs two readings. Limits are NaN when unset.
 */
public record ContainerReading(ContainerRef container, long epochMillis, double[] values, double memoryLimit,
                               double pidsLimit, double cfsPeriods, double cfsThrottled) {
    public double value(Signal s) {
        return values[s.ordinal()];
    }
}
