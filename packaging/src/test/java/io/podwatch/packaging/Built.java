package io.podwatch.packaging;

import io.podwatch.collectors.testing.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packages `mvn package` built into packaging/target, the rootfs the ITs boot, and the
 * rebuilt ("upgraded") packages the upgrade steps install: the same content under a higher version.
 */
final class Built {
    static final Path TARGET = Path.of(System.getProperty("podwatch.packaging.target", "target")).toAbsolutePath();
    /** Rootfs tarballs survive between runs here (override: PODWATCH_IT_CACHE). */
    static final Path CACHE = Path.of(System.getenv().getOrDefault("PODWATCH_IT_CACHE", "/var/cache/podwatch-it"));
    /** Appended to the version for the upgrade: sorts after it for dpkg and rpm alike. */
    static final String BUMP = "+it1";

    private Built() {
    }

    /** The one file in target/ named prefix*suffix; fails when the package phase did not make it. */
    static Path artifact(String prefix, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(TARGET)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + prefix + "*" + suffix + " in " + TARGET + " (mvn package builds it), found " + found);
            }
            return found.get(0);
        }
    }

    /** The version in the file name, e.g. 0.1.0~SNAPSHOT of podwatch_0.1.0~SNAPSHOT_all.deb. */
    static String version(Path deb) {
        String n = deb.getFileName().toString();
        return n.substring("podwatch_".length(), n.length() - "_all.deb".length());
    }

    /** Builds (or takes from the cache) the rootfs for systemd or openrc; returns the tarball. */
    static Path rootfs(String kind) {
        Path script = Path.of(System.getProperty("podwatch.packaging.basedir", ".")).resolve("src/it/rootfs.sh").toAbsolutePath();
        long t0 = System.nanoTime();
        Path tar = Path.of(Host.run(Map.of(), List.of("sh", script.toString(), kind, CACHE.toString())).lines()
                .reduce((a, b) -> b).orElseThrow());
        Timings.record(kind + " rootfs (cached after the first build)", t0);
        return tar;
    }

    /** The .deb again with Version bumped: dpkg-deb -R, edit, dpkg-deb -b. */
    static Path bumpedDeb(Path deb, Path work) throws IOException {
        Path dir = work.resolve("deb");
        Host.run(Map.of(), List.of("dpkg-deb", "-R", deb.toString(), dir.toString()));
        Path control = dir.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: (.*)$", "Version: $1" + BUMP));
        Path out = work.resolve("podwatch_" + version(deb) + BUMP + "_all.deb");
        Host.run(Map.of(), List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "-b", dir.toString(), out.toString()));
        return out;
    }

    /** The tarball again with VERSION bumped (its top directory keeps the old name: install.sh does not care). */
    static Path bumpedTarball(Path tarball, Path work) throws IOException {
        Path dir = Files.createDirectories(work.resolve("tar"));
        Host.run(Map.of(), List.of("tar", "-C", dir.toString(), "-xzf", tarball.toString()));
        Path top;
        try (Stream<Path> s = Files.list(dir)) {
            top = s.findFirst().orElseThrow();
        }
        Path v = top.resolve("VERSION");
        Files.writeString(v, Files.readString(v).trim() + BUMP + "\n");
        Path out = work.resolve("podwatch-upgrade.tar.gz");
        Host.run(Map.of(), List.of("tar", "-C", dir.toString(), "-czf", out.toString(), top.getFileName().toString()));
        return out;
    }
}
