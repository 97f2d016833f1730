package io.podwatch.agent.http;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, from {@code /proc/net/tcp{,6}} and the {@code socket:[inode]}
 * links under {@code /proc/PID/fd}: so "address already in use" can name the PID holding it. Best
 * effort and bounded; anything unreadable (another user's process, no /proc) gives empty.
 */
final class PortHolder {
    private static final int MAX_PROCESSES = 100_000;

    private PortHolder() {
    }

    static Optional<Long> pidListeningOn(Path proc, int port) {
        Optional<String> inode = listeningInode(proc.resolve("net/tcp"), port)
                .or(() -> listeningInode(proc.resolve("net/tcp6"), port));
        return inode.flatMap(i -> owner(proc, "socket:[" + i + "]"));
    }

    /** The inode of the socket in LISTEN state (0A) on {@code port}, from one /proc/net table. */
    static Optional<String> listeningInode(Path table, int port) {
        String hexPort = String.format(":%04X", port);
        try (Stream<String> lines = Files.lines(table)) {
            return lines.skip(1).map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A"))
                    .map(f -> f[9]).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> owner(Path proc, String link) {
        int seen = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                if (++seen > MAX_PROCESSES) {
                    break;
                }
                if (holds(pid.resolve("fd"), link)) {
                    return Optional.of(Long.parseLong(pid.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean holds(Path fds, String link) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
            for (Path fd : s) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(link)) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // the fd closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** For the message: " (PID n)" or "". */
    static String describe(int port) {
        return pidListeningOn(Path.of("/proc"), port).map(p -> " (PID " + p + ")").orElse("");
    }

}
