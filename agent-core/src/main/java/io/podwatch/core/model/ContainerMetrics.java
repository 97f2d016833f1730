package io.podwatch.core.model;

import java.util.List;

/**
 * Every container metric family an engine's stats collector exports (Podman today, Docker and
 * rootless Podman alike), kept in core because detectors read them: the anomaly detector matches
 * these constants, not name strings. Container families use cAdvisor's names, units
 * and labels ({@code id}, {@code name}, {@code image}; plus {@code pod}, since Podman groups
 * containers in pods, and {@code engine}/{@code owner}, since one agent watches rootful Podman,
 * every rootless user's Podman and Docker) so existing dashboards work unchanged; what cAdvisor has no name for is
 * under {@code podwatch_container_}. Restart count is a counter, never a label.
 */
public final class ContainerMetrics {
    private static final String[] L = {"id", "name", "image", "pod", "engine", "owner"};
    private static final String[] NET = {"id", "name", "image", "pod", "engine", "owner", "interface"};
    private static final String[] STATE_L = {"id", "name", "image", "pod", "engine", "owner", "state"};
    private static final String[] SOURCE_L = {"id", "name", "image", "pod", "engine", "owner", "source"};

    public static final MetricDef CPU = MetricDef.counter("container_cpu_usage_seconds_total", "seconds",
            "Cumulative cpu time consumed", L);
    public static final MetricDef CPU_USER = MetricDef.counter("container_cpu_user_seconds_total", "seconds",
            "Cumulative user cpu time consumed", L);
    public static final MetricDef CPU_SYSTEM = MetricDef.counter("container_cpu_system_seconds_total", "seconds",
            "Cumulative system cpu time consumed", L);
    public static final MetricDef CFS_PERIODS = MetricDef.counter("container_cpu_cfs_periods_total", "",
            "Number of elapsed enforcement period intervals (cgroup source)", L);
    public static final MetricDef CFS_THROTTLED_PERIODS = MetricDef.counter("container_cpu_cfs_throttled_periods_total",
            "", "Number of throttled period intervals (cgroup source)", L);
    public static final MetricDef CFS_THROTTLED_SECONDS = MetricDef.counter("container_cpu_cfs_throttled_seconds_total",
            "seconds", "Total time duration the container has been throttled (cgroup source)", L);
    public static final MetricDef MEMORY_USAGE = MetricDef.gauge("container_memory_usage_bytes", "bytes",
            "Current memory usage, including all memory regardless of when it was accessed", L);
    public static final MetricDef MEMORY_WORKING_SET = MetricDef.gauge("container_memory_working_set_bytes", "bytes",
            "Current working set: usage minus inactive file pages (API source: Podman's usage)", L);
    public static final MetricDef MEMORY_RSS = MetricDef.gauge("container_memory_rss", "bytes",
            "Size of RSS (anonymous memory) (cgroup source)", L);
    public static final MetricDef MEMORY_CACHE = MetricDef.gauge("container_memory_cache", "bytes",
            "Number of bytes of page cache memory (cgroup source)", L);
    public static final MetricDef OOM_EVENTS = MetricDef.counter("container_oom_events_total", "",
            "Count of out of memory kills the kernel counted in the container's memory cgroup, over every run"
                    + " podwatch saw, until the container is removed", L);
    public static final MetricDef SPEC_MEMORY_LIMIT = MetricDef.gauge("container_spec_memory_limit_bytes", "bytes",
            "Memory limit for the container (only when one is set)", L);
    public static final MetricDef SPEC_CPU_QUOTA = MetricDef.gauge("container_spec_cpu_quota", "",
            "CPU quota of the container in microseconds per period (only when one is set)", L);
    public static final MetricDef SPEC_CPU_PERIOD = MetricDef.gauge("container_spec_cpu_period", "",
            "CPU period of the container in microseconds (only when a quota is set)", L);
    public static final MetricDef FS_READS = MetricDef.counter("container_fs_reads_bytes_total", "bytes",
            "Cumulative count of bytes read from block devices", L);
    public static final MetricDef FS_WRITES = MetricDef.counter("container_fs_writes_bytes_total", "bytes",
            "Cumulative count of bytes written to block devices", L);
    public static final MetricDef NET_RX_BYTES = MetricDef.counter("container_network_receive_bytes_total", "bytes",
            "Cumulative count of bytes received (Podman 4 API: interface=\"all\")", NET);
    public static final MetricDef NET_TX_BYTES = MetricDef.counter("container_network_transmit_bytes_total", "bytes",
            "Cumulative count of bytes transmitted (Podman 4 API: interface=\"all\")", NET);
    public static final MetricDef NET_RX_PACKETS = MetricDef.counter("container_network_receive_packets_total", "",
            "Cumulative count of packets received", NET);
    public static final MetricDef NET_TX_PACKETS = MetricDef.counter("container_network_transmit_packets_total", "",
            "Cumulative count of packets transmitted", NET);
    public static final MetricDef NET_RX_ERRORS = MetricDef.counter("container_network_receive_errors_total", "",
            "Cumulative count of errors encountered while receiving", NET);
    public static final MetricDef NET_TX_ERRORS = MetricDef.counter("container_network_transmit_errors_total", "",
            "Cumulative count of errors encountered while transmitting", NET);
    public static final MetricDef NET_RX_DROPPED = MetricDef.counter("container_network_receive_packets_dropped_total",
            "", "Cumulative count of packets dropped while receiving", NET);
    public static final MetricDef NET_TX_DROPPED = MetricDef.counter("container_network_transmit_packets_dropped_total",
            "", "Cumulative count of packets dropped while transmitting", NET);
    public static final MetricDef PROCESSES = MetricDef.gauge("container_processes", "",
            "Number of tasks (processes and threads, cgroup pids.current) running inside the container", L);
    public static final MetricDef THREADS_MAX = MetricDef.gauge("container_threads_max", "",
            "Maximum number of tasks allowed inside the container, 0 when unlimited (cgroup source)", L);
    public static final MetricDef START_TIME = MetricDef.gauge("container_start_time_seconds", "seconds",
            "Start time of the container's current (or last) run since unix epoch", L);
    public static final MetricDef LAST_SEEN = MetricDef.gauge("container_last_seen", "seconds",
            "Last time the container's resource counters were read, since unix epoch", L);
    public static final MetricDef STATE = MetricDef.gauge("podwatch_container_state", "",
            "1 for the container's current engine state (created, running, exited, paused, ...)", STATE_L);
    public static final MetricDef STATS_SOURCE = MetricDef.gauge("podwatch_container_stats_source", "",
            "1 for where the container's resource counters come from: cgroup (its cgroup files), api (the"
                    + " engine's API) or proc (its process tree in /proc: rootless on cgroup v1, no cgroup of its own)",
            SOURCE_L);
    public static final MetricDef RESTARTS = MetricDef.counter("podwatch_container_restarts_total", "",
            "Times the engine restarted the container under its restart policy (RestartCount)", L);
    public static final MetricDef EXIT_CODE = MetricDef.gauge("podwatch_container_exit_code", "",
            "Exit code of the container's last finished run, from the engine's died event (0 while never exited)", L);

    private ContainerMetrics() {
    }

    /** Every family, in the order {@code docs/metrics.md} lists them. */
    public static List<MetricDef> all() {
        return List.of(CPU, CPU_USER, CPU_SYSTEM, CFS_PERIODS, CFS_THROTTLED_PERIODS, CFS_THROTTLED_SECONDS,
                MEMORY_USAGE, MEMORY_WORKING_SET, MEMORY_RSS, MEMORY_CACHE, OOM_EVENTS, SPEC_MEMORY_LIMIT,
                SPEC_CPU_QUOTA, SPEC_CPU_PERIOD, FS_READS, FS_WRITES, NET_RX_BYTES, NET_TX_BYTES, NET_RX_PACKETS,
                NET_TX_PACKETS, NET_RX_ERRORS, NET_TX_ERRORS, NET_RX_DROPPED, NET_TX_DROPPED, PROCESSES,
                THREADS_MAX, START_TIME, LAST_SEEN, STATE, STATS_SOURCE, RESTARTS, EXIT_CODE);
    }
}
