package io.podwatch.collectors.volume;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many inotify watches podwatch may use: {@code fs.inotify.max_user_watches} minus the watches
 * other inotify users of the host hold now (counted once, at start, from {@code /proc/PID/fdinfo}),
 * less a 10 % reserve so podwatch never starves the rest of the host.
 */
final class WatchBudget {
    private WatchBudget() {
    }

    static int compute(int configured, Path proc) {
        if (configured > 0) {
            return configured;
        }
        long max = readLong(proc.resolve("sys/fs/inotify/max_user_watches"), 8192);
        long inUse = inUse(proc);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (max - inUse) * 9 / 10));
    }

    static long inUse(Path proc) {
        long n = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                n += inUseBy(pid);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the kernel's own limit still applies (ENOSPC → scan-only)
        }
        return n;
    }

    private static long inUseBy(Path pid) {
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
            for (Path fd : fds) {
                Path target;
                try {
                    target = Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    continue;
                }
                if (target.toString().equals("anon_inode:inotify")) {
                    n += Files.readAllLines(pid.resolve("fdinfo").resolve(fd.getFileName())).stream()
                            .filter(l -> l.startsWith("inotify wd:")).count();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process exited or is not ours to read
        }
        return n;
    }

    private static long readLong(Path p, long fallback) {
        // one read with a large buffer: a sysctl file read a byte at a time answers only its first byte
        try (var in = Files.newInputStream(p)) {
            return Long.parseLong(new String(in.readNBytes(64), java.nio.charset.StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }
}
