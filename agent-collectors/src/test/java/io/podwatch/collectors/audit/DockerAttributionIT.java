package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.audit.enrich.EngineContainerNames;
import io.podwatch.collectors.audit.enrich.InventoryContainerNames;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.engine.docker.DockerEngine;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.podman.service.PodmanCommand;
import io.podwatch.collectors.testing.AuditRules;
import io.podwatch.collectors.testing.DockerHarness;
import io.podwatch.collectors.testing.Host;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.Event;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.DefaultAuditRules;
import io.podwatch.core.testing.RecordingEmitter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's audit gap closed, with the real auditd and a real {@code dockerd}: the container's
 * processes have no login uid, so the user comes from the {@code docker} client's exec (auid, argv)
 * correlated with the container — for {@code run --rm ... cat /etc/shadow}, {@code exec CTR cat
 * /etc/shadow} and {@code cd /etc && cat shadow}.
 */
@Tag("integration")
class DockerAttributionIT {
    static final Path LOG = Path.of("/var/log/audit/audit.log");
    static final long AUID = 4322;
    static final String KEY = "pweng-" + UUID.randomUUID().toString().substring(0, 8);
    static AuditRules rules;
    static DockerHarness docker;
    static PodmanModule engine;
    static final List<Managed> STARTED = new ArrayList<>();
    static AuditTrail trail;
    static final Sightings SIGHTINGS = Sightings.create(Clock.systemUTC());
    static final TrailHarness HARNESS = new TrailHarness();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Host.assume(true, "auditd", "auditctl");
        docker = DockerHarness.start();
        rules = new AuditRules().add("-w", "/etc/shadow", "-p", "r", "-k", KEY);
        // docs/engines.md: the docker client (who asked) and the runtime (which container an exec entered)
        for (String exe : List.of("/usr/bin/docker", "/usr/local/bin/docker", "/usr/sbin/runc", "/usr/bin/runc")) {
            if (java.nio.file.Files.isRegularFile(Path.of(exe))) {
                rules.add("-w", exe, "-p", "x", "-k", KEY);
            }
        }
        PodmanConfig base = new PodmanConfig(Optional.empty(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(4),
                StatsSourceKind.CGROUP, false, PodmanCommand.of("podman"), Duration.ofMinutes(1), 1000,
                Path.of("/sys/fs/cgroup"), Path.of("/proc"));
        engine = DockerEngine.create(base, Optional.of(URI.create(docker.socketUri())), List.of(), dir,
                new Inventory(Clock.systemUTC()), new RecordingEmitter(), Clock.systemUTC(), new SimpleMeterRegistry(),
                SIGHTINGS);
        for (Managed m : engine.managed()) {
            m.start();
            STARTED.add(0, m);
        }
        trail = HARNESS.trail(LOG, dir.resolve("audit"), false, new AuditRuleSet(DefaultAuditRules.all()),
                Path.of("/proc"), new EngineContainerNames(SIGHTINGS.containers(), List.of(new InventoryContainerNames(
                        new Inventory(Clock.systemUTC()), engine::learn, Clock.systemUTC(), Duration.ofSeconds(1), 64))),
                SIGHTINGS.pids());
        trail.start();
    }

    @AfterAll
    static void stop() {
        if (trail != null) {
            trail.close();
        }
        STARTED.forEach(Managed::close);
        if (docker != null) {
            docker.close();
        }
        if (rules != null) {
            rules.close();
        }
    }



    static void assertAttributed(Event e, String name, String source) {
        assertThat(e.fields()).as("%s", e.fields()).containsEntry("user.audit.id", AUID).containsEntry("user.audit.source", source)
                .containsEntry("container.name", name).containsEntry("file.path", List.of("/etc/shadow"))
                .containsEntry("container.engine", "docker").containsEntry("container.owner", "root");
        assertThat(e.container().name()).isEqualTo(name);
    }

    @Test
    void aRunRmIsAttributedToTheDockerClientsCaller() {
        String name = "pwd-rm-" + UUID.randomUUID().toString().substring(0, 6);
        AuditRules.asUser(AUID, Map.of(), docker.command("run", "--rm", "--network", "none", "--name", name, "-v",
                "/etc/shadow:/etc/shadow:ro", DockerHarness.IMAGE, "cat", "/etc/shadow"));
        Event e = ShadowReads.in(HARNESS, name);
        assertAttributed(e, name, "docker run");
        assertThat(e.fields()).containsEntry("container.started_by.audit.id", AUID)
                .hasEntrySatisfying("container.started_by.command", c -> assertThat((String) c).contains("run --rm"));
    }

    @Test
    void anExecIsAttributedToTheExecCaller() {
        String name = "pwd-ex-" + UUID.randomUUID().toString().substring(0, 6);
        docker.docker("run", "-d", "--network", "none", "--name", name, "-v", "/etc/shadow:/etc/shadow:ro",
                DockerHarness.IMAGE, "sleep", "300");
        try {
            AuditRules.asUser(AUID, Map.of(), docker.command("exec", name, "cat", "/etc/shadow"));
            Event e = ShadowReads.in(HARNESS, name);
            assertAttributed(e, name, "docker exec");
        } finally {
            docker.docker("rm", "-f", name);
        }
    }

    @Test
    void aRelativePathIsResolvedAgainstTheWorkingDirectory() {
        String name = "pwd-cd-" + UUID.randomUUID().toString().substring(0, 6);
        docker.docker("run", "-d", "--network", "none", "--name", name, "-v", "/etc/shadow:/etc/shadow:ro",
                DockerHarness.IMAGE, "sleep", "300");
        try {
            AuditRules.asUser(AUID, Map.of(), docker.command("exec", name, "sh", "-c", "cd /etc && cat shadow"));
            Event e = ShadowReads.in(HARNESS, name);
            assertAttributed(e, name, "docker exec");
            assertThat(e.fields()).containsEntry("process.working_directory", "/etc");
        } finally {
            docker.docker("rm", "-f", name);
        }
    }
}
