package io.podwatch.collectors.host;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;

/**
 * Host metrics through OSHI. OSHI's {@link SystemInfo} is created in {@link #start()} (it probes
 * the system) and reused: per collection only the counters are re-read.
 */
public final class HostCollector implements Collector {
    /** node_exporter's default mount-point exclusions, plus container storage mounts. */
    private static final Pattern IGNORED_MOUNTS = Pattern.compile(
            "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+|run/containers/storage/.+)($|/)");
    private static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};

    private final Clock clock;
    private SystemInfo system;

    public HostCollector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public void start() {
        system = new SystemInfo();
    }

    @Override
    public void collect(Emitter out) {
        List<Sample> s = new ArrayList<>(256);
        var hal = system.getHardware();
        cpu(hal.getProcessor(), s);
        memory(hal.getMemory(), s);
        for (OSFileStore fs : system.getOperatingSystem().getFileSystem().getFileStores(true)) {
            if (!IGNORED_MOUNTS.matcher(fs.getMount()).find()) {
                String[] l = {fs.getVolume(), fs.getType(), fs.getMount()};
                s.add(HostMetrics.FS_AVAIL.sample(fs.getUsableSpace(), l));
                s.add(HostMetrics.FS_FREE.sample(fs.getFreeSpace(), l));
                s.add(HostMetrics.FS_SIZE.sample(fs.getTotalSpace(), l));
            }
        }
        for (NetworkIF n : hal.getNetworkIFs(true)) {
            String d = n.getName();
            s.add(HostMetrics.NET_RX_BYTES.sample(n.getBytesRecv(), d));
            s.add(HostMetrics.NET_TX_BYTES.sample(n.getBytesSent(), d));
            s.add(HostMetrics.NET_RX_PACKETS.sample(n.getPacketsRecv(), d));
            s.add(HostMetrics.NET_TX_PACKETS.sample(n.getPacketsSent(), d));
            s.add(HostMetrics.NET_RX_ERRS.sample(n.getInErrors(), d));
            s.add(HostMetrics.NET_TX_ERRS.sample(n.getOutErrors(), d));
            s.add(HostMetrics.NET_RX_DROP.sample(n.getInDrops(), d));
        }
        s.add(HostMetrics.BOOT_TIME.sample(system.getOperatingSystem().getSystemBootTime()));
        out.samples(new SampleBatch(name(), clock.instant(), dedupe(s)));
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
