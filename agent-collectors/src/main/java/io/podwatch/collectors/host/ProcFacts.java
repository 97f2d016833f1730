package io.podwatch.collectors.host;

import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The node_exporter series Grafana's "Node Exporter Full" needs beyond what OSHI gives: its host
 * selector reads {@code node_uname_info}, its memory panel the meminfo fields, its first row the
 * pressure stall counters, its uptime {@code node_time_seconds}. Read from {@code /proc} (a few
 * small files per collection); parsing is separate from reading, for the fixtures in the tests.
 */
final class ProcFacts {
    static final MetricDef UNAME = MetricDef.gauge("node_uname_info", "", "Labeled system information as provided by the uname system call.",
            "domainname", "machine", "nodename", "release", "sysname", "version");
    static final MetricDef TIME = MetricDef.gauge("node_time_seconds", "seconds", "System time in seconds since epoch (1970).");
    static final Map<String, MetricDef> MEMINFO = Map.of(
            "MemFree", meminfo("MemFree"), "Cached", meminfo("Cached"), "Buffers", meminfo("Buffers"),
            "SReclaimable", meminfo("SReclaimable"));
    static final MetricDef CPU_WAITING = pressure("cpu_waiting", "processes waiting for CPU time");
    static final MetricDef MEMORY_WAITING = pressure("memory_waiting", "processes waiting for memory");
    static final MetricDef MEMORY_STALLED = pressure("memory_stalled", "no process could make progress due to memory congestion");
    static final MetricDef IO_WAITING = pressure("io_waiting", "processes waiting for IO");
    static final MetricDef IO_STALLED = pressure("io_stalled", "no process could make progress due to IO congestion");
    static final MetricDef IRQ_STALLED = pressure("irq_stalled", "no process could make progress due to IRQ congestion");

    private ProcFacts() {
    }

    static List<MetricDef> all() {
        return List.of(UNAME, TIME, MEMINFO.get("MemFree"), MEMINFO.get("Cached"), MEMINFO.get("Buffers"),
                MEMINFO.get("SReclaimable"), CPU_WAITING, MEMORY_WAITING, MEMORY_STALLED, IO_WAITING, IO_STALLED, IRQ_STALLED);
    }

    private static MetricDef meminfo(String field) {
        return MetricDef.gauge("node_memory_" + field + "_bytes", "bytes", "Memory information field " + field + "_bytes.");
    }

    private static MetricDef pressure(String what, String help) {
        return MetricDef.counter("node_pressure_" + what + "_seconds_total", "seconds", "Total time in seconds " + help + ".");
    }

    /** The meminfo fields above, in bytes ({@code /proc/meminfo} writes kB). */
    static void meminfo(String text, List<Sample> out) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            MetricDef def = colon < 0 ? null : MEMINFO.get(line.substring(0, colon));
            if (def != null) {
                String[] v = line.substring(colon + 1).trim().split("\\s+");
                try {
                    out.add(def.sample(Long.parseLong(v[0]) * (v.length > 1 && v[1].equals("kB") ? 1024 : 1)));
                } catch (NumberFormatException e) {
                    // a field this kernel writes differently: left out
                }
            }
        }
    }

    /** One {@code /proc/pressure/<resource>} file: {@code some|full avg10=.. total=<microseconds>}. */
    static void pressure(String resource, String text, List<Sample> out) {
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            MetricDef def = switch (resource + " " + f[0]) {
                case "cpu some" -> CPU_WAITING;
                case "memory some" -> MEMORY_WAITING;
                case "memory full" -> MEMORY_STALLED;
                case "io some" -> IO_WAITING;
                case "io full" -> IO_STALLED;
                case "irq full" -> IRQ_STALLED;
                default -> null;
            };
            for (int i = 1; def != null && i < f.length; i++) {
                if (f[i].startsWith("total=")) {
                    try {
                        out.add(def.sample(Long.parseLong(f[i].substring(6)) / 1e6));
                    } catch (NumberFormatException e) {
                        // malformed: left out
                    }
                }
            }
        }
    }

    /** {@code node_uname_info} from {@code /proc/sys/kernel}, as uname(2) reports it; read once. */
    static Sample uname(Path kernel, String machine) throws IOException {
        return UNAME.sample(1, read(kernel.resolve("domainname")), machine, read(kernel.resolve("hostname")),
                read(kernel.resolve("osrelease")), read(kernel.resolve("ostype")), read(kernel.resolve("version")));
    }

    /** Reads every pressure file and meminfo under {@code proc}; absent files (old kernels) are skipped. */
    static void collect(Path proc, List<Sample> out) throws IOException {
        String mem = readOrNull(proc.resolve("meminfo"));
        if (mem != null) {
            meminfo(mem, out);
        }
        for (String r : new String[] {"cpu", "memory", "io", "irq"}) {
            String p = readOrNull(proc.resolve("pressure").resolve(r));
            if (p != null) {
                pressure(r, p, out);
            }
        }
    }

    private static String read(Path p) throws IOException {
        String s = readOrNull(p);
        return s == null ? "" : s.strip();
    }

    private static String readOrNull(Path p) throws IOException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // /proc/pressure/irq exists but is not readable when PSI is off for IRQs (EOPNOTSUPP)
            if (e.getMessage() != null && e.getMessage().contains("not supported")) {
                return null;
            }
            throw e;
        }
    }
}
