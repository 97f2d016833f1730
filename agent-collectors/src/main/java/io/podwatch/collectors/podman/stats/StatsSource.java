package io.podwatch.collectors.podman.stats;

import io.podwatch.core.inventory.ContainerInfo;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * Where one collection's resource counters come from: the libpod API (one call for all) or the
 * containers' cgroup files. Called on the collector's thread only, never concurrently; may keep
 * per-container state (open files) between calls, released in {@link #close()}.
 */
public interface StatsSource extends AutoCloseable {
    /** {@code api} or {@code cgroup}, for logs and the benchmark. */
    String name();

    /**
     * Reads the counters of the given running containers, keyed by id. A container that vanished
     * meanwhile is simply missing from the result; a failure of the source as a whole throws.
     */
    Map<String, ContainerStats> read(Collection<ContainerInfo> running) throws IOException, InterruptedException;

    @Override
    void close();
}
