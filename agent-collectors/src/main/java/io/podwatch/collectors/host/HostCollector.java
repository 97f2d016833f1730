package io.podwatch.collectors.host;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSFileStore;

/**
 * Host metrics, node_exporter-named. OSHI's {@link SystemInfo} is created in {@link #start()} (it
 * probes the system) and reused for CPU, memory and load; the costly parts of OSHI (mount and
 * interface discovery) are kept off the per-collection path, which must stay cheap at a 1 s interval.
 */
public final class HostCollector implements Collector {
    /** node_exporter's default mount-point exclusions, plus container storage mounts. */
    private static final Pattern IGNORED_MOUNTS = Pattern.compile(
            "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+|run/containers/storage/.+)($|/)");
    /** node_exporter's default filesystem-type exclusions (overlay: every container's root). */
    private static final Pattern IGNORED_TYPES = Pattern.compile("^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs"
            + "|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs"
            + "|securityfs|selinuxfs|squashfs|sysfs|tracefs)$");
    /** A container's /dev/shm, wherever its storage lives. */
    private static final Pattern CONTAINER_SHM = Pattern.compile("/overlay-containers/[0-9a-f]{64}/userdata/");
    private static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};

    private static final Duration MOUNT_REFRESH = Duration.ofMinutes(1);

    private final Clock clock;
    private final Path netDev;
    private final Path proc;
    private SystemInfo system;
    private long bootTime;
    private Sample uname;
    private List<Mount> mounts;
    private Instant mountsReadAt = Instant.MIN;

    public HostCollector(Clock clock) {
        this(clock, Path.of("/proc"));
    }

    HostCollector(Clock clock, Path proc) {
        this.clock = clock;
        this.proc = proc;
        this.netDev = proc.resolve("net").resolve("dev");
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public void start() {
        system = new SystemInfo();
        bootTime = system.getOperatingSystem().getSystemBootTime();
        try {
            uname = ProcFacts.uname(proc.resolve("sys").resolve("kernel"), machine());
        } catch (IOException e) {
            uname = null; // no node_uname_info: dashboards lose their host selector, the rest works
        }
    }

    /** uname -m: the JVM names x86_64 amd64. */
    private static String machine() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> a;
        };
    }

    @Override
    public void collect(Emitter out) throws IOException {
        List<Sample> s = new ArrayList<>(256);
        var hal = system.getHardware();
        cpu(hal.getProcessor(), s);
        memory(hal.getMemory(), s);
        filesystems(s);
        network(s);
        s.add(HostMetrics.BOOT_TIME.sample(bootTime));
        ProcFacts.collect(proc, s);
        if (uname != null) {
            s.add(uname);
        }
        s.add(ProcFacts.TIME.sample(clock.millis() / 1000.0));
        out.samples(new SampleBatch(name(), clock.instant(), dedupe(s)));
    }

    /**
     * The mount list comes from OSHI once a minute (it resolves devices and types, which is costly);
     * the sizes are one statvfs per mount through the JDK, every collection.
     */
    private void filesystems(List<Sample> s) {
        Instant now = clock.instant();
        if (mounts == null || now.isAfter(mountsReadAt.plus(MOUNT_REFRESH))) {
            mounts = new ArrayList<>();
            for (OSFileStore fs : system.getOperatingSystem().getFileSystem().getFileStores(true)) {
                if (!IGNORED_MOUNTS.matcher(fs.getMount()).find() && !IGNORED_TYPES.matcher(fs.getType()).find()
                        && !CONTAINER_SHM.matcher(fs.getMount()).find()) {
                    try {
                        // resolving a FileStore scans the whole mount table: once per refresh, not per collection
                        mounts.add(new Mount(Files.getFileStore(Path.of(fs.getMount())),
                                new String[] {fs.getVolume(), fs.getType(), fs.getMount()}));
                    } catch (IOException e) {
                        // unmounted meanwhile
                    }
                }
            }
            mountsReadAt = now;
        }
        for (Mount m : mounts) {
            try {
                s.add(HostMetrics.FS_AVAIL.sample(m.store().getUsableSpace(), m.labels()));
                s.add(HostMetrics.FS_FREE.sample(m.store().getUnallocatedSpace(), m.labels()));
                s.add(HostMetrics.FS_SIZE.sample(m.store().getTotalSpace(), m.labels()));
            } catch (IOException e) {
                // unmounted since the list was read: gone from this batch, back at the next refresh
            }
        }
    }

    private void network(List<Sample> s) throws IOException {
        for (NetDev.Counters n : NetDev.parse(Files.readString(netDev))) {
            String d = n.device();
            s.add(HostMetrics.NET_RX_BYTES.sample(n.rxBytes(), d));
            s.add(HostMetrics.NET_TX_BYTES.sample(n.txBytes(), d));
            s.add(HostMetrics.NET_RX_PACKETS.sample(n.rxPackets(), d));
            s.add(HostMetrics.NET_TX_PACKETS.sample(n.txPackets(), d));
            s.add(HostMetrics.NET_RX_ERRS.sample(n.rxErrs(), d));
            s.add(HostMetrics.NET_TX_ERRS.sample(n.txErrs(), d));
            s.add(HostMetrics.NET_RX_DROP.sample(n.rxDrop(), d));
        }
    }

    /** A mount to report: its store (one statvfs per read) and its labels. */
    private record Mount(FileStore store, String[] labels) {
    }

    private static void cpu(CentralProcessor cpu, List<Sample> s) {
        long[][] ticks = cpu.getProcessorCpuLoadTicks();
        for (int c = 0; c < ticks.length; c++) {
            for (int m = 0; m < MODES.length && m < ticks[c].length; m++) {
                // OSHI reports ticks in milliseconds
                s.add(HostMetrics.CPU_SECONDS.sample(ticks[c][m] / 1000.0, Integer.toString(c), MODES[m]));
            }
        }
        double[] load = cpu.getSystemLoadAverage(3);
        s.add(HostMetrics.LOAD1.sample(load[0]));
        s.add(HostMetrics.LOAD5.sample(load[1]));
        s.add(HostMetrics.LOAD15.sample(load[2]));
    }

    private static void memory(GlobalMemory mem, List<Sample> s) {
        s.add(HostMetrics.MEM_TOTAL.sample(mem.getTotal()));
        s.add(HostMetrics.MEM_AVAILABLE.sample(mem.getAvailable()));
        long swapTotal = mem.getVirtualMemory().getSwapTotal();
        s.add(HostMetrics.SWAP_TOTAL.sample(swapTotal));
        s.add(HostMetrics.SWAP_FREE.sample(swapTotal - mem.getVirtualMemory().getSwapUsed()));
    }

    /** The same mount can be listed twice (bind mounts); Prometheus rejects duplicate series. */
    private static List<Sample> dedupe(List<Sample> s) {
        var seen = new java.util.LinkedHashMap<List<Object>, Sample>();
        for (Sample x : s) {
            seen.putIfAbsent(List.of(x.metric().name(), x.labelValues()), x);
        }
        return new ArrayList<>(seen.values());
    }

    @Override
    public void close() {
        system = null;
    }
}
