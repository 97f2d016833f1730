package io.podwatch.collectors.engine;

import static io.podwatch.collectors.podman.PodmanItKit.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.RootlessHarness;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real rootless Podman on this cgroup v1 VM, found by discovery on the user's well-known socket:
 * its containers have no cgroup of their own and Podman refuses {@code stats}, so the counters come
 * from the container's process tree in /proc, labelled with the user as owner.
 */
@Tag("integration")
class RootlessEngineIT {
    @TempDir
    static Path dir;
    static RootlessHarness user;
    static EngineDiscovery discovery;
    static final RecordingEmitter OUT = new RecordingEmitter();

    @BeforeAll
    static void start() throws Exception {
        user = RootlessHarness.create();
        user.startService();
        discovery = DiscoveryKit.discovery(dir, OUT, Sightings.create(Clock.systemUTC()));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            discovery.collect(OUT);
            return discovery.modules().stream().anyMatch(m -> m.engineRef().owner().equals(RootlessHarness.USER));
        });
    }

    @AfterAll
    static void stop() {
        if (discovery != null) {
            discovery.close();
        }
        if (user != null) {
            user.close();
        }
    }

    static SampleBatch collect() {
        discovery.collect(OUT);
        return OUT.batches.stream().filter(b -> b.source().equals("podman-" + RootlessHarness.USER))
                .reduce((a, b) -> b).orElseThrow();
    }

    static List<Event> events(String name, String action) {
        return OUT.events.stream().filter(e -> e.action().equals(action) && e.container() != null
                && e.container().name().equals(name)).toList();
    }

    @Test
    void aRootlessBurnerIsMeasuredFromProcWithItsOwner() throws Exception {
        user.runDetached(List.of("--name", "rburner"), "while :; do :; done");
        try {
            long pid = Long.parseLong(user.podman("inspect", "--format", "{{.State.Pid}}", "rburner").trim());
            await().atMost(Duration.ofSeconds(15)).until(() -> value(collect(), ContainerMetrics.CPU, "rburner").isPresent());
            double c0 = value(collect(), ContainerMetrics.CPU, "rburner").getAsDouble();
            double t0 = Host.processCpuSeconds(pid);
            long w0 = System.nanoTime();
            await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(10))
                    .until(() -> System.nanoTime() - w0 > 3_000_000_000L);
            SampleBatch b = collect();
            double wall = (System.nanoTime() - w0) / 1e9;
            double cores = (value(b, ContainerMetrics.CPU, "rburner").getAsDouble() - c0) / wall;
            double truth = (Host.processCpuSeconds(pid) - t0) / wall;
            System.out.printf("rootless cpu rate: counter %.3f, process %.3f cores%n", cores, truth);
            assertThat(cores).isCloseTo(truth, within(0.1 + 0.1 * truth));
            Sample source = b.samples().stream().filter(s -> s.metric() == ContainerMetrics.STATS_SOURCE
                    && s.label("name").equals("rburner")).findFirst().orElseThrow();
            assertThat(source.label("source")).isEqualTo("proc");
            assertThat(source.label("engine")).isEqualTo("podman");
            assertThat(source.label("owner")).isEqualTo(RootlessHarness.USER);
            assertThat(value(b, ContainerMetrics.MEMORY_RSS, "rburner").orElse(0)).isGreaterThan(0);
            assertThat(value(b, ContainerMetrics.PROCESSES, "rburner").orElse(0)).isGreaterThanOrEqualTo(1);
        } finally {
            user.podman("rm", "-f", "-t", "0", "rburner");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> collect().samples().stream()
                .noneMatch(s -> s.label("name").equals("rburner")));
    }

    @Test
    void aRootlessCrashLoopDiesWithItsExitCode() {
        user.runDetached(List.of("--name", "rlooper", "--restart", "always"), "sleep 1; exit 3");
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> events("rlooper", ContainerEvents.DIED).size() >= 3);
            assertThat(events("rlooper", ContainerEvents.DIED)).allSatisfy(e -> assertThat(e.fields())
                    .containsEntry(ContainerEvents.EXIT_CODE, 3).containsEntry(ContainerEvents.OWNER, RootlessHarness.USER));
        } finally {
            user.podman("rm", "-f", "-t", "0", "rlooper");
        }
    }
}
