package io.podwatch.collectors.host;

import io.podwatch.core.model.MetricDef;
import java.util.List;

/** Host metric families, named as node_exporter names them so existing dashboards work. */
public final class HostMetrics {
    public static final MetricDef CPU_SECONDS = MetricDef.counter("node_cpu_seconds_total", "seconds",
            "Seconds the CPUs spent in each mode.", "cpu", "mode");
    public static final MetricDef MEM_TOTAL = MetricDef.gauge("node_memory_MemTotal_bytes", "bytes",
            "Memory information field MemTotal_bytes.");
    public static final MetricDef MEM_AVAILABLE = MetricDef.gauge("node_memory_MemAvailable_bytes", "bytes",
            "Memory information field MemAvailable_bytes.");
    public static final MetricDef SWAP_TOTAL = MetricDef.gauge("node_memory_SwapTotal_bytes", "bytes",
            "Memory information field SwapTotal_bytes.");
    public static final MetricDef SWAP_FREE = MetricDef.gauge("node_memory_SwapFree_bytes", "bytes",
            "Memory information field SwapFree_bytes.");
    public static final MetricDef FS_AVAIL = MetricDef.gauge("node_filesystem_avail_bytes", "bytes",
            "Filesystem space available to non-root users in bytes.", "device", "fstype", "mountpoint");
    public static final MetricDef FS_FREE = MetricDef.gauge("node_filesystem_free_bytes", "bytes",
            "Filesystem free space in bytes.", "device", "fstype", "mountpoint");
    public static final MetricDef FS_SIZE = MetricDef.gauge("node_filesystem_size_bytes", "bytes",
            "Filesystem size in bytes.", "device", "fstype", "mountpoint");
    public static final MetricDef NET_RX_BYTES = MetricDef.counter("node_network_receive_bytes_total", "bytes",
            "Network device statistic receive_bytes.", "device");
    public static final MetricDef NET_TX_BYTES = MetricDef.counter("node_network_transmit_bytes_total", "bytes",
            "Network device statistic transmit_bytes.", "device");
    public static final MetricDef NET_RX_PACKETS = MetricDef.counter("node_network_receive_packets_total", "packets",
            "Network device statistic receive_packets.", "device");
    public static final MetricDef NET_TX_PACKETS = MetricDef.counter("node_network_transmit_packets_total", "packets",
            "Network device statistic transmit_packets.", "device");
    public static final MetricDef NET_RX_ERRS = MetricDef.counter("node_network_receive_errs_total", "errors",
            "Network device statistic receive_errs.", "device");
    public static final MetricDef NET_TX_ERRS = MetricDef.counter("node_network_transmit_errs_total", "errors",
            "Network device statistic transmit_errs.", "device");
    public static final MetricDef NET_RX_DROP = MetricDef.counter("node_network_receive_drop_total", "packets",
            "Network device statistic receive_drop.", "device");
    public static final MetricDef LOAD1 = MetricDef.gauge("node_load1", "", "1m load average.");
    public static final MetricDef LOAD5 = MetricDef.gauge("node_load5", "", "5m load average.");
    public static final MetricDef LOAD15 = MetricDef.gauge("node_load15", "", "15m load average.");
    public static final MetricDef BOOT_TIME = MetricDef.gauge("node_boot_time_seconds", "seconds",
            "Node boot time, in unixtime.");

    private HostMetrics() {
    }

    public static List<MetricDef> all() {
        return java.util.stream.Stream.concat(List.of(CPU_SECONDS, MEM_TOTAL, MEM_AVAILABLE, SWAP_TOTAL, SWAP_FREE, FS_AVAIL, FS_FREE, FS_SIZE,
                NET_RX_BYTES, NET_TX_BYTES, NET_RX_PACKETS, NET_TX_PACKETS, NET_RX_ERRS, NET_TX_ERRS, NET_RX_DROP,
                LOAD1, LOAD5, LOAD15, BOOT_TIME).stream(), ProcFacts.all().stream()).toList();
    }
}
