package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;
import io.podwatch.collectors.exec.ProcessCommandRunner;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Allowlist;
import io.podwatch.core.process.ProcessingStage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continuous path wired as the agent wires it: Podman's event stream → container inventory →
 * {@link PostureCollector} checks on its own thread → finding events and sample batch → processing
 * stage → {@link PostureDetector} → alert; removing the container resolves it. The collector's own interval never elapses here, so
 * only the container event can have caused the check.
 */
class PosturePipelineIT {
    @Test
    void aStartedContainerIsCheckedAndAlertedAndItsRemovalResolves(@TempDir Path state) throws Exception {
        PodmanHarness.assumeAvailable();
        List<String> fired = new CopyOnWriteArrayList<>();
        List<String> resolved = new CopyOnWriteArrayList<>();
        Alerts alerts = new Alerts() {
            @Override
            public void fire(Alert alert) {
                fired.add(alert.labels().get("check") + "@" + alert.labels().get("container"));
            }

            @Override
            public void resolve(String name, Map<String, String> labels) {
                resolved.add(labels.get("check") + "@" + labels.get("container"));
            }
        };
        List<Managed> started = new ArrayList<>();
        try (PodmanHarness h = PodmanHarness.create()) {
            try {
                run(h, alerts, fired, resolved, state, started);
            } finally {
                // before the harness stops its service, so the events stream is not cut under us
                started.forEach(Managed::close);
            }
        }
    }

    private static void run(PodmanHarness h, Alerts alerts, List<String> fired, List<String> resolved, Path state,
                            List<Managed> started) throws Exception {
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        h.startService();
        PostureConfig config = new PostureConfig(true, Duration.ofHours(1), Duration.ofHours(1), Severity.HIGH, 30,
                Allowlist.none());
        PostureDetector detector = new PostureDetector(config.alertMinSeverity());
        ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(detector), List.of(), alerts, clock,
                1000, meters);
        Inventory inventory = new Inventory(clock);
        PodmanModule podman = PodmanModule.create(PodmanItKit.config(h, StatsSourceKind.API), state, inventory, stage,
                clock, meters);
        PostureCollector posture = new PostureCollector(new PostureScanner(podman.api(), HostFiles.real(),
                new ProcessCommandRunner(), config.allow(), config.unusedDays(), clock), inventory, config, clock);
        List<Managed> order = new ArrayList<>(List.of(stage));
        order.addAll(podman.managed());
        order.add(posture);
        for (Managed m : order) {
            m.start();
            started.add(0, m);
        }
        posture.collect(stage);

        h.podman("run", "-d", "--name", "evt", "--privileged", PodmanHarness.IMAGE, "sleep", "300");
        await().atMost(Duration.ofSeconds(30)).until(() -> fired.contains("PW-C-PRIVILEGED@evt"));
        assertThat(fired).contains("PW-C-ROOT-USER@evt").doesNotContain("PW-C-WRITABLE-ROOTFS@evt");

        h.podman("rm", "-f", "-t", "0", "evt");
        await().atMost(Duration.ofSeconds(30)).until(() -> resolved.contains("PW-C-PRIVILEGED@evt"));
    }
}
