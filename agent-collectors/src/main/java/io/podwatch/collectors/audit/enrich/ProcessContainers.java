package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.engine.MonitorArgs;
import io.podwatch.collectors.engine.MonitorPids;
import io.podwatch.collectors.engine.proc.ProcStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Which container a process belongs to, for every engine. In order: the process's cgroup
 * ({@code libpod-<id>}, Docker's {@code docker-<id>.scope} or {@code /docker/<id>}; a monitor's
 * {@code libpod-conmon-<id>} is not the container); the monitor map the engine trackers keep
 * (conmon and shim pids, see {@link MonitorPids}); a trusted monitor's or runtime's command line
 * (conmon {@code -c ID}, shim {@code -id ID}, runc {@code ... ID}); then the parent chain — from
 * {@code /proc/PID/stat} while processes live, else as learnt from earlier events — because a
 * rootless container on cgroup v1 has no cgroup of its own and an exited process has no
 * {@code /proc} entry: its parent (conmon, the shim, runc) names the container. Execs of monitors
 * and runtimes seen in the audit stream are learnt too ({@link #learnExec}), so a
 * {@code run --rm ... cat /etc/shadow} whose cat, runc and conmon are all gone by the time its
 * records are read is still attributed. Answers are cached for the TTL. Not thread-safe: one per
 * reading thread.
 */
public final class ProcessContainers {
    /** Cached answer for "on the host, not in a container". */
    static final String HOST = "";
    /** Cached answer for "gone and not known": saves a failing open per event for the TTL. */
    private static final String GONE = "-";
    private static final long GONE_TTL_MILLIS = 2_000;
    private static final int MAX_PIDS = 16_384;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_CMDLINE = 16_384;

    private final Path proc;
    private final long ttlMillis;
    private final MonitorPids monitors;
    private final TtlCache<Long, String> byPid;
    private final TtlCache<Long, Long> parents;
    /** Monitors and runtimes learnt from their execs: their children are in the container. */
    private final TtlCache<Long, String> learnt;
    /** What a live process means for its children: a monitor's container (by its command line) or HOST. */
    private final TtlCache<Long, String> asParent;

    public ProcessContainers(Path proc, Clock clock, long ttlMillis) {
        this(proc, clock, ttlMillis, new MonitorPids());
    }

    public ProcessContainers(Path proc, Clock clock, long ttlMillis, MonitorPids monitors) {
        this.proc = proc;
        this.ttlMillis = ttlMillis;
        this.monitors = monitors;
        this.byPid = new TtlCache<>(clock, MAX_PIDS);
        this.parents = new TtlCache<>(clock, MAX_PIDS);
        this.learnt = new TtlCache<>(clock, MAX_PIDS);
        this.asParent = new TtlCache<>(clock, MAX_PIDS);
    }

    /**
     * The container id of {@code pid} (falling back to its ancestors from {@code ppid} up),
     * {@code ""} for the host, or null when the chain cannot be resolved any more.
     */
    public String containerOf(long pid, long ppid) {
        if (ppid > 0) {
            parents.put(pid, ppid, ttlMillis); // the parent chain of processes that are gone by now
        }
        if (learnt.get(-pid, null) != null) {
            return HOST; // conmon, the shim, runc: the engine's processes, not the container's
        }
        List<Long> walked = new ArrayList<>(4);
        String c = null;
        long p = pid;
        for (int depth = 0; p > 1 && depth < MAX_DEPTH; depth++) {
            c = lookup(p, depth > 0);
            if (c != null && !c.equals(HOST)) {
                break;
            }
            walked.add(p);
            Long up = parent(p);
            if (up == null) {
                break;
            }
            p = up;
        }
        if (c == null && !walked.isEmpty() && p <= 1) {
            c = HOST; // the chain reached init without meeting a container
        }
        if (c != null) {
            for (Long w : walked) {
                byPid.put(w, c, ttlMillis); // the ancestors answer the same for their other children
            }
        }
        return c;
    }

    /** Feeds the cache at exec time: {@code pid} ran in {@code containerId} ({@code ""} = host). */
    public void remember(long pid, String containerId) {
        if (pid > 0 && containerId != null) {
            byPid.put(pid, containerId, ttlMillis);
        }
    }

    /**
     * An exec seen in the audit stream: when it is a trusted monitor or runtime acting on a
     * container, that process and its parent (conmon or the shim, for {@code runc create/exec})
     * are the container's monitors: their children are in the container, they themselves are not.
     *
     * @return whether it was one (its own events are then the host's)
     */
    public boolean learnExec(long pid, long ppid, String executable, List<String> argv) {
        String id = MonitorArgs.containerId(executable, argv);
        if (id != null) {
            learnt.put(pid, id, ttlMillis);
            if (ppid > 1 && MonitorArgs.spawnsContainerProcess(executable, argv)) {
                learnt.put(ppid, id, ttlMillis); // runc create/exec's parent is the container's monitor (conmon, shim)
            }
            learnt.put(-pid, id, ttlMillis); // negative key: pid itself is the engine's side (see containerOf)
            return true;
        }
        return false;
    }

    /**
     * A process's answer: null when it is gone and unknown, HOST when nothing names a container.
     * Monitors and runtimes (conmon, the shim, runc) answer only as ancestors: they run on the
     * host, their children in the container.
     */
    private String lookup(long pid, boolean asAncestor) {
        if (asAncestor) {
            String monitor = learnt.get(pid, null);
            if (monitor == null) {
                monitor = monitors.containerOf(pid).orElse(null);
            }
            if (monitor != null) {
                return monitor;
            }
        }
        String own = own(pid);
        if (own == null || !own.equals(HOST) || !asAncestor) {
            return own;
        }
        String known = asParent.get(pid, null);
        if (known == null) {
            Path dir = proc.resolve(Long.toString(pid));
            String fromArgs;
            try {
                fromArgs = MonitorArgs.containerId(executable(dir), cmdline(dir));
            } catch (IOException e) {
                fromArgs = null; // exited meanwhile
            }
            known = fromArgs == null ? HOST : fromArgs;
            asParent.put(pid, known, ttlMillis);
        }
        return known;
    }

    /** The process's own container from its cgroup: null when gone, HOST when none. */
    private String own(long pid) {
        String cached = byPid.get(pid, null);
        if (cached != null) {
            return cached == GONE ? null : cached;
        }
        try {
            byte[] b = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cgroup"));
            String id = containerId(new String(b, StandardCharsets.ISO_8859_1));
            // a HOST answer is not cached here: the caller caches the outcome of the whole walk
            if (!id.equals(HOST)) {
                byPid.put(pid, id, ttlMillis);
            }
            return id;
        } catch (IOException e) {
            byPid.put(pid, GONE, GONE_TTL_MILLIS); // exited (NoSuchFileException) or hidden
            return null;
        }
    }

    /** The parent from /proc while the process lives, else as learnt from an earlier event. */
    private Long parent(long pid) {
        Long learnt = parents.get(pid, null);
        if (learnt != null) {
            return learnt;
        }
        try {
            long ppid = ProcStat.ppid(ProcStat.read(proc, pid));
            if (ppid > 0) {
                parents.put(pid, ppid, ttlMillis);
                return ppid;
            }
        } catch (IOException e) {
            // gone: the chain ends here unless an event taught us more
        }
        return null;
    }

    private static String executable(Path dir) {
        try {
            return Files.readSymbolicLink(dir.resolve("exe")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // kernel threads, or not permitted
        }
    }

    private static List<String> cmdline(Path dir) throws IOException {
        byte[] b;
        try (var in = Files.newInputStream(dir.resolve("cmdline"))) {
            b = in.readNBytes(MAX_CMDLINE);
        }
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                argv.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < b.length) {
            argv.add(new String(b, start, b.length - start, StandardCharsets.UTF_8));
        }
        return argv;
    }

    /** The 64-hex container id in a cgroup file's text, or {@code ""} when it names none. */
    static String containerId(String cgroup) {
        for (String marker : new String[] {"libpod-", "docker-", "/docker/"}) {
            int from = 0;
            while (true) {
                int i = cgroup.indexOf(marker, from);
                if (i < 0) {
                    break;
                }
                int s = i + marker.length();
                if (s + 64 <= cgroup.length() && isHex64(cgroup, s)) {
                    return cgroup.substring(s, s + 64);
                }
                from = s; // e.g. libpod-conmon-<id>: the monitor, not the container
            }
        }
        return HOST;
    }

    private static boolean isHex64(String s, int at) {
        if (MonitorArgs.hex64(s.substring(at, at + 64)) == null) {
            return false;
        }
        return at + 64 == s.length() || !Character.isLetterOrDigit(s.charAt(at + 64));
    }
}
