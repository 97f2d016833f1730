package io.podwatch.collectors.engine.proc;

import io.podwatch.collectors.podman.cgroup.CgroupText;
import io.podwatch.collectors.podman.stats.ContainerStats;
import io.podwatch.collectors.podman.stats.NetStats;
import io.podwatch.collectors.podman.stats.StatsSource;
import io.podwatch.core.inventory.ContainerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Container counters from {@code /proc} of the container's own process tree, for containers that
 * have no cgroup of their own: rootless Podman on cgroup v1 (Podman itself refuses {@code stats}
 * there: "stats is not supported in rootless mode without cgroups v2"). The tree is walked from the
 * init process through {@code /proc/PID/task/TID/children}; CPU is every live process's
 * utime+stime plus the init's cutime+cstime (children it reaped), memory is RSS and PSS
 * ({@code smaps_rollup}), PIDs are the tasks (threads) of the tree, the network is the init's
 * network namespace ({@code /proc/PID/net/dev}). Bounded: at most {@value #MAX_PROCESSES}
 * processes per container. Collector thread only.
 */
public final class ProcStatsSource implements StatsSource {
    static final int MAX_PROCESSES = 4096;
    private static final double TICKS = 100.0; // USER_HZ: 100 on every Linux ABI podwatch runs on
    private static final double PAGE = 4096.0;

    private final Path proc;

    public ProcStatsSource(Path proc) {
        this.proc = proc;
    }

    @Override
    public String name() {
        return "proc";
    }

    @Override
    public Map<String, ContainerStats> read(Collection<ContainerInfo> running) {
        Map<String, ContainerStats> out = new HashMap<>();
        for (ContainerInfo c : running) {
            if (c.pid() <= 0) {
                continue;
            }
            ContainerStats s = readOne(c.id(), c.pid());
            if (s != null) {
                out.put(c.id(), s);
            }
        }
        return out;
    }

    /** The counters of the tree under {@code init}; null when the init is gone. */
    ContainerStats readOne(String id, long init) {
        double[] initStat = stat(init);
        if (initStat == null) {
            return null;
        }
        double user = initStat[2] / TICKS;
        double system = initStat[3] / TICKS;
        double tasks = 0;
        double rss = 0;
        double pss = 0;
        for (long pid : tree(init)) {
            double[] st = pid == init ? initStat : stat(pid);
            if (st == null) {
                continue; // exited while we walked
            }
            user += st[0] / TICKS;
            system += st[1] / TICKS;
            tasks += st[4];
            rss += st[5] * PAGE;
            double p = pss(pid);
            pss += Double.isNaN(p) ? st[5] * PAGE : p;
        }
        List<NetStats> net;
        try {
            net = CgroupText.netDev(Files.readString(proc.resolve(init + "/net/dev")));
        } catch (IOException e) {
            net = List.of();
        }
        return ContainerStats.builder(id).cpu(user + system, user, system)
                .memory(pss, pss, rss, Double.NaN).pids(tasks, Double.NaN).network(net).build();
    }

    /** The init and its descendants, breadth-first, bounded. */
    List<Long> tree(long init) {
        List<Long> out = new java.util.ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(init));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty() && out.size() < MAX_PROCESSES) {
            long pid = todo.removeFirst();
            if (!seen.add(pid)) {
                continue;
            }
            out.add(pid);
            for (long child : children(pid)) {
                todo.addLast(child);
            }
        }
        return out;
    }

    private List<Long> children(long pid) {
        List<Long> out = new java.util.ArrayList<>();
        try (var tasks = Files.newDirectoryStream(proc.resolve(pid + "/task"))) {
            for (Path t : tasks) {
                String text = Files.readString(t.resolve("children"), StandardCharsets.US_ASCII).trim();
                if (!text.isEmpty()) {
                    for (String c : text.split(" ")) {
                        out.add(Long.parseLong(c));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // exited, or a kernel without /proc/PID/task/TID/children: the walk ends here
        }
        return out;
    }

    /** utime, stime, cutime, cstime (ticks), num_threads, rss (pages); null when gone. */
    private double[] stat(long pid) {
        try {
            String[] f = ProcStat.fields(ProcStat.read(proc, pid));
            // fields after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14) ... threads(17) ... rss(21)
            return new double[] {Double.parseDouble(f[11]), Double.parseDouble(f[12]), Double.parseDouble(f[13]),
                    Double.parseDouble(f[14]), Double.parseDouble(f[17]), Double.parseDouble(f[21])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Proportional set size in bytes from smaps_rollup, NaN when unreadable. */
    private double pss(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(pid + "/smaps_rollup"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Pss:")) {
                    return Double.parseDouble(line.substring(4).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not permitted
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        // stateless
    }
}
