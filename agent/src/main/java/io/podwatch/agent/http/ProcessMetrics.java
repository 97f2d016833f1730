package io.podwatch.agent.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;

/**
 * The agent's own CPU and resident memory under the standard Prometheus process metric names
 * ({@code process_cpu_seconds_total}, {@code process_resident_memory_bytes}), which is what an
 * operator checks to see that the watchdog itself stays cheap. Read through OSHI's
 * {@link OSProcess} (already the host collector's library) rather than by hand from
 * {@code /proc/self/statm}: OSHI knows the kernel's real page size, where the hand-read copy
 * assumed 4 KiB and under-reported RSS 16-fold on 64 KiB-page kernels (arm64, ppc64le).
 */
final class ProcessMetrics {
    private final OSProcess self;
    private long updatedNanos;

    private ProcessMetrics(OSProcess self) {
        this.self = self;
        this.updatedNanos = System.nanoTime(); // getCurrentProcess() has just read the attributes
    }

    /**
     * Registers the meters; the caller keeps the returned object for as long as the registry
     * lives (micrometer holds the meters' object weakly: dropped, the values read NaN and 0).
     */
    static ProcessMetrics bindTo(MeterRegistry registry) {
        OSProcess p = new SystemInfo().getOperatingSystem().getCurrentProcess();
        if (p == null) {
            return null; // no process table (not Linux): the standard names are simply absent
        }
        ProcessMetrics m = new ProcessMetrics(p);
        FunctionCounter.builder("process.cpu", m, x -> x.fresh().cpuSeconds()).baseUnit("seconds")
                .description("Total user and system CPU time spent by the agent in seconds.").register(registry);
        Gauge.builder("process.resident.memory", m, x -> x.fresh().residentBytes()).baseUnit("bytes")
                .description("Resident memory size of the agent in bytes.").register(registry);
        return m;
    }

    /** One read of the process's files per scrape, shared by both meters. */
    private synchronized ProcessMetrics fresh() {
        long now = System.nanoTime();
        if (now - updatedNanos > 500_000_000L) {
            self.updateAttributes();
            updatedNanos = now;
        }
        return this;
    }

    private synchronized double cpuSeconds() {
        return (self.getUserTime() + self.getKernelTime()) / 1e3;
    }

    private synchronized double residentBytes() {
        return self.getResidentSetSize();
    }
}
