package io.podwatch.collectors.engine.docker;

import static io.podwatch.collectors.podman.PodmanItKit.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.podman.service.PodmanCommand;
import io.podwatch.collectors.testing.DockerHarness;
import io.podwatch.collectors.testing.Host;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.RecordingEmitter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker engine against a real {@code dockerd} of its own: stats from cgroup files and the API, events, OOM. */
@Tag("integration")
class DockerEngineIT {
    @TempDir
    static Path dir;
    static DockerHarness docker;
    static final RecordingEmitter OUT = new RecordingEmitter();
    static final List<Managed> STARTED = new ArrayList<>();
    static PodmanModule cgroup;
    static PodmanModule api;

    static PodmanConfig config(StatsSourceKind kind) {
        return new PodmanConfig(Optional.empty(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(4), kind, false,
                PodmanCommand.of("podman"), Duration.ofMinutes(1), 1000, Path.of("/sys/fs/cgroup"), Path.of("/proc"));
    }

    @BeforeAll
    static void start() throws Exception {
        docker = DockerHarness.start();
        Optional<URI> socket = Optional.of(URI.create(docker.socketUri()));
        cgroup = DockerEngine.create(config(StatsSourceKind.CGROUP), socket, List.of(), dir, new Inventory(Clock.systemUTC()),
                OUT, Clock.systemUTC(), new SimpleMeterRegistry(), Sightings.create(Clock.systemUTC()));
        api = DockerEngine.create(config(StatsSourceKind.API), socket, List.of(), dir, new Inventory(Clock.systemUTC()),
                new RecordingEmitter(), Clock.systemUTC(), new SimpleMeterRegistry(), Sightings.create(Clock.systemUTC()));
        for (Managed m : cgroup.managed()) {
            m.start();
            STARTED.add(0, m);
        }
    }

    @AfterAll
    static void stop() {
        if (cgroup != null) {
            cgroup.collector().close();
            api.collector().close();
            api.managed().forEach(Managed::close);
        }
        STARTED.forEach(Managed::close);
        if (docker != null) {
            docker.close();
        }
    }

    static SampleBatch collect(PodmanModule m) throws Exception {
        RecordingEmitter out = m == cgroup ? OUT : new RecordingEmitter();
        m.collector().collect(out);
        return out.lastBatch();
    }

    static List<Event> events(String name, String action) {
        return OUT.events.stream().filter(e -> e.action().equals(action) && e.container() != null
                && e.container().name().equals(name)).toList();
    }

    @Test
    void aBurnerShowsOneCoreFromTheCgroupFilesAndTheApiWithEngineAndOwner() throws Exception {
        docker.runDetached(List.of("--name", "dburner"), "while :; do :; done");
        try {
            long pid = Long.parseLong(docker.docker("inspect", "--format", "{{.State.Pid}}", "dburner").trim());
            for (PodmanModule m : List.of(cgroup, api)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> value(collect(m), ContainerMetrics.CPU, "dburner").isPresent());
                double c0 = value(collect(m), ContainerMetrics.CPU, "dburner").getAsDouble();
                double truth0 = Host.processCpuSeconds(pid);
                long t0 = System.nanoTime();
                await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(10))
                        .until(() -> System.nanoTime() - t0 > 3_000_000_000L);
                SampleBatch b = collect(m);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cores = (value(b, ContainerMetrics.CPU, "dburner").getAsDouble() - c0) / wall;
                double truth = (Host.processCpuSeconds(pid) - truth0) / wall;
                System.out.printf("docker cpu rate %s: counter %.3f, process %.3f cores%n", m.collector().sourceName(),
                        cores, truth);
                // the shared VM's 2 cores: the burner gets one core when quiet, less under load
                assertThat(cores).as(m.collector().sourceName()).isCloseTo(truth, within(0.1 + 0.1 * truth));
                Sample s = b.samples().stream().filter(x -> x.metric() == ContainerMetrics.CPU
                        && x.label("name").equals("dburner")).findFirst().orElseThrow();
                assertThat(s.label("engine")).isEqualTo("docker");
                assertThat(s.label("owner")).isEqualTo("root");
                assertThat(value(b, ContainerMetrics.PROCESSES, "dburner").orElse(0)).isGreaterThanOrEqualTo(1);
            }
        } finally {
            docker.docker("rm", "-f", "dburner");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> collect(cgroup).samples().stream()
                .noneMatch(s -> s.label("name").equals("dburner")));
    }

    @Test
    void aCrashLoopDiesWithItsExitCode() throws Exception {
        docker.runDetached(List.of("--name", "dlooper", "--restart", "always"), "sleep 1; exit 3");
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> events("dlooper", ContainerEvents.DIED).size() >= 3);
            assertThat(events("dlooper", ContainerEvents.DIED)).allSatisfy(e -> {
                assertThat(e.fields()).containsEntry(ContainerEvents.EXIT_CODE, 3)
                        .containsEntry(ContainerEvents.ENGINE, "docker").containsEntry(ContainerEvents.OWNER, "root");
                assertThat(e.source()).isEqualTo("docker");
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(value(collect(cgroup), ContainerMetrics.EXIT_CODE, "dlooper")).hasValue(3));
        } finally {
            docker.docker("rm", "-f", "dlooper");
        }
    }

    @Test
    void anOomKillIsReportedOnce() throws Exception {
        docker.runDetached(List.of("--name", "doomer", "-m", "32m", "--memory-swap", "32m"),
                "sleep 1; x=a; while :; do x=$x$x; done");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events("doomer", ContainerEvents.DIED).isEmpty());
            assertThat(events("doomer", ContainerEvents.OOM)).hasSize(1);
            assertThat(events("doomer", ContainerEvents.DIED).get(0).fields()).containsEntry(ContainerEvents.EXIT_CODE, 137);
            assertThat(value(collect(cgroup), ContainerMetrics.OOM_EVENTS, "doomer")).hasValue(1);
        } finally {
            docker.docker("rm", "-f", "doomer");
        }
    }
}
