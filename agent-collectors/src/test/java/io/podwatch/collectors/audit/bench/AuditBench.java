package io.podwatch.collectors.audit.bench;

import io.podwatch.collectors.audit.AuditLogParse;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Audit trail throughput: parse + assemble + decode + attribute + rules, single-threaded, on a large
 * real-format log, next to {@code ausearch --format csv} and laurel on the same file in the same run.
 * Run pinned to one core with a 64 MiB heap (see docs/performance.md for the command):
 * {@code AuditBench [sizeMiB] [workDir] [sourceLog]}.
 */
public final class AuditBench {
    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 300;
        Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/podwatch-audit-bench"));
        Path source = Path.of(args.length > 2 ? args[2] : "/var/log/audit/audit.log");
        Path log = dir.resolve("audit.log");
        Path stripped = dir.resolve("audit-stripped.log");
        var templates = BenchLog.templates(source);
        long generated = BenchLog.write(templates, log, stripped, mib << 20);
        System.out.printf(Locale.ROOT, "log: %s, %.0f MB, %d events from %d distinct real events of %s%n", log,
                Files.size(log) / 1e6, generated, templates.size(), source);
        System.out.printf(Locale.ROOT, "heap max %d MiB, %d CPU(s) visible%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        System.out.println("| tool | events | wall s | CPU s | events/s (CPU) | µs CPU/event | max RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|");
        ours(log); // warm-up pass: JIT
        Result r = ours(log);
        print("podwatch (parse+assemble+decode+attribute+rules)", r);
        print("ausearch --format csv", external(dir, "ausearch -if " + log + " --format csv", null, "csv"));
        Path conf = laurelConfig(dir);
        print("laurel (enriched tail stripped)", external(dir, "laurel -c " + conf, stripped, "laurel"));
    }

    record Result(long events, double wall, double cpu, long rssKb) {
    }

    static Result ours(Path log) throws IOException, InterruptedException {
        // process CPU (all JVM threads: GC and JIT included), as /usr/bin/time counts the other tools
        com.sun.management.OperatingSystemMXBean mx =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = mx.getProcessCpuTime();
        long t0 = System.nanoTime();
        AuditLogParse.Result r = new AuditLogParse(ContainerNames.none(), Clock.systemUTC()).run(List.of(log), e -> {
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getProcessCpuTime() - cpu0) / 1e9;
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        return new Result(r.events(), wall, cpu, rss);
    }

    /** Runs {@code cmd} pinned to CPU 0 under /usr/bin/time; counts events as output lines. */
    static Result external(Path dir, String cmd, Path stdin, String name) throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".out");
        Path times = dir.resolve(name + ".time");
        String shell = "/usr/bin/time -f '%e %U %S %M' -o " + times + " taskset -c 0 " + cmd
                + (stdin == null ? "" : " < " + stdin) + " > " + out + " 2>/dev/null";
        Process p = new ProcessBuilder("sh", "-c", shell).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " overran");
        }
        String[] t = Files.readString(times).trim().split("\\s+");
        long events;
        if (name.equals("laurel")) {
            Path laurelLog = dir.resolve("laurel/audit.log");
            try (var lines = Files.lines(laurelLog)) {
                events = lines.count();
            }
        } else {
            try (var lines = Files.lines(out)) {
                events = lines.count() - 1;
            }
        }
        return new Result(events, Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Long.parseLong(t[3]));
    }

    static Path laurelConfig(Path dir) throws IOException {
        Path ldir = dir.resolve("laurel");
        if (Files.exists(ldir)) {
            try (var s = Files.walk(ldir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(ldir);
        Path conf = dir.resolve("laurel.toml");
        Files.writeString(conf, "directory = \"" + ldir + "\"\nuser = \"root\"\nstatusreport-period = 0\n"
                + "[auditlog]\nfile = \"audit.log\"\nsize = 100000000000\ngenerations = 2\n"
                + "[transform]\nexecve-argv = [ \"array\" ]\n");
        return conf;
    }

    static void print(String tool, Result r) {
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f | %.1f | %.0f |%n", tool, r.events, r.wall,
                r.cpu, r.events / r.cpu, r.cpu * 1e6 / r.events, r.rssKb / 1024.0);
    }
}
