package io.podwatch.collectors.podman.bench;

import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.testing.PodmanHarness;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost of one container-stats collection per source at N running containers: wall time, the
 * collecting thread's CPU, and the CPU the Podman API service spends answering (from its
 * {@code /proc/PID/stat}). Run as root on the target machine:
 * <pre>java -cp ... io.podwatch.collectors.podman.bench.PodmanStatsBench [collections] [N ...]</pre>
 * Prints one Markdown table row per (N, source).
 */
public final class PodmanStatsBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PodmanStatsBench() {
    }

    public static void main(String[] args) throws Exception {
        int collections = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            counts.add(Integer.parseInt(args[i]));
        }
        if (counts.isEmpty()) {
            counts = List.of(0, 50, 100, 200);
        }
        System.out.println("| containers | source | wall ms / collection (median) | agent thread CPU ms / collection"
                + " | Podman service CPU ms / collection |");
        System.out.println("|---:|---|---:|---:|---:|");
        try (PodmanHarness h = PodmanHarness.create()) {
            h.startService();
            long service = servicePid(h);
            int running = 0;
            for (int n : counts) {
                for (; running < n; running++) {
                    h.podman("run", "-d", "--name", "b" + running, PodmanHarness.IMAGE, "sleep", "1000000");
                }
                for (StatsSourceKind source : List.of(StatsSourceKind.API, StatsSourceKind.CGROUP)) {
                    measure(h, n, source, collections, service);
                }
            }
        }
    }

    private static void measure(PodmanHarness h, int n, StatsSourceKind source, int collections, long servicePid)
            throws Exception {
        PodmanConfig config = PodmanItKit.config(h, source);
        try (PodmanItKit kit = PodmanItKit.start(config, h.dir().resolve("bench-" + source))) {
            for (int i = 0; i < 3; i++) {
                kit.collect(); // warm-up: JIT, re-list, open files
            }
            // let the events thread's re-list finish so it is not measured
            Thread.sleep(500);
            long[] wall = new long[collections];
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            double svc0 = processCpuMs(servicePid);
            for (int i = 0; i < collections; i++) {
                long t0 = System.nanoTime();
                kit.collect();
                wall[i] = System.nanoTime() - t0;
            }
            double svc = (processCpuMs(servicePid) - svc0) / collections;
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6 / collections;
            java.util.Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f |%n", n, source.name().toLowerCase(Locale.ROOT),
                    wall[collections / 2] / 1e6, cpu, svc);
        }
    }

    /** utime + stime of a process in ms (USER_HZ = 100, so 10 ms resolution). */
    private static double processCpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    }

    /** The harness's {@code podman system service} process, found by its socket in the command line. */
    private static long servicePid(PodmanHarness h) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains("system\0service") && cmd.contains(h.socketPath().toString())) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (IOException e) {
                    // the process went away while we looked
                }
            }
        }
        throw new IOException("podman service process not found");
    }
}
