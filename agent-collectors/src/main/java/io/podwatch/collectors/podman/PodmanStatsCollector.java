package io.podwatch.collectors.podman;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.collectors.podman.container.ContainerTracker;
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

    private final ContainerTracker tracker;
    private final StatsSource source;
    private final Clock clock;
    private final Duration relistInterval;
    private Instant lastRelist = Instant.MIN;

    public PodmanStatsCollector(ContainerTracker tracker, StatsSource source, Clock clock, Duration relistInterval) {
        this.tracker = tracker;
        this.source = source;
        this.clock = clock;
        this.relistInterval = relistInterval;
    }

    @Override
    public String name() {
        return NAME;
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
        List<Sample> samples = new ArrayList<>(all.size() * 8 + running.size() * 24);
        for (ContainerInfo c : all) {
            ContainerSamples.add(samples, c, c.running() ? stats.get(c.id()) : null, now);
        }
        out.samples(new SampleBatch(NAME, now, samples));
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
