package io.podwatch.collectors.podman.stats;

import static io.podwatch.core.model.ContainerMetrics.*;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import java.time.Instant;
import java.util.List;

/**
 * Turns one container's metadata and (when running) counters into samples. Unknown values (NaN)
 * are left out rather than exported as zero, so a source that lacks a figure never claims one.
 */
public final class ContainerSamples {
    private ContainerSamples() {
    }

    /**
     * Appends the samples of one container to {@code out}; {@code stats} is null when not running;
     * {@code oomKills} is the kernel's count over the container's runs, NaN when unknown.
     */
    public static void add(List<Sample> out, ContainerInfo c, ContainerStats stats, double oomKills, Instant now) {
        String[] l = {c.id(), c.name(), c.image(), c.pod(), c.engine(), c.owner()};
        out.add(STATE.sample(1, c.id(), c.name(), c.image(), c.pod(), c.engine(), c.owner(),
                c.state().isEmpty() ? "unknown" : c.state()));
        add(out, OOM_EVENTS, oomKills, l);
        if (c.restartCount() >= 0) {
            out.add(RESTARTS.sample(c.restartCount(), l));
        }
        out.add(EXIT_CODE.sample(c.exitCode(), l));
        if (c.startedAt() != null) {
            out.add(START_TIME.sample(c.startedAt().getEpochSecond() + c.startedAt().getNano() / 1e9, l));
        }
        if (c.limits().memory() > 0) {
            out.add(SPEC_MEMORY_LIMIT.sample(c.limits().memory(), l));
        }
        if (c.limits().cpuQuota() > 0) {
            out.add(SPEC_CPU_QUOTA.sample(c.limits().cpuQuota(), l));
            out.add(SPEC_CPU_PERIOD.sample(c.limits().cpuPeriod() > 0 ? c.limits().cpuPeriod() : 100_000, l));
        }
        if (stats == null) {
            return;
        }
        add(out, CPU, stats.cpuSeconds(), l);
        add(out, CPU_USER, stats.cpuUserSeconds(), l);
        add(out, CPU_SYSTEM, stats.cpuSystemSeconds(), l);
        add(out, CFS_PERIODS, stats.cfsPeriods(), l);
        add(out, CFS_THROTTLED_PERIODS, stats.cfsThrottledPeriods(), l);
        add(out, CFS_THROTTLED_SECONDS, stats.cfsThrottledSeconds(), l);
        add(out, MEMORY_USAGE, stats.memoryUsage(), l);
        add(out, MEMORY_WORKING_SET, stats.memoryWorkingSet(), l);
        add(out, MEMORY_RSS, stats.memoryRss(), l);
        add(out, MEMORY_CACHE, stats.memoryCache(), l);
        add(out, FS_READS, stats.fsReadBytes(), l);
        add(out, FS_WRITES, stats.fsWriteBytes(), l);
        add(out, PROCESSES, stats.pids(), l);
        add(out, THREADS_MAX, stats.pidsLimit(), l);
        for (NetStats n : stats.network()) {
            String[] nl = {c.id(), c.name(), c.image(), c.pod(), c.engine(), c.owner(), n.iface()};
            add(out, NET_RX_BYTES, n.rxBytes(), nl);
            add(out, NET_TX_BYTES, n.txBytes(), nl);
            add(out, NET_RX_PACKETS, n.rxPackets(), nl);
            add(out, NET_TX_PACKETS, n.txPackets(), nl);
            add(out, NET_RX_ERRORS, n.rxErrors(), nl);
            add(out, NET_TX_ERRORS, n.txErrors(), nl);
            add(out, NET_RX_DROPPED, n.rxDropped(), nl);
            add(out, NET_TX_DROPPED, n.txDropped(), nl);
        }
        out.add(LAST_SEEN.sample(now.getEpochSecond(), l));
    }

    private static void add(List<Sample> out, MetricDef def, double value, String[] labels) {
        if (!Double.isNaN(value)) {
            out.add(def.sample(value, labels));
        }
    }
}
