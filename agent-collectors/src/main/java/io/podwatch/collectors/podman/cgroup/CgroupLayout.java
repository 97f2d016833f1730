package io.podwatch.collectors.podman.cgroup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the cgroup controllers are mounted: unified (v2: one tree with {@code cgroup.controllers}
 * at its root) or per-controller v1 directories (including hybrid hosts, whose v1 controllers
 * carry the numbers while {@code unified/} has none). Detected once, on the first collection.
 */
record CgroupLayout(Path root, boolean unified, Map<String, Path> controllers) {
    static final List<String> V1_CONTROLLERS = List.of("cpu", "cpuacct", "memory", "blkio", "pids");

    /** Empty when {@code root} holds no readable cgroup hierarchy. */
    static Optional<CgroupLayout> detect(Path root) {
        if (Files.isReadable(root.resolve("cgroup.controllers"))) {
            return Optional.of(new CgroupLayout(root, true, Map.of()));
        }
        Map<String, Path> dirs = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path p : entries) {
                if (!Files.isDirectory(p)) {
                    continue;
                }
                // joint mounts such as "cpu,cpuacct" serve both controllers
                for (String c : p.getFileName().toString().split(",")) {
                    if (V1_CONTROLLERS.contains(c)) {
                        dirs.putIfAbsent(c, p);
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!dirs.containsKey("cpuacct") || !dirs.containsKey("memory")) {
            return Optional.empty();
        }
        return Optional.of(new CgroupLayout(root, false, Map.copyOf(dirs)));
    }

    /** The directory of a container's cgroup for a v1 controller ({@code path} relative to its mount). */
    Path v1(String controller, String path) {
        Path mount = controllers.get(controller);
        return mount == null ? root.resolve("missing-" + controller) : mount.resolve(strip(path));
    }

    Path v2(String path) {
        return root.resolve(strip(path));
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
