package io.podwatch.collectors.posture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host's file system seen from an injected root ({@code /} in production, a fixture directory
 * in tests), including {@code /proc} and {@code /sys}. Reads are small and never throw: a file
 * that cannot be read is absent. Thread-safe (stateless).
 */
public final class HostFiles {
    private static final long MAX_READ = 1 << 20;
    private final Path root;

    public HostFiles(Path root) {
        this.root = root;
    }

    public static HostFiles real() {
        return new HostFiles(Path.of("/"));
    }

    /** {@code absolute} ("/etc/subuid") resolved below the root. */
    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    public Optional<String> read(String absolute) {
        Path p = path(absolute);
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_READ) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #read} for files whose size the kernel reports as 0 ({@code /proc}, {@code /sys}). */
    public Optional<String> readProc(String absolute) {
        try {
            return Optional.of(Files.readString(path(absolute)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    public boolean isDirectory(String absolute) {
        return Files.isDirectory(path(absolute));
    }

    /** Names in a directory, sorted; empty when it is missing. */
    public List<String> list(String absolute) {
        try (Stream<Path> s = Files.list(path(absolute))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public Optional<Set<PosixFilePermission>> permissions(String absolute) {
        try {
            return Optional.of(Files.getPosixFilePermissions(path(absolute)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The target of {@code /proc/<pid>/ns/<ns>}, e.g. {@code ipc:[4026531839]}; in fixtures a plain file. */
    public Optional<String> namespace(long pid, String ns) {
        Path p = path("/proc/" + pid + "/ns/" + ns);
        try {
            return Optional.of(Files.isSymbolicLink(p) ? Files.readSymbolicLink(p).toString() : Files.readString(p).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Numeric entries of /proc. */
    public List<Long> pids() {
        List<Long> out = new ArrayList<>();
        for (String n : list("/proc")) {
            if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
                out.add(Long.parseLong(n));
            }
        }
        return out;
    }
}
