package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.audit.enrich.EngineContainerNames;
import io.podwatch.collectors.audit.enrich.InventoryContainerNames;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.testing.AuditRules;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.model.Event;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.DefaultAuditRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attribution that short-lived processes and relative paths cannot evade, with the real auditd and
 * a real rootful Podman: {@code run --rm ... cat /etc/shadow} (cat, runc and conmon all gone by the
 * time the records are read), {@code exec CTR cat /etc/shadow} and {@code cd /etc && cat shadow}
 * inside a container each name the login user, the container and {@code /etc/shadow}.
 */
@Tag("integration")
class PodmanAttributionIT {
    static final Path LOG = Path.of("/var/log/audit/audit.log");
    static final long AUID = 4321;
    static final String KEY = "pweng-" + UUID.randomUUID().toString().substring(0, 8);
    static AuditRules rules;
    static PodmanHarness podman;
    static PodmanItKit kit;
    static AuditTrail trail;
    static final Sightings SIGHTINGS = Sightings.create(Clock.systemUTC());
    static final TrailHarness HARNESS = new TrailHarness();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Host.assume(true, "auditd", "auditctl", "podman");
        PodmanHarness.assumeAvailable();
        rules = new AuditRules().add("-w", "/etc/shadow", "-p", "r", "-k", KEY)
                .add("-a", "always,exit", "-F", "arch=b64", "-S", "execve", "-F", "auid=" + AUID, "-k", KEY);
        podman = PodmanHarness.create();
        podman.startService();
        kit = PodmanItKit.start(PodmanItKit.config(podman, StatsSourceKind.CGROUP), dir.resolve("state"), SIGHTINGS);
        EngineContainerNames names = new EngineContainerNames(SIGHTINGS.containers(), List.of(
                new InventoryContainerNames(new Inventory(Clock.systemUTC()), kit.module::learn, Clock.systemUTC(),
                        Duration.ofSeconds(1), 64)));
        trail = HARNESS.trail(LOG, dir.resolve("audit"), false, new AuditRuleSet(DefaultAuditRules.all()),
                Path.of("/proc"), names, SIGHTINGS.pids());
        trail.start();
        kit.module.tracker().relist();
    }

    @AfterAll
    static void stop() {
        if (trail != null) {
            trail.close();
        }
        if (kit != null) {
            kit.close();
        }
        if (podman != null) {
            podman.close();
        }
        if (rules != null) {
            rules.close();
        }
    }

    static List<String> podmanCmd(String... args) {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(podman.podmanArgs());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The shadow read attributed to container {@code name}, waiting for it. */


    static void assertAttributed(Event e, String name) {
        assertThat(e.fields()).containsEntry("user.audit.id", AUID).containsEntry("container.name", name)
                .containsEntry("file.path", List.of("/etc/shadow")).containsEntry("container.engine", "podman")
                .containsEntry("container.owner", "root");
        assertThat(e.container().name()).isEqualTo(name);
        assertThat(e.message()).contains("in container " + name);
    }

    @Test
    void aRunRmWhoseProcessesAreAllGoneIsStillAttributed() {
        String name = "pweng-rm-" + UUID.randomUUID().toString().substring(0, 6);
        AuditRules.asUser(AUID, podman.env(), podmanCmd("run", "--rm", "--name", name, "-v",
                "/etc/shadow:/etc/shadow:ro", PodmanHarness.IMAGE, "cat", "/etc/shadow"));
        assertAttributed(ShadowReads.in(HARNESS, name), name);
    }

    @Test
    void anExecIsAttributedToTheCallerAndTheContainer() {
        String name = "pweng-ex-" + UUID.randomUUID().toString().substring(0, 6);
        podman.podman("run", "-d", "--name", name, "-v", "/etc/shadow:/etc/shadow:ro", PodmanHarness.IMAGE, "sleep",
                "300");
        try {
            AuditRules.asUser(AUID, podman.env(), podmanCmd("exec", name, "cat", "/etc/shadow"));
            assertAttributed(ShadowReads.in(HARNESS, name), name);
        } finally {
            podman.podman("rm", "-f", "-t", "0", name);
        }
    }

    @Test
    void aRelativePathIsResolvedAgainstTheWorkingDirectory() {
        String name = "pweng-cd-" + UUID.randomUUID().toString().substring(0, 6);
        podman.podman("run", "-d", "--name", name, "-v", "/etc/shadow:/etc/shadow:ro", PodmanHarness.IMAGE, "sleep",
                "300");
        try {
            AuditRules.asUser(AUID, podman.env(), podmanCmd("exec", name, "sh", "-c", "cd /etc && cat shadow"));
            Event e = ShadowReads.in(HARNESS, name);
            assertAttributed(e, name);
            assertThat(e.fields()).containsEntry("process.working_directory", "/etc");
        } finally {
            podman.podman("rm", "-f", "-t", "0", name);
        }
    }
}
