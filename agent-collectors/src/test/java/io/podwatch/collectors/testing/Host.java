package io.podwatch.collectors.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What integration tests need from this machine (root, binaries), and running commands. A missing
 * part skips the test with the reason, unless {@code PODWATCH_IT_STRICT=true} (set by CI, which
 * installs everything) turns the skip into a failure so a missing install step cannot hide.
 */
public final class Host {
    private Host() {
    }

    public static boolean isRoot() {
        try {
            return Files.readString(Path.of("/proc/self/status")).lines()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    public static Optional<Path> which(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Skips (or, strict, fails) the calling test unless running as root with these binaries. */
    public static void assume(boolean needRoot, String... binaries) {
        List<String> missing = new ArrayList<>();
        if (needRoot && !isRoot()) {
            missing.add("root (the test drives rootful Podman/auditd)");
        }
        for (String b : binaries) {
            if (which(b).isEmpty()) {
                missing.add("'" + b + "' on PATH");
            }
        }
        if (!missing.isEmpty()) {
            String reason = "needs " + String.join(", ", missing) + "; .ci/run installs them";
            if ("true".equals(System.getenv("PODWATCH_IT_STRICT"))) {
                throw new AssertionError(reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
    }

    /** Runs a command, returning stdout; throws with stderr when it exits non-zero or overruns. */
    public static String run(Map<String, String> env, List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            Path err = Files.createTempFile("podwatch-cmd", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(cmd + " exited " + p.exitValue() + ": " + stderr);
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }

    /** A process's user+system CPU seconds from /proc/PID/stat: the truth a CPU counter must follow. */
    public static double processCpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
}
