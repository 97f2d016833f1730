package io.podwatch.collectors.podman;

import static org.assertj.core.api.Assertions.assertThat;
import io.podwatch.core.inventory.Inventory;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.service.PodmanCommand;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.testing.RecordingEmitter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle contract: no I/O before start, named threads, idempotent bounded close, nothing leaked. */
class PodmanModuleTest {
    @TempDir
    Path dir;

    private PodmanConfig config(Optional<URI> socket, boolean own) {
        return new PodmanConfig(socket, List.of(URI.create("unix://" + dir.resolve("none.sock"))), Duration.ofSeconds(5),
                Duration.ofSeconds(1), StatsSourceKind.AUTO, own, PodmanCommand.of("/nonexistent/podman"),
                Duration.ofMinutes(1), 100, dir, dir);
    }

    @Test
    void startsNamedThreadsAndClosesThemIdempotently() throws Exception {
        PodmanModule m = PodmanModule.create(config(Optional.of(URI.create("unix://" + dir.resolve("absent.sock"))), false),
                dir, new Inventory(Clock.systemUTC()), new RecordingEmitter(), Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(m.ownedService()).as("a configured socket is never replaced by our own service").isEmpty();
        assertThat(podwatchThreads()).doesNotContain("podwatch-podman-events");

        for (Managed c : m.managed()) {
            c.start();
        }
        assertThat(podwatchThreads()).contains("podwatch-podman-events");

        long t0 = System.nanoTime();
        for (Managed c : reverse(m.managed())) {
            c.close();
            c.close();
        }
        m.collector().close();
        m.collector().close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(2)).until(() -> podwatchThreads().isEmpty());
    }

    @Test
    void withoutPodmanInstalledNoServiceIsStartedAndCloseStillWorks() throws Exception {
        PodmanModule m = PodmanModule.create(config(Optional.empty(), true), dir, new Inventory(Clock.systemUTC()),
                new RecordingEmitter(), Clock.systemUTC(), new SimpleMeterRegistry());
        Managed service = m.ownedService().orElseThrow();
        service.start();
        assertThat(m.ownedService().orElseThrow().ownedSocket()).isEmpty();
        service.close();
        service.close();
    }

    @Test
    void closeWithoutStartIsFine() {
        PodmanModule m = PodmanModule.create(config(Optional.empty(), true), dir, new Inventory(Clock.systemUTC()),
                new RecordingEmitter(), Clock.systemUTC(), new SimpleMeterRegistry());
        m.managed().forEach(Managed::close);
        m.collector().close();
    }

    private static List<Managed> reverse(List<Managed> in) {
        List<Managed> out = new java.util.ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<String> podwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("podwatch-podman")).toList();
    }
}
