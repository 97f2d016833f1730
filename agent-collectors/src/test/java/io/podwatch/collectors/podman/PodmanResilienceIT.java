package io.podwatch.collectors.podman;

import io.podwatch.core.model.ContainerMetrics;
import static io.podwatch.collectors.podman.PodmanItKit.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.service.OwnedPodmanService;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.model.ContainerEvents;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Podman service that is absent, killed or restarted is survived without restarting podwatch. */
class PodmanResilienceIT {
    private static PodmanHarness h;

    @BeforeAll
    static void setUp() throws Exception {
        h = PodmanHarness.create();
        h.runDetached(List.of("--name", "steady"), "sleep 1000");
    }

    @AfterAll
    static void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void serviceKilledAndRestartedMidRunIsSurvived() throws Exception {
        h.startService();
        try (PodmanItKit kit = PodmanItKit.start(PodmanItKit.config(h, StatsSourceKind.API), h.dir().resolve("s1"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> value(kit.collect(), ContainerMetrics.CPU, "steady").isPresent());
            assertThat(kit.meters.get("podwatch.podman.up").gauge().value()).isEqualTo(1);

            h.stopService();
            assertThatThrownBy(kit::collect).isInstanceOf(IOException.class).hasMessageContaining(h.socketPath().toString());
            assertThat(kit.meters.get("podwatch.podman.up").gauge().value()).isZero();

            h.startService();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> value(kit.collect(), ContainerMetrics.CPU, "steady").isPresent());
            await().atMost(Duration.ofSeconds(40)).until(() -> kit.counter("podwatch.podman.events.reconnects") >= 1);

            // the reconnected stream delivers again
            h.runDetached(List.of("--name", "after-restart"), "sleep 1000");
            await().atMost(Duration.ofSeconds(40)).until(() -> kit.out.events.stream().anyMatch(
                    e -> e.action().equals(ContainerEvents.START) && e.container().name().equals("after-restart")));
        } finally {
            h.podman("rm", "-f", "-t", "0", "after-restart");
        }
    }

    @Test
    void collectorStartedBeforeTheSocketExistsStartsCollectingOnceItAppears() throws Exception {
        h.stopService();
        try (PodmanItKit kit = PodmanItKit.start(PodmanItKit.config(h, StatsSourceKind.AUTO), h.dir().resolve("s2"))) {
            assertThatThrownBy(kit::collect).isInstanceOf(IOException.class);

            h.startService();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> value(kit.collect(), ContainerMetrics.CPU, "steady").isPresent());
            assertThat(kit.module.collector().sourceName()).isEqualTo("cgroup");
        }
    }

    @Test
    void withNoSocketAnsweringPodwatchRunsAndOwnsTheServiceItself() throws Exception {
        h.stopService();
        PodmanConfig config = ownServiceConfig();
        long firstPid;
        try (PodmanItKit kit = PodmanItKit.start(config, h.dir().resolve("own"))) {
            OwnedPodmanService service = kit.module.ownedService().orElseThrow();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> value(kit.collect(), ContainerMetrics.CPU, "steady").isPresent());
            firstPid = service.pid().orElseThrow();

            // it dies: podwatch restarts it and collection recovers
            Host.run(Map.of(), List.of("kill", "-9", Long.toString(firstPid)));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.pid().isPresent() && service.pid().getAsLong() != firstPid);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> value(kit.collect(), ContainerMetrics.CPU, "steady").isPresent());
            assertThat(kit.counter("podwatch.podman.service.restarts")).isGreaterThanOrEqualTo(1);
            long secondPid = service.pid().getAsLong();
            kit.close();
            assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive).orElse(false)).as("stopped on close").isFalse();
        }
    }

    /**
     * Ctrl-C on {@code podwatch run} in a terminal signals the whole foreground group, the agent's own
     * Podman service included, while the agent stops: its exit is part of the stop, not a failure to
     * warn about ("restarting in 2000 ms" at every Ctrl-C).
     */
    @Test
    void theServiceDyingOfTheStopsCtrlCIsNotReportedAsAFailure() throws Exception {
        h.stopService();
        PodmanConfig config = ownServiceConfig();
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                OwnedPodmanService.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try (PodmanItKit kit = PodmanItKit.start(config, h.dir().resolve("own-ctrl-c"))) {
            OwnedPodmanService service = kit.module.ownedService().orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> service.pid().isPresent());
            long pid = service.pid().getAsLong();
            // out of the terminal's reach: a session of its own, so Ctrl-C does not reach it in the first place
            assertThat(session(pid)).isNotEqualTo(session(ProcessHandle.current().pid()));
            Host.run(Map.of(), List.of("kill", "-INT", Long.toString(pid)));
            await().atMost(Duration.ofSeconds(10)).until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            kit.close(); // the agent's stop, a moment after the signal
            assertThat(seen.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
        } finally {
            log.detachAppender(seen);
        }
    }

    /** No socket answers (the harness's service stopped, a candidate nobody listens on): podwatch may run its own. */
    private static PodmanConfig ownServiceConfig() {
        URI nobody = URI.create("unix://" + h.dir().resolve("nobody.sock"));
        PodmanConfig c = PodmanItKit.config(h, StatsSourceKind.API).withSocket(Optional.empty())
                .withCandidates(List.of(nobody));
        return new PodmanConfig(c.socket(), c.candidates(), c.interval(), c.timeout(), c.statsSource(), true,
                c.command(), c.relistInterval(), c.maxContainers(), c.cgroupRoot(), c.procRoot());
    }

    /** Field 6 of /proc/PID/stat (after the parenthesised command, which may hold spaces). */
    private static long session(long pid) throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }
}
