package io.podwatch.collectors.podman.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel's OOM-kill counter of each container's memory cgroup ({@code memory.oom_control}'s
 * {@code oom_kill} on v1, {@code memory.events}' {@code oom_kill} on v2), because the engines do not
 * report OOM kills truthfully: on this VM (cgroup v1, runc) Podman's inspect said
 * {@code OOMKilled=false} and no {@code oom} event came for a container the kernel had OOM-killed.
 * The cgroup is resolved while the container runs (its init's {@code /proc/PID/cgroup}) and read
 * again the moment the engine reports the death — measured ~0.3 s before the engine's cleanup
 * removes the cgroup — and at each stats collection (kills of processes other than init). The
 * counts survive the run: {@link #total} is {@code container_oom_events_total} until the container
 * is removed. Thread-safe (the events thread and the collector both call it).
 */
public final class OomCounters {
    private final Path cgroupRoot;
    private final Path procRoot;
    private final Map<String, Run> runs = new HashMap<>();
    private final Map<String, Long> totals = new HashMap<>();
    private Optional<CgroupLayout> layout;

    private static final class Run {
        final long pid;
        final Path file;
        long last;

        Run(long pid, Path file, long last) {
            this.pid = pid;
            this.file = file;
            this.last = last;
        }
    }

    /** @param cgroupRoot normally {@code /sys/fs/cgroup}; @param procRoot normally {@code /proc} */
    public OomCounters(Path cgroupRoot, Path procRoot) {
        this.cgroupRoot = cgroupRoot;
        this.procRoot = procRoot;
    }

    /**
     * A container runs with init {@code pid}: resolves its memory cgroup once per run and takes the
     * counter as it is (kills from before podwatch watched count in the total, never alert).
     */
    public synchronized void running(String id, long pid, String cgroupPath) {
        Run r = runs.get(id);
        if (pid <= 0 || (r != null && r.pid == pid)) {
            return;
        }
        Run fresh = resolve(pid, cgroupPath);
        if (fresh == null) {
            runs.remove(id);
            return;
        }
        runs.put(id, fresh);
        totals.merge(id, fresh.last, Long::sum);
    }

    /** Reads the counter now: the kills since the last read, 0 when none or the cgroup is gone. */
    public synchronized long check(String id) {
        Run r = runs.get(id);
        if (r == null) {
            return 0;
        }
        long now = read(r.file);
        return now < 0 ? 0 : advance(id, r, now);
    }

    /** A count the stats source read for {@code id} (NaN when it has none): the kills since the last read. */
    public synchronized long observed(String id, double count) {
        Run r = runs.get(id);
        return r == null || Double.isNaN(count) || count < 0 ? 0 : advance(id, r, (long) count);
    }

    private long advance(String id, Run r, long now) {
        if (now <= r.last) {
            return 0;
        }
        long delta = now - r.last;
        r.last = now;
        totals.merge(id, delta, Long::sum);
        return delta;
    }

    /** OOM kills counted for the container over all its runs podwatch saw; empty when it never had a cgroup. */
    public synchronized OptionalLong total(String id) {
        Long t = totals.get(id);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    public synchronized void removed(String id) {
        runs.remove(id);
        totals.remove(id);
    }

    /** Drops the state of every container not in {@code present} (removed while the events were not seen). */
    public synchronized void retainOnly(java.util.Collection<String> present) {
        runs.keySet().retainAll(present);
        totals.keySet().retainAll(present);
    }

    private Run resolve(long pid, String cgroupPath) {
        if (layout == null) {
            layout = CgroupLayout.detect(cgroupRoot);
        }
        if (layout.isEmpty()) {
            return null;
        }
        Map<String, String> paths;
        try {
            paths = CgroupText.procCgroup(Files.readString(procRoot.resolve(Long.toString(pid)).resolve("cgroup")));
        } catch (IOException e) {
            paths = Map.of();
        }
        CgroupLayout l = layout.get();
        boolean v2 = l.unified();
        String path = paths.getOrDefault(v2 ? "" : "memory", cgroupPath == null ? "" : cgroupPath);
        if (path.isEmpty() || path.equals("/")) {
            return null; // no memory cgroup of its own (rootless on cgroup v1)
        }
        Path file = v2 ? l.v2(path).resolve("memory.events") : l.v1("memory", path).resolve("memory.oom_control");
        long now = read(file);
        return now < 0 ? null : new Run(pid, file, now);
    }

    /** The oom_kill count in the file, -1 when the file is gone or has none. */
    static long read(Path file) {
        try {
            double v = CgroupText.keyed(Files.readString(file), "oom_kill")[0];
            return Double.isNaN(v) ? -1 : (long) v;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
