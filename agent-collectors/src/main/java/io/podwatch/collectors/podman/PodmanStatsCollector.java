package io.podwatch.collectors.podman;

import io.podwatch.core.model.ContainerMetrics;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.collectors.podman.cgroup.OomCounters;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.collectors.podman.events.LifecycleEvents;
import io.podwatch.collectors.podman.stats.ContainerSamples;
import io.podwatch.collectors.podman.stats.ContainerStats;
import io.podwatch.collectors.podman.stats.StatsSource;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code podman} collector: each interval, the counters of every running container from the
 * configured {@link StatsSource} plus every known container's state, restarts and exit code, handed
 * over as one complete {@link SampleBatch} (so a removed container is gone from the next one).
 * The container set comes from the events stream; this collector re-lists it when none has
 * succeeded yet and every {@code relistInterval} (the poll fallback that catches missed events).
 * A Podman that is down makes {@link #collect} throw, and the runner retries with backoff.
 */
public final class PodmanStatsCollector implements Collector {
    public static final String NAME = "podman";

    private final String name;
    private final ContainerTracker tracker;
    private final StatsSource source;
    private final Clock clock;
    private final Duration relistInterval;
    private Instant lastRelist = Instant.MIN;

    public PodmanStatsCollector(ContainerTracker tracker, StatsSource source, Clock clock, Duration relistInterval) {
        this(NAME, tracker, source, clock, relistInterval);
    }

    /**
     * @param name the collector's name, which is also its batch's source: {@code podman},
     *     {@code docker}, {@code podman-alice} — one per engine and owner, so no batch replaces another's
     */
    public PodmanStatsCollector(String name, ContainerTracker tracker, StatsSource source, Clock clock,
                                Duration relistInterval) {
        this.name = name;
        this.tracker = tracker;
        this.source = source;
        this.clock = clock;
        this.relistInterval = relistInterval;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void collect(Emitter out) throws Exception {
        Instant now = clock.instant();
        if (!tracker.synced() || !now.isBefore(lastRelist.plus(relistInterval))) {
            tracker.relist();
            lastRelist = now;
        }
        List<ContainerInfo> all = tracker.containers().all();
        List<ContainerInfo> running = all.stream().filter(ContainerInfo::running).toList();
        Map<String, ContainerStats> stats = source.read(running);
        OomCounters oom = tracker.oom();
        List<Sample> samples = new ArrayList<>(all.size() * 8 + running.size() * 24);
        for (ContainerInfo c : all) {
            ContainerStats s = c.running() ? stats.get(c.id()) : null;
            if (c.running()) {
                oom.running(c.id(), c.pid(), c.cgroupPath());
                long kills = oom.observed(c.id(), s == null ? Double.NaN : s.oomKills());
                if (kills > 0) { // a process other than init was killed, or between the died event's read
                    out.event(LifecycleEvents.oomKilled(c.ref(), tracker.engine(), kills, now));
                }
            }
            OptionalLong total = oom.total(c.id());
            double oomKills = total.isPresent() ? total.getAsLong() : s == null ? Double.NaN : s.oomKills();
            ContainerSamples.add(samples, c, s, oomKills, now);
            if (s != null) {
                samples.add(ContainerMetrics.STATS_SOURCE.sample(1, c.id(), c.name(), c.image(), c.pod(), c.engine(),
                        c.owner(), source.name()));
            }
        }
        out.samples(new SampleBatch(name, now, samples));
    }

    /** The source in use ({@code api}, {@code cgroup}), for the benchmark and logs. */
    public String sourceName() {
        return source.name();
    }

    @Override
    public void close() {
        source.close();
    }
}
