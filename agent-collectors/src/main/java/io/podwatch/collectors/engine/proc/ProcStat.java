package io.podwatch.collectors.engine.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code /proc/PID/stat}, split after the command name: the name may hold spaces and parentheses,
 * so the fields start after the last {@code ')'}. One parser for the audit trail's parent walk,
 * Docker's shim lookup and the rootless /proc stats.
 */
public final class ProcStat {
    private ProcStat() {
    }

    /** The raw line of a live process; IOException once it is gone. */
    public static String read(Path proc, long pid) throws IOException {
        return new String(Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("stat")), StandardCharsets.ISO_8859_1);
    }

    /** The fields after the name: state [0], ppid [1], utime [11], stime [12], num_threads [17], rss [21]; null without a name. */
    public static String[] fields(String stat) {
        int close = stat.lastIndexOf(')');
        return close < 0 ? null : stat.substring(close + 1).trim().split(" ");
    }

    /** The parent pid, or -1 when the text is not a stat line. */
    public static long ppid(String stat) {
        String[] f = fields(stat);
        try {
            return f != null && f.length >= 2 ? Long.parseLong(f[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
