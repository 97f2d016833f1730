package io.podwatch.collectors.audit.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Which Podman container a process belongs to, from {@code /proc/PID/cgroup}
 * ({@code libpod-<64 hex>}; conmon's {@code libpod-conmon-<id>} is not the container). Events are
 * read after the fact, so the process may be gone: then its parent (the event's ppid) is asked, and
 * further up the parent chain learnt from earlier events. Answers are kept in a short-lived cache
 * fed by every event read (execs above all), so a short-lived child of a known container process is
 * still attributed. Not thread-safe: one per reading thread.
 */
public final class ProcessContainers {
    /** Cached answer for "on the host, not in a container". */
    static final String HOST = "";
    /** Cached answer for "gone and not known": saves a failing open per event for the TTL. */
    private static final String GONE = "-";
    private static final long GONE_TTL_MILLIS = 2_000;
    private static final int MAX_PIDS = 16_384;
    private static final int MAX_DEPTH = 8;

    private final Path proc;
    private final long ttlMillis;
    private final TtlCache<Long, String> byPid;
    private final TtlCache<Long, Long> parents;

    public ProcessContainers(Path proc, Clock clock, long ttlMillis) {
        this.proc = proc;
        this.ttlMillis = ttlMillis;
        this.byPid = new TtlCache<>(clock, MAX_PIDS);
        this.parents = new TtlCache<>(clock, MAX_PIDS);
    }

    /**
     * The container id of {@code pid} (falling back to {@code ppid}), {@code ""} for the host, or
     * null when neither process can be resolved any more.
     */
    public String containerOf(long pid, long ppid) {
        if (ppid > 0) {
            parents.put(pid, ppid, ttlMillis); // the parent chain of processes that are gone by now
        }
        String c = lookup(pid);
        long p = ppid;
        for (int depth = 0; c == null && p > 1 && depth < MAX_DEPTH; depth++) {
            c = lookup(p);
            if (c == null) {
                Long up = parents.get(p, null); // learnt from earlier events of that process
                p = up != null ? up : 0;
            }
        }
        if (c != null) {
            byPid.put(pid, c, ttlMillis);
        }
        return c;
    }

    /** Feeds the cache at exec time: {@code pid} ran in {@code containerId} ({@code ""} = host). */
    public void remember(long pid, String containerId) {
        if (pid > 0 && containerId != null) {
            byPid.put(pid, containerId, ttlMillis);
        }
    }

    private String lookup(long pid) {
        if (pid <= 0) {
            return null;
        }
        String cached = byPid.get(pid, null);
        if (cached != null) {
            return cached == GONE ? null : cached;
        }
        try {
            byte[] b = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("cgroup"));
            String id = containerId(new String(b, StandardCharsets.ISO_8859_1));
            byPid.put(pid, id, ttlMillis);
            return id;
        } catch (IOException e) {
            byPid.put(pid, GONE, GONE_TTL_MILLIS); // exited (NoSuchFileException) or hidden
            return null;
        }
    }

    /** The 64-hex container id in a cgroup file's text, or {@code ""} when it names none. */
    static String containerId(String cgroup) {
        int from = 0;
        while (true) {
            int i = cgroup.indexOf("libpod-", from);
            if (i < 0) {
                return HOST;
            }
            int s = i + "libpod-".length();
            if (s + 64 <= cgroup.length() && isHex64(cgroup, s)) {
                return cgroup.substring(s, s + 64);
            }
            from = s; // e.g. libpod-conmon-<id>: the monitor, not the container
        }
    }

    private static boolean isHex64(String s, int at) {
        for (int i = at; i < at + 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return at + 64 == s.length() || !Character.isLetterOrDigit(s.charAt(at + 64));
    }
}
