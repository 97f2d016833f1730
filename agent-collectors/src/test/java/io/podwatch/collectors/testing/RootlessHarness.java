package io.podwatch.collectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real rootless Podman for integration tests: a test user (created here, with its own
 * {@code /etc/subuid} and {@code /etc/subgid} range, removed again in {@link #close()}), its
 * runtime directory {@code /run/user/UID}, its own home with a containers.conf (runc, cgroupfs,
 * file events), the busybox image, and on demand {@code podman system service} on the user's
 * well-known socket {@code /run/user/UID/podman/podman.sock}, where podwatch's discovery finds it.
 * Containers run with {@code --network none} (no slirp4netns here).
 */
public final class RootlessHarness implements AutoCloseable {
    public static final String USER = "pwrootless";
    public static final String IMAGE = "localhost/podwatch-test:latest";
    private static final String RANGE = "310000:65536";

    private final Path home;
    private final long uid;
    private final Path runtime;
    private Process service;

    private RootlessHarness(Path home, long uid) {
        this.home = home;
        this.uid = uid;
        this.runtime = Path.of("/run/user", Long.toString(uid));
    }

    public static void assumeAvailable() {
        Host.assume(true, "podman", "runc", "runuser", "useradd", "userdel", "newuidmap", "newgidmap", "tar");
    }

    public static RootlessHarness create() throws IOException {
        assumeAvailable();
        Path home = Files.createTempDirectory(Path.of("/tmp"), "pwr-");
        if (Host.run(Map.of(), List.of("sh", "-c", "id -u " + USER + " 2>/dev/null || true")).isBlank()) {
            Host.run(Map.of(), List.of("useradd", "-M", "-d", home.toString(), "-s", "/bin/sh", USER));
        } else {
            Host.run(Map.of(), List.of("usermod", "-d", home.toString(), USER));
        }
        for (String f : List.of("/etc/subuid", "/etc/subgid")) {
            String text = Files.exists(Path.of(f)) ? Files.readString(Path.of(f)) : "";
            if (!text.contains(USER + ":")) {
                Files.writeString(Path.of(f), text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + USER + ":"
                        + RANGE + "\n");
            }
        }
        long uid = Long.parseLong(Host.run(Map.of(), List.of("id", "-u", USER)).trim());
        RootlessHarness h = new RootlessHarness(home, uid);
        Files.createDirectories(h.runtime.resolve("podman"));
        Files.setPosixFilePermissions(h.runtime, PosixFilePermissions.fromString("rwx------"));
        Path conf = Files.createDirectories(home.resolve(".config/containers")).resolve("containers.conf");
        Files.writeString(conf, String.join("\n", "[containers]",
                "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]", "[engine]", "runtime = \"runc\"",
                "cgroup_manager = \"cgroupfs\"", "events_logger = \"file\"", ""));
        Path tar = PodmanHarness.busyboxTar(home);
        Host.run(Map.of(), List.of("chown", "-R", USER + ":", home.toString(), h.runtime.toString()));
        h.podman("import", tar.toString(), IMAGE);
        return h;
    }

    /** The argv that runs {@code podman args} as the test user, in its session's environment. */
    public List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", USER, "--", "env", "HOME=" + home,
                "XDG_RUNTIME_DIR=" + runtime, "podman"));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    public String podman(String... args) {
        return Host.run(Map.of(), command(args));
    }

    /** {@code podman run -d --network none [args] IMAGE sh -c script} as the user; the container id. */
    public String runDetached(List<String> runArgs, String script) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--network", "none"));
        cmd.addAll(runArgs);
        cmd.addAll(List.of(IMAGE, "sh", "-c", script));
        return podman(cmd.toArray(String[]::new)).trim();
    }

    public Path socket() {
        return runtime.resolve("podman/podman.sock");
    }

    public long uid() {
        return uid;
    }

    /** Starts the user's API service on its well-known socket and waits until it is there. */
    public void startService() throws IOException, InterruptedException {
        List<String> cmd = command("system", "service", "--time=0", "unix://" + socket());
        service = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("service.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket())) {
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new IOException("rootless podman service did not start: "
                        + Files.readString(home.resolve("service.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Removes the containers, stops the service, removes the storage, the user and its ranges; never throws. */
    @Override
    public void close() {
        try {
            podman("rm", "-af", "-t", "0");
        } catch (RuntimeException e) {
            // best effort
        }
        if (service != null) {
            service.destroy();
            try {
                service.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            service.destroyForcibly();
        }
        try {
            podman("system", "reset", "-f");
        } catch (RuntimeException e) {
            // best effort: the directories go below anyway
        }
        try {
            // the user's pause process keeps its namespaces: end it (by its pid file) before the user goes
            Path pause = runtime.resolve("libpod/tmp/pause.pid");
            if (Files.exists(pause)) {
                Host.run(Map.of(), List.of("sh", "-c", "kill " + Long.parseLong(Files.readString(pause).trim())
                        + " 2>/dev/null || true"));
            }
            PodmanHarness.unmountBelow(home);
            Host.run(Map.of(), List.of("rm", "-rf", home.toString(), runtime.toString()));
            Host.run(Map.of(), List.of("userdel", USER));
            for (String f : List.of("/etc/subuid", "/etc/subgid")) {
                Path p = Path.of(f);
                List<String> keep = Files.readAllLines(p).stream().filter(l -> !l.startsWith(USER + ":")).toList();
                Files.writeString(p, keep.isEmpty() ? "" : String.join("\n", keep) + "\n");
            }
        } catch (IOException | RuntimeException e) {
            // best effort: left for inspection
        }
    }
}
