package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.emit.LatestSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The agent's own RSS and CPU, read through OSHI, agree with the kernel's and survive a GC. */
class ProcessMetricsTest {
    @Test
    void residentMemoryMatchesTheKernelsVmRssWhateverThePageSize() throws Exception {
        PrometheusExposition e = new PrometheusExposition(new LatestSamples());
        System.gc(); // micrometer holds the meters' source weakly: it must still be there
        double rss = e.meters().get("process.resident.memory").gauge().value();
        long vmRssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
        assertThat(rss).isBetween(vmRssKb * 1024 * 0.5, vmRssKb * 1024 * 2.0);
        assertThat(e.meters().get("process.cpu").functionCounter().count()).isPositive();
    }
}
