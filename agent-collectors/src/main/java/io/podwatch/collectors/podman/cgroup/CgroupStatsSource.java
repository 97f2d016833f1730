package io.podwatch.collectors.podman.cgroup;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.collectors.podman.stats.ContainerStats;
import io.podwatch.collectors.podman.stats.StatsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counters read straight from each running container's cgroup files and
 * {@code /proc/PID/net/dev}: ~100x cheaper for the Podman service than the API and adds CPU
 * throttling, working set and OOM kills. The cgroup comes from {@code /proc/PID/cgroup} (exact,
 * read once per container run), else inspect's {@code State.CgroupPath}. Open files are kept per
 * container and closed when it stops, restarts (new pid) or goes away.
 */
public final class CgroupStatsSource implements StatsSource {
    private final Path cgroupRoot;
    private final Path procRoot;
    private final Map<String, ContainerCgroup> open = new HashMap<>();
    private Optional<CgroupLayout> layout;

    /** @param cgroupRoot normally {@code /sys/fs/cgroup}; @param procRoot normally {@code /proc} */
    public CgroupStatsSource(Path cgroupRoot, Path procRoot) {
        this.cgroupRoot = cgroupRoot;
        this.procRoot = procRoot;
    }

    @Override
    public String name() {
        return "cgroup";
    }

    /** True when a cgroup hierarchy with the controllers we read is mounted and readable here. */
    public boolean usable() {
        if (layout == null) {
            layout = CgroupLayout.detect(cgroupRoot);
        }
        return layout.isPresent();
    }

    @Override
    public Map<String, ContainerStats> read(Collection<ContainerInfo> running) throws IOException {
        if (!usable()) {
            throw new IOException("no readable cgroup hierarchy under " + cgroupRoot);
        }
        Map<String, ContainerStats> out = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ContainerInfo c : running) {
            if (c.pid() <= 0) {
                continue;
            }
            seen.add(c.id());
            ContainerCgroup cg = open.get(c.id());
            if (cg == null || cg.pid() != c.pid()) {
                closeOne(c.id());
                cg = resolve(c);
                if (cg == null) {
                    continue;
                }
                open.put(c.id(), cg);
            }
            ContainerStats s = readOne(cg);
            if (s == null) {
                closeOne(c.id());
            } else {
                out.put(c.id(), s);
            }
        }
        for (Iterator<String> it = open.keySet().iterator(); it.hasNext(); ) {
            String id = it.next();
            if (!seen.contains(id)) {
                open.get(id).close();
                it.remove();
            }
        }
        return out;
    }

    private static ContainerStats readOne(ContainerCgroup cg) {
        try {
            return cg.read();
        } catch (IOException | RuntimeException e) {
            // the container stopped between listing and reading: its files vanish or fail
            return null;
        }
    }

    private ContainerCgroup resolve(ContainerInfo c) {
        Path proc = procRoot.resolve(Long.toString(c.pid()));
        Map<String, String> paths;
        try {
            paths = CgroupText.procCgroup(Files.readString(proc.resolve("cgroup")));
        } catch (IOException e) {
            paths = new HashMap<>();
        }
        KeptFile netDev = new KeptFile(proc.resolve("net/dev"));
        CgroupLayout l = layout.orElseThrow();
        if (l.unified()) {
            String path = paths.getOrDefault("", c.cgroupPath());
            return path.isEmpty() ? null : new CgroupV2(c.id(), c.pid(), netDev, l.v2(path));
        }
        Map<String, String> v1 = new HashMap<>();
        for (String controller : CgroupLayout.V1_CONTROLLERS) {
            String path = paths.getOrDefault(controller, c.cgroupPath());
            if (path.isEmpty()) {
                return null;
            }
            v1.put(controller, path);
        }
        return new CgroupV1(c.id(), c.pid(), netDev, l, v1);
    }

    private void closeOne(String id) {
        ContainerCgroup cg = open.remove(id);
        if (cg != null) {
            cg.close();
        }
    }

    /** Containers whose files are currently held open. */
    public int openContainers() {
        return open.size();
    }

    @Override
    public void close() {
        open.values().forEach(ContainerCgroup::close);
        open.clear();
    }
}
