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
    void collectsNodeExporterNamedFamiliesFromThisHost() throws Exception {
        RecordingEmitter out = new RecordingEmitter();
        try (HostCollector c = new HostCollector(Clock.systemUTC(), FIXTURE)) {
            c.start();
            c.collect(out);
            c.collect(out);
        }
        SampleBatch b = out.lastBatch();
        assertThat(b.samples()).extracting(s -> s.metric().name())
                .contains("node_cpu_seconds_total", "node_memory_MemAvailable_bytes", "node_load1",
                        "node_network_receive_bytes_total", "node_boot_time_seconds", "node_filesystem_avail_bytes");
        assertThat(b.samples()).filteredOn(s -> s.metric().name().equals("node_filesystem_size_bytes"))
                .extracting(Sample::labelValues).noneMatch(l -> l.get(1).equals("overlay") || l.get(1).equals("proc"));
        assertThat(b.samples()).filteredOn(s -> s.metric().name().equals("node_network_receive_bytes_total"))
                .anyMatch(s -> s.label("device").equals("lo"));
    }
}
