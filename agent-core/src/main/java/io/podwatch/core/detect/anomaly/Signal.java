package io.podwatch.core.detect.anomaly;

import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.core.model.MetricDef;
import java.util.Locale;

/**
 * The per-container signals watched for anomalies, each read from one cAdvisor-named metric
 * family of {@link ContainerMetrics} (every engine's stats collector exports them). Counters become per-second rates; network counters are summed
 * over interfaces.
 */
public enum Signal {
    // Minimum deltas: 9-60x the idle movement measured on real containers (docs/anomaly-detection.md),
    // well below any change an operator would want to hear about.
    CPU(ContainerMetrics.CPU, true, "ContainerCpuAnomaly", "cores", 0.05),
    MEMORY(ContainerMetrics.MEMORY_WORKING_SET, false, "ContainerMemoryAnomaly", "bytes", 16 << 20),
    BLOCK_READ(ContainerMetrics.FS_READS, true, "ContainerBlockIoAnomaly", "bytes/s", 64 << 10),
    BLOCK_WRITE(ContainerMetrics.FS_WRITES, true, "ContainerBlockIoAnomaly", "bytes/s", 64 << 10),
    NET_RX(ContainerMetrics.NET_RX_BYTES, true, "ContainerNetworkAnomaly", "bytes/s", 64 << 10),
    NET_TX(ContainerMetrics.NET_TX_BYTES, true, "ContainerNetworkAnomaly", "bytes/s", 64 << 10),
    PIDS(ContainerMetrics.PROCESSES, false, "ContainerPidsAnomaly", "tasks", 5);

    private final MetricDef metric;
    private final boolean counter;
    private final String alertName;
    private final String unit;
    private final double minDelta;

    Signal(MetricDef metric, boolean counter, String alertName, String unit, double minDelta) {
        this.metric = metric;
        this.counter = counter;
        this.alertName = alertName;
        this.unit = unit;
        this.minDelta = minDelta;
    }

    /** Default smallest change from the baseline, in {@link #unit()}, that may alert. */
    public double defaultMinDelta() {
        return minDelta;
    }

    /** The metric family the signal is read from. */
    public MetricDef metric() {
        return metric;
    }

    /** True when the family is a counter and the signal its rate. */
    public boolean counter() {
        return counter;
    }

    public String alertName() {
        return alertName;
    }

    public String unit() {
        return unit;
    }

    /** Name in config and labels: {@code cpu}, {@code memory}, {@code block_read}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Signal parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
