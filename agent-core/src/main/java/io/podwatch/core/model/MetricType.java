package io.podwatch.core.model;

/** Prometheus metric types podwatch exposes. */
public enum MetricType {
    COUNTER, GAUGE
}
