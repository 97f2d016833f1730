package io.podwatch.agent.http;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's own CPU and resident memory under the standard Prometheus process metric names
 * ({@code process_cpu_seconds_total}, {@code process_resident_memory_bytes}), which is what an
 * operator checks to see that the watchdog itself stays cheap.
 */
final class ProcessMetrics {
    private static final long PAGE = 4096;

    private ProcessMetrics() {
    }

    static void bindTo(MeterRegistry registry) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9).baseUnit("seconds")
                .description("Total user and system CPU time spent by the agent in seconds.").register(registry);
        Gauge.builder("process.resident.memory", ProcessMetrics::residentBytes).baseUnit("bytes")
                .description("Resident memory size of the agent in bytes.").register(registry);
    }

    /** Second field of /proc/self/statm, in pages; NaN where /proc is not there. */
    private static double residentBytes() {
        try {
            String[] f = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Long.parseLong(f[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
