package io.podwatch.collectors.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, private Podman for integration tests: its own storage ({@code --root/--runroot}), its
 * own containers.conf (runc, cgroupfs, file events, ulimits this VM accepts), a busybox image
 * imported from a rootfs tar (no registry is reachable) and, on demand, a
 * {@code podman system service} on a private socket. Nothing touches the host's own Podman state.
 */
public final class PodmanHarness implements AutoCloseable {
    public static final String IMAGE = "localhost/podwatch-test:latest";

    private final Path dir;
    private final Path socket;
    private final Map<String, String> env;
    private Process service;

    private PodmanHarness(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("api.sock");
        this.env = Map.of("CONTAINERS_CONF", dir.resolve("containers.conf").toString());
    }

    /** Skips (or fails, strict) unless root, podman, runc and a static busybox are here. */
    public static void assumeAvailable() {
        Host.assume(true, "podman", "runc", "tar");
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            Host.assume(true, "busybox");
        }
    }

    /** Creates the storage and imports the test image; the API service is started separately. */
    public static PodmanHarness create() throws IOException {
        assumeAvailable();
        // short path: unix socket paths are limited to 108 bytes
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "pw-");
        PodmanHarness h = new PodmanHarness(dir);
        h.writeConf();
        h.importImage();
        return h;
    }

    private void writeConf() throws IOException {
        Files.writeString(dir.resolve("containers.conf"), String.join("\n",
                "[containers]",
                "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]",
                "[engine]",
                "runtime = \"runc\"",
                "cgroup_manager = \"cgroupfs\"",
                "events_logger = \"file\"",
                "events_logfile_path = \"" + dir.resolve("events.log") + "\"",
                ""));
    }

    private void importImage() throws IOException {
        podman("import", busyboxTar(dir).toString(), IMAGE);
    }

    /** A busybox root filesystem as a tar under {@code dir} (every applet linked in /bin), for any engine's import. */
    public static Path busyboxTar(Path dir) throws IOException {
        Path rootfs = dir.resolve("rootfs");
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        for (String d : List.of("etc", "tmp", "proc", "sys", "dev", "root", "data")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        String applets = Host.run(Map.of(), List.of("/bin/busybox", "--list"));
        for (String a : applets.split("\n")) {
            // never link the busybox applet onto the binary itself
            if (!a.isBlank() && !a.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(a.trim()), Path.of("busybox"));
            }
        }
        Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        Path tar = dir.resolve("rootfs.tar");
        Host.run(Map.of(), List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."));
        return tar;
    }

    /** Runs {@code podman} against this harness's storage; returns stdout. */
    public String podman(String... args) {
        List<String> cmd = new ArrayList<>(List.of("podman", "--root", dir.resolve("root").toString(),
                "--runroot", dir.resolve("runroot").toString()));
        cmd.addAll(Arrays.asList(args));
        return Host.run(env, cmd);
    }

    /** {@code podman run -d [args] IMAGE sh -c script}; returns the container id. */
    public String runDetached(List<String> runArgs, String script) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d"));
        cmd.addAll(runArgs);
        cmd.addAll(List.of(IMAGE, "sh", "-c", script));
        return podman(cmd.toArray(String[]::new));
    }

    /** The socket URI the agent is pointed at, e.g. {@code unix:///tmp/pw-123/api.sock}. */
    public String socketUri() {
        return "unix://" + socket;
    }

    public Path socketPath() {
        return socket;
    }

    public Path dir() {
        return dir;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The podman argv prefix, for code under test that spawns Podman itself. */
    public List<String> podmanArgs() {
        return List.of("--root", dir.resolve("root").toString(), "--runroot", dir.resolve("runroot").toString());
    }

    /** Starts {@code podman system service --time=0} on the private socket and waits until it answers. */
    public synchronized void startService() throws IOException, InterruptedException {
        if (service != null && service.isAlive()) {
            return;
        }
        Files.deleteIfExists(socket);
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(podmanArgs());
        cmd.addAll(List.of("system", "service", "--time=0", socketUri()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile());
        pb.environment().putAll(env);
        service = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!pings()) {
            if (System.nanoTime() > deadline || !service.isAlive()) {
                throw new IOException("podman service did not answer on " + socket + ": "
                        + Files.readString(dir.resolve("service.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Kills the API service (as a crash or restart would) and removes its socket. */
    public synchronized void stopService() throws InterruptedException, IOException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(10, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            service = null;
        }
        Files.deleteIfExists(socket);
    }

    /** True when a GET /_ping on the socket returns OK. */
    public boolean pings() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: d\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(256);
            ch.read(buf);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }

    /** containers/storage leaves its overlay mounts below --root; deepest first. */
    static void unmountBelow(Path dir) throws IOException {
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String target = line.split(" ")[1];
            if (target.startsWith(dir.toString())) {
                mounts.add(target);
            }
        }
        mounts.sort((a, b) -> b.length() - a.length());
        for (String m : mounts) {
            Host.run(Map.of(), List.of("umount", "-l", m));
        }
    }

    /** Removes every container and the storage; never throws. */
    @Override
    public void close() {
        try {
            stopService();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // best effort
        }
        try {
            podman("rm", "-af", "-t", "0");
            podman("rmi", "-af");
        } catch (RuntimeException e) {
            // best effort; storage is unmounted and removed below anyway
        }
        try {
            unmountBelow(dir);
            Host.run(Map.of(), List.of("rm", "-rf", dir.toString()));
        } catch (IOException | RuntimeException e) {
            // best effort: the temp dir stays for inspection
        }
    }
}
