package io.podwatch.collectors.podman.stats;

import java.util.List;

/**
 * One container's resource counters at one moment, from either source. Units are the exported
 * ones (seconds, bytes, counts); {@code NaN} means "this source does not know" and is not exported.
 * Counters only: rates are derived downstream, never from Podman's CPU-percent fields.
 *
 * @param memoryWorkingSet usage minus inactive file pages (what the OOM killer weighs); the API
 *                         source has no inactive-file figure and reports Podman's usage
 * @param pidsLimit 0 when unlimited, as cAdvisor's {@code container_threads_max}
 */
public record ContainerStats(String id, double cpuSeconds, double cpuUserSeconds, double cpuSystemSeconds,
                             double memoryUsage, double memoryWorkingSet, double memoryRss, double memoryCache,
                             double fsReadBytes, double fsWriteBytes, double pids, double pidsLimit,
                             double cfsPeriods, double cfsThrottledPeriods, double cfsThrottledSeconds,
                             double oomKills, List<NetStats> network) {
    public ContainerStats {
        network = List.copyOf(network);
    }

    /** A builder, since sources fill the fields in the order their files come. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Mutable, single-use; every field starts as NaN. */
    public static final class Builder {
        private final String id;
        double cpu = Double.NaN;
        double cpuUser = Double.NaN;
        double cpuSystem = Double.NaN;
        double memUsage = Double.NaN;
        double memWorkingSet = Double.NaN;
        double memRss = Double.NaN;
        double memCache = Double.NaN;
        double fsRead = Double.NaN;
        double fsWrite = Double.NaN;
        double pids = Double.NaN;
        double pidsLimit = Double.NaN;
        double cfsPeriods = Double.NaN;
        double cfsThrottled = Double.NaN;
        double cfsThrottledSeconds = Double.NaN;
        double oomKills = Double.NaN;
        List<NetStats> network = List.of();

        private Builder(String id) {
            this.id = id;
        }

        public Builder cpu(double total, double user, double system) {
            cpu = total;
            cpuUser = user;
            cpuSystem = system;
            return this;
        }

        public Builder memory(double usage, double workingSet, double rss, double cache) {
            memUsage = usage;
            memWorkingSet = workingSet;
            memRss = rss;
            memCache = cache;
            return this;
        }

        public Builder blockIo(double read, double write) {
            fsRead = read;
            fsWrite = write;
            return this;
        }

        public Builder pids(double current, double limit) {
            pids = current;
            pidsLimit = limit;
            return this;
        }

        public Builder throttling(double periods, double throttledPeriods, double throttledSeconds) {
            cfsPeriods = periods;
            cfsThrottled = throttledPeriods;
            cfsThrottledSeconds = throttledSeconds;
            return this;
        }

        public Builder oomKills(double kills) {
            oomKills = kills;
            return this;
        }

        public Builder network(List<NetStats> interfaces) {
            network = interfaces;
            return this;
        }

        public ContainerStats build() {
            return new ContainerStats(id, cpu, cpuUser, cpuSystem, memUsage, memWorkingSet, memRss, memCache, fsRead,
                    fsWrite, pids, pidsLimit, cfsPeriods, cfsThrottled, cfsThrottledSeconds, oomKills, network);
        }
    }
}
