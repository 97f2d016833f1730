package io.podwatch.collectors.podman.cgroup;

import io.podwatch.collectors.podman.stats.ContainerStats;
import io.podwatch.collectors.podman.stats.NetStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One running container's cgroup and network files, kept open across intervals. Knows the pid it
 * was resolved for: a restarted container has a new pid (and maybe cgroup) and gets a new one.
 */
abstract class ContainerCgroup implements AutoCloseable {
    private final String id;
    private final long pid;
    private final KeptFile netDev;
    private final List<KeptFile> files = new ArrayList<>();

    ContainerCgroup(String id, long pid, KeptFile netDev) {
        this.id = id;
        this.pid = pid;
        this.netDev = track(netDev);
    }

    final String id() {
        return id;
    }

    final long pid() {
        return pid;
    }

    final KeptFile track(KeptFile f) {
        files.add(f);
        return f;
    }

    /** Reads every counter; null when the cgroup is gone (the container stopped meanwhile). */
    final ContainerStats read() throws IOException {
        ContainerStats.Builder b = ContainerStats.builder(id);
        if (!fill(b)) {
            return null;
        }
        List<NetStats> net = CgroupText.netDev(netDev.read());
        return b.network(net).build();
    }

    /** Fills the cgroup counters; false when the cgroup no longer exists. */
    abstract boolean fill(ContainerStats.Builder b) throws IOException;

    /** Working set as cAdvisor computes it: usage minus inactive file pages, never below zero. */
    static double workingSet(double usage, double inactiveFile) {
        if (Double.isNaN(inactiveFile)) {
            return usage;
        }
        return Math.max(0, usage - inactiveFile);
    }

    @Override
    public final void close() {
        files.forEach(KeptFile::close);
    }
}
