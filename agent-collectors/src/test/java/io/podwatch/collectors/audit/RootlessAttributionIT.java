package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EngineContainerNames;
import io.podwatch.collectors.audit.enrich.InventoryContainerNames;
import io.podwatch.collectors.engine.DiscoveryKit;
import io.podwatch.collectors.engine.EngineDiscovery;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.testing.AuditRules;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.RootlessHarness;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.model.Event;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.DefaultAuditRules;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attribution for a rootless user's Podman on cgroup v1, where the container's processes have no
 * cgroup of their own: they are found through their conmon ancestor (or the runc execs in the
 * audit stream). The user cannot read the host's /etc/shadow, so each attempt is a failed open —
 * still the sensitive-file rule's business.
 */
@Tag("integration")
class RootlessAttributionIT {
    static final Path LOG = Path.of("/var/log/audit/audit.log");
    static final long AUID = 4323;
    static final String KEY = "pweng-" + UUID.randomUUID().toString().substring(0, 8);
    static AuditRules rules;
    static RootlessHarness user;
    static EngineDiscovery discovery;
    static AuditTrail trail;
    static final Sightings SIGHTINGS = Sightings.create(Clock.systemUTC());
    static final TrailHarness HARNESS = new TrailHarness();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Host.assume(true, "auditd", "auditctl");
        user = RootlessHarness.create();
        user.startService();
        rules = new AuditRules().add("-w", "/etc/shadow", "-p", "r", "-k", KEY)
                .add("-a", "always,exit", "-F", "arch=b64", "-S", "execve", "-F", "auid=" + AUID, "-k", KEY);
        discovery = DiscoveryKit.discovery(dir, new RecordingEmitter(), SIGHTINGS);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            discovery.collect(new RecordingEmitter());
            return !discovery.modules().isEmpty();
        });
        PodmanModule m = discovery.modules().stream()
                .filter(x -> x.engineRef().owner().equals(RootlessHarness.USER)).findFirst().orElseThrow();
        ContainerNames api = new InventoryContainerNames(new Inventory(Clock.systemUTC()), m::learn,
                Clock.systemUTC(), Duration.ofSeconds(1), 64);
        trail = HARNESS.trail(LOG, dir.resolve("audit"), false, new AuditRuleSet(DefaultAuditRules.all()),
                Path.of("/proc"), new EngineContainerNames(SIGHTINGS.containers(), List.of(api)), SIGHTINGS.pids());
        trail.start();
    }

    @AfterAll
    static void stop() {
        if (trail != null) {
            trail.close();
        }
        if (discovery != null) {
            discovery.close();
        }
        if (user != null) {
            user.close();
        }
        if (rules != null) {
            rules.close();
        }
    }



    static void assertAttributed(Event e, String name) {
        assertThat(e.fields()).as("%s", e.fields()).containsEntry("user.audit.id", AUID)
                .containsEntry("container.name", name).containsEntry("file.path", List.of("/etc/shadow"))
                .containsEntry("container.engine", "podman").containsEntry("container.owner", RootlessHarness.USER);
        assertThat(e.container().name()).isEqualTo(name);
    }

    @Test
    void aRunRmIsAttributed() {
        String name = "pwr-rm-" + UUID.randomUUID().toString().substring(0, 6);
        AuditRules.asUser(AUID, Map.of(), shell(user.command("run", "--rm", "--network", "none", "--name", name, "-v",
                "/etc/shadow:/etc/shadow:ro", RootlessHarness.IMAGE, "cat", "/etc/shadow")));
        assertAttributed(ShadowReads.in(HARNESS, name), name);
    }

    @Test
    void anExecAndARelativePathAreAttributed() {
        String name = "pwr-ex-" + UUID.randomUUID().toString().substring(0, 6);
        user.podman("run", "-d", "--network", "none", "--name", name, "-v", "/etc/shadow:/etc/shadow:ro",
                RootlessHarness.IMAGE, "sleep", "300");
        try {
            AuditRules.asUser(AUID, Map.of(), shell(user.command("exec", name, "cat", "/etc/shadow")));
            assertAttributed(ShadowReads.in(HARNESS, name), name);
            HARNESS.events.clear();
            AuditRules.asUser(AUID, Map.of(), shell(user.command("exec", name, "sh", "-c", "cd /etc && cat shadow")));
            Event e = ShadowReads.in(HARNESS, name);
            assertAttributed(e, name);
            assertThat(e.fields()).containsEntry("process.working_directory", "/etc");
        } finally {
            user.podman("rm", "-f", "-t", "0", name);
        }
    }

    /** The command, exit status ignored: the user may not read the host's shadow file, and cat says so. */
    static List<String> shell(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            sb.append('\'').append(a.replace("'", "'\\''")).append("' ");
        }
        return List.of("sh", "-c", sb + "|| true");
    }
}
