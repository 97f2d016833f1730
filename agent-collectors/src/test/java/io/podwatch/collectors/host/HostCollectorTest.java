package io.podwatch.collectors.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class HostCollectorTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/host/netdev/proc-net-dev.txt");
    /** A /proc of this VM's files (net/dev, meminfo, pressure, sys/kernel) kept as fixtures. */
    static final Path PROC = Path.of("src/test/resources/fixtures/host/proc");

    @Test
    void parsesEveryInterfaceOfProcNetDev() throws Exception {
        var all = NetDev.parse("""
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:  123456     789    1    2    0     0          0         0   654321     987    3    0    0     0       0          0
                  eth0: 9000000000 5000 0 7 0 0 0 0 42 6 0 0 0 0 0 0
                """);
        assertThat(all).containsExactly(
                new NetDev.Counters("lo", 123456, 789, 1, 2, 654321, 987, 3),
                new NetDev.Counters("eth0", 9_000_000_000L, 5000, 0, 7, 42, 6, 0));
        assertThat(NetDev.parse(Files.readString(FIXTURE))).isNotEmpty()
                .allSatisfy(c -> assertThat(c.device()).isNotBlank());
    }

    @Test
    void meminfoAndPressureAreReadAsNodeExporterDoes() {
        java.util.List<Sample> out = new java.util.ArrayList<>();
        ProcFacts.meminfo("MemTotal:        8000000 kB\nMemFree:          100 kB\nBuffers:  2 kB\nCached: 3 kB\nSReclaimable: 4 kB\nHugePages_Total: 0\n", out);
        assertThat(out).extracting(s -> s.metric().name() + "=" + s.value()).containsExactlyInAnyOrder(
                "node_memory_MemFree_bytes=102400.0", "node_memory_Buffers_bytes=2048.0", "node_memory_Cached_bytes=3072.0",
                "node_memory_SReclaimable_bytes=4096.0");
        out.clear();
        ProcFacts.pressure("memory", "some avg10=0.00 avg60=0.00 avg300=0.00 total=2500000\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=1000\n", out);
        ProcFacts.pressure("cpu", "some avg10=1.00 avg60=0.00 avg300=0.00 total=7\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n", out);
        ProcFacts.pressure("irq", "full avg10=0.00 avg60=0.00 avg300=0.00 total=3000000\n", out);
        assertThat(out).extracting(s -> s.metric().name() + "=" + s.value()).containsExactly(
                "node_pressure_memory_waiting_seconds_total=2.5", "node_pressure_memory_stalled_seconds_total=0.001",
                "node_pressure_cpu_waiting_seconds_total=7.0E-6", "node_pressure_irq_stalled_seconds_total=3.0");
    }

    @Test
    void collectsNodeExporterNamedFamiliesFromThisHost() throws Exception {
        RecordingEmitter out = new RecordingEmitter();
        try (HostCollector c = new HostCollector(Clock.systemUTC(), PROC)) {
            c.start();
            c.collect(out);
            c.collect(out);
        }
        SampleBatch b = out.lastBatch();
        assertThat(b.samples()).extracting(s -> s.metric().name())
                .contains("node_cpu_seconds_total", "node_memory_MemAvailable_bytes", "node_load1",
                        "node_network_receive_bytes_total", "node_boot_time_seconds", "node_filesystem_avail_bytes",
                        "node_uname_info", "node_time_seconds", "node_memory_MemFree_bytes", "node_memory_Cached_bytes",
                        "node_pressure_cpu_waiting_seconds_total", "node_pressure_io_stalled_seconds_total");
        assertThat(b.samples()).filteredOn(s -> s.metric().name().equals("node_uname_info")).singleElement()
                .satisfies(s -> assertThat(s.labelValues()).containsExactly("(none)", "x86_64", "fixture-host",
                        "6.1.0-fixture-amd64", "Linux", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.0 (2026-01-01)"));
        assertThat(b.samples()).filteredOn(s -> s.metric().name().equals("node_filesystem_size_bytes"))
                .extracting(Sample::labelValues).noneMatch(l -> l.get(1).equals("overlay") || l.get(1).equals("proc"));
        assertThat(b.samples()).filteredOn(s -> s.metric().name().equals("node_network_receive_bytes_total"))
                .anyMatch(s -> s.label("device").equals("lo"));
    }
}
