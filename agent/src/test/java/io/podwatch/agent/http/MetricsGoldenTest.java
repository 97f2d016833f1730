package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.core.model.AuditMetrics;
import io.podwatch.collectors.host.HostMetrics;
import io.podwatch.collectors.podman.container.InspectJson;
import io.podwatch.collectors.podman.stats.ContainerSamples;
import io.podwatch.collectors.podman.stats.ContainerStats;
import io.podwatch.collectors.podman.stats.NetStats;
import io.podwatch.collectors.posture.Catalog;
import io.podwatch.collectors.posture.PostureMetrics;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.Outcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code /metrics} text for a fixed set of inputs — a container inspected from a Podman
 * fixture with fixed stats, host, audit, posture and anomaly samples, label values that need
 * escaping — equals {@code src/test/resources/golden/metrics.txt}. A change to names, labels,
 * HELP/TYPE lines, ordering or escaping shows up as a diff of that file; rewrite it with
 * {@code -Dpodwatch.updateGolden=true} when the change is intended.
 */
class MetricsGoldenTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "metrics.txt");
    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void theExpositionOfFixedInputsIsTheGoldenFile() throws Exception {
        String text = new String(new SampleTextRenderer().render(inputs()), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("podwatch.updateGolden")) {
            Files.writeString(GOLDEN, text);
        }
        assertThat(Files.readString(GOLDEN))
                .as("golden /metrics changed: run mvn test -pl agent -Dtest=MetricsGoldenTest -Dpodwatch.updateGolden=true")
                .isEqualTo(text);
    }

    static List<SampleBatch> inputs() throws Exception {
        ContainerInfo burner;
        try (InputStream in = MetricsGoldenTest.class.getResourceAsStream("/fixtures/podman/podman4/inspect-burner.json")) {
            burner = InspectJson.fromInspect(new ObjectMapper().readTree(in), "podman", "root");
        }
        ContainerStats stats = new ContainerStats(burner.key().id(), 12.5, 10.0, 2.5, 64 << 20, 48 << 20, 40 << 20,
                8 << 20, 4096, 8192, 3, 2048, 1000, 10, 0.25, 0,
                List.of(new NetStats("eth0", 1500, 10, 0, 0, 900, 8, 0, 0)));
        List<Sample> podman = new ArrayList<>();
        ContainerSamples.add(podman, burner, stats, 1, T);
        List<Sample> host = List.of(HostMetrics.CPU_SECONDS.sample(1234.5, "0", "user"),
                HostMetrics.MEM_AVAILABLE.sample(2L << 30),
                HostMetrics.FS_AVAIL.sample(10L << 30, "/dev/vda1", "ext4", "/var/lib/\"odd\" \\ mount\n"));
        List<Sample> audit = List.of(AuditMetrics.EVENTS.sample(7, "SYSCALL", "cmds"),
                AuditMetrics.EVENTS.sample(1, "EXECVE", "ключ \"quoted\""), AuditMetrics.KERNEL_LOST.sample(5));
        ContainerRef ref = new ContainerRef(burner.key().id(), burner.name(), burner.image(), burner.pod());
        List<Finding> findings = List.of(
                Finding.of(Catalog.byId("PW-C-PRIVILEGED").orElseThrow(), Outcome.fail("HostConfig.Privileged"), ref),
                Finding.of(Catalog.byId("PW-H-AUDIT-DISABLED").orElseThrow(), Outcome.fail("auditctl -s: enabled 0"), null)
                        .accepted("audit is off on this test host"));
        return List.of(new SampleBatch("podman", T, podman), new SampleBatch("host", T, host),
                new SampleBatch("audit-status", T, audit),
                PostureMetrics.batch(findings, List.of(ref), T),
                new SampleBatch("anomaly/podman", T, List.of(ContainerAnomalyDetector.SCORE.sample(0.125, burner.name(), "cpu"))));
    }
}
