package io.podwatch.collectors.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.audit.AuditComponents;
import io.podwatch.collectors.audit.AuditKeys;
import io.podwatch.collectors.audit.enrich.InventoryContainerNames;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.collectors.volume.audit.VolumeAuditRules;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.Event;
import io.podwatch.core.rules.audit.AuditRuleKeys;
import io.podwatch.core.rules.volume.VolumeDetector;
import io.podwatch.core.volume.VolumeFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume watcher against real Podman containers and volumes, the real inotify and, where it
 * runs, the real auditd (its own rules, removed after): what issue 10's "must show" lists.
 */
@Tag("integration")
class VolumeWatcherIT {
    static final long AUID = 1234;
    static PodmanHarness podman;

    @TempDir
    Path state;

    @BeforeAll
    static void podman() throws Exception {
        PodmanHarness.assumeAvailable();
        podman = PodmanHarness.create();
        podman.startService();
    }

    @AfterAll
    static void cleanup() {
        if (podman != null) {
            podman.close();
        }
    }

    static VolumeWatcherConfig settings(boolean inotify, boolean audit, Duration scanOnly) {
        return new VolumeWatcherConfig(true, inotify, audit, Duration.ofSeconds(1), Duration.ofHours(6), 0.1, scanOnly,
                8L << 20, 0, 64L << 20, 600, Duration.ofMillis(500), Duration.ofHours(1), 30);
    }

    /** A watcher (and optionally the audit trail) feeding {@code p}, reconciling every second. */
    final class Running implements AutoCloseable {
        final VolumeWatcher watcher;
        final CollectorRunner runner;
        final AuditComponents audit;
        final PodmanModule module;

        Running(VolumePipeline p, VolumeWatcherConfig s, boolean withAudit) throws Exception {
            VolumeAuditRules rules = withAudit ? new VolumeAuditRules(new ProcessCommandRunner(), "auditctl") : null;
            // the real inventory, fed by the real Podman feed (list, inspect, events) as in the agent
            Inventory inventory = new Inventory(Clock.systemUTC());
            PodmanConfig pc = PodmanItKit.config(podman, PodmanConfig.StatsSourceKind.CGROUP);
            pc = new PodmanConfig(pc.socket(), pc.candidates(), Duration.ofSeconds(1), Duration.ofMillis(900),
                    pc.statsSource(), pc.ownService(), pc.command(), pc.relistInterval(), pc.maxContainers(),
                    pc.cgroupRoot(), pc.procRoot());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            module = PodmanModule.create(pc, state, inventory, p, Clock.systemUTC(), meters);
            for (Managed m : module.managed()) {
                m.start();
            }
            watcher = new VolumeWatcher(s, new InventoryMountScope(inventory), p.directory, rules, p, Clock.systemUTC());
            runner = new CollectorRunner(p, Clock.systemUTC(), meters);
            runner.add(module.collector(), module.schedule());
            runner.add(watcher, new CollectorRunner.Schedule(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            if (withAudit) {
                List<Setting<?>> all = new ArrayList<>(AuditKeys.all());
                all.addAll(AuditRuleKeys.all());
                Config c = ConfigReader.read("it.yaml", "audit:\n  enabled: true\n  poll-interval: 50ms\n", all,
                        new HostEnv(true, "/", Map.of()));
                audit = AuditComponents.create(c, state, p, Clock.systemUTC(),
                        new InventoryContainerNames(inventory, module.tracker()::learn, Clock.systemUTC(),
                                Duration.ofSeconds(5), 64));
                audit.trail().start();
            } else {
                audit = null;
            }
            watcher.start();
            runner.start();
        }

        @Override
        public void close() {
            runner.close();
            watcher.close();
            if (audit != null) {
                audit.trail().close();
            }
            module.collector().close();
            module.managed().forEach(Managed::close);
        }
    }

    static String volume(String name) {
        podman.podman("volume", "create", name);
        return podman.podman("volume", "inspect", "--format", "{{.Mountpoint}}", name).trim();
    }

    static String run(String name, String... mounts) {
        List<String> args = new ArrayList<>(List.of("--name", name));
        for (String m : mounts) {
            args.add("-v");
            args.add(m);
        }
        return podman.runDetached(args, "sleep 600").trim();
    }

    /** {@code podman exec} run by a process whose login uid is {@value #AUID}, as a login session would. */
    static void execAsUser(String container, String script) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "echo " + AUID + " > /proc/self/loginuid && exec \"$@\"",
                "sh", "podman"));
        cmd.addAll(podman.podmanArgs());
        cmd.addAll(List.of("exec", container, "sh", "-c", script));
        Host.run(podman.env(), cmd);
    }

    static void awaitWatched(VolumePipeline p, String source) {
        await().atMost(Duration.ofSeconds(20)).until(() -> p.directory.all().values().stream()
                .anyMatch(v -> v.source().equals(source)));
    }

    static void rm(String... containers) {
        for (String c : containers) {
            try {
                podman.podman("rm", "-f", "-t", "0", c);
            } catch (RuntimeException e) {
                // best effort
            }
        }
    }

    /** True when auditd runs (started here if installed but not running, as AuditdIT does). */
    static boolean auditd() {
        if (Host.which("auditd").isEmpty() || Host.which("auditctl").isEmpty() || Host.which("pgrep").isEmpty()) {
            return false;
        }
        if (Host.run(Map.of(), List.of("sh", "-c", "pgrep -x auditd || true")).isBlank()) {
            Host.run(Map.of(), List.of("auditd"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(Path.of("/var/log/audit/audit.log")));
        }
        return true;
    }

    @Test
    void setuidFilePlantedFromAContainerAlertsWithinTwoSecondsWithLoginUserContainerAndHostPath() throws Exception {
        Host.assume(true, "auditd", "auditctl", "pgrep");
        auditd();
        String src = volume("pwv-suid");
        try (VolumePipeline p = new VolumePipeline(Duration.ofMillis(1500));
             Running r = new Running(p, settings(true, true, Duration.ofMinutes(1)), true)) {
            run("pwv-suid-box", "pwv-suid:/data");
            awaitWatched(p, src);
            await().atMost(Duration.ofSeconds(20)).until(() -> Host.run(Map.of(), List.of("auditctl", "-l"))
                    .contains("-w " + src + " -p wa -k podwatch-vol:"));
            execAsUser("pwv-suid-box", "cp /bin/busybox /data/evil && chmod u+s /data/evil");
            long done = System.nanoTime();
            String host = src + "/evil";
            await().atMost(Duration.ofSeconds(10)).until(() -> p.alert(VolumeDetector.SETUID,
                    a -> host.equals(a.labels().get("path"))).isPresent());
            VolumePipeline.Fired f = p.alert(VolumeDetector.SETUID, a -> host.equals(a.labels().get("path")))
                    .orElseThrow();
            Alert a = f.alert();
            assertThat(a.annotations()).as("events %s", p.events.stream().filter(e -> String.valueOf(
                    e.fields().get("file.path")).contains("evil")).map(e -> e.source() + " " + e.action() + " "
                    + e.fields()).toList()).containsKey("sha256");
            assertThat((f.nanos() - done) / 1e9).as("seconds from chmod to alert").isLessThan(2.0);
            assertThat(a.annotations()).containsEntry("auid", Long.toString(AUID))
                    .containsEntry("container", "pwv-suid-box").containsEntry("host_path", host)
                    .containsEntry("volume", "pwv-suid").containsKey("sha256");
            assertThat(a.annotations().get("file_mode")).startsWith("4");
            assertThat(a.container().name()).isEqualTo("pwv-suid-box");
            // the busybox copy is a new ELF executable too
            assertThat(p.alert(VolumeDetector.EXECUTABLE, x -> host.equals(x.labels().get("path")))).isPresent();
            r.close();
            assertThat(Host.run(Map.of(), List.of("auditctl", "-l"))).doesNotContain("podwatch-vol:");
        } finally {
            rm("pwv-suid-box");
            podman.podman("volume", "rm", "-f", "pwv-suid");
        }
    }

    @Test
    void containerStartedLaterSharedVolumeAndWriteToReadOnlyMount() throws Exception {
        boolean withAudit = auditd();
        String src = volume("pwv-shared");
        try (VolumePipeline p = new VolumePipeline(Duration.ofMillis(500));
             Running r = new Running(p, settings(true, withAudit, Duration.ofMinutes(1)), withAudit)) {
            Thread.sleep(1500); // the agent is up and has watched nothing yet
            run("pwv-writer", "pwv-shared:/data");
            run("pwv-reader", "pwv-shared:/ro:ro");
            await().atMost(Duration.ofSeconds(20)).until(() -> p.directory.all().values().stream()
                    .anyMatch(v -> v.source().equals(src) && v.mounts().size() == 2));
            if (withAudit) {
                await().atMost(Duration.ofSeconds(20)).until(() -> Host.run(Map.of(), List.of("auditctl", "-l"))
                        .contains("-w " + src + " -p wa -k podwatch-vol:"));
            }
            podman.podman("exec", "pwv-writer", "sh", "-c", "echo hello > /data/note.txt");
            await().atMost(Duration.ofSeconds(5)).until(() -> !p.volumeEvents(e ->
                    (src + "/note.txt").equals(e.fields().get(VolumeFields.PATH))).isEmpty());
            Event e = p.volumeEvents(x -> (src + "/note.txt").equals(x.fields().get(VolumeFields.PATH))).get(0);
            assertThat(e.fields()).containsEntry(VolumeFields.VOLUME_NAME, "pwv-shared")
                    .containsEntry(VolumeFields.CONTAINER_NAMES, List.of("pwv-writer"));
            assertThat(e.container().name()).isEqualTo("pwv-writer");
            assertThat(e.category()).isEqualTo("file");
            if (withAudit) {
                try {
                    podman.podman("exec", "pwv-reader", "sh", "-c", "echo x > /ro/sneaky");
                } catch (RuntimeException expected) {
                    // Read-only file system
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> p.alert(VolumeDetector.READ_ONLY,
                        a -> "pwv-reader".equals(a.labels().get("container"))).isPresent());
                assertThat(p.alert(VolumeDetector.READ_ONLY, a -> true).orElseThrow().alert().labels())
                        .containsEntry("volume", "pwv-shared");
            }
        } finally {
            rm("pwv-writer", "pwv-reader");
            podman.podman("volume", "rm", "-f", "pwv-shared");
        }
    }

    @Test
    void volumeRemovedAndRecreatedWithTheSameNameIsWatchedAgain() throws Exception {
        String src = volume("pwv-again");
        try (VolumePipeline p = new VolumePipeline(Duration.ZERO);
             Running r = new Running(p, settings(true, false, Duration.ofMinutes(1)), false)) {
            run("pwv-again-1", "pwv-again:/data");
            awaitWatched(p, src);
            podman.podman("exec", "pwv-again-1", "sh", "-c", "echo 1 > /data/first");
            await().atMost(Duration.ofSeconds(5)).until(() -> !p.volumeEvents(e ->
                    (src + "/first").equals(e.fields().get(VolumeFields.PATH))).isEmpty());
            rm("pwv-again-1");
            podman.podman("volume", "rm", "pwv-again");
            String src2 = volume("pwv-again");
            run("pwv-again-2", "pwv-again:/data");
            await().atMost(Duration.ofSeconds(20)).until(() -> p.directory.all().values().stream()
                    .anyMatch(v -> v.source().equals(src2) && v.mounts().stream()
                            .anyMatch(m -> m.container().name().equals("pwv-again-2"))));
            podman.podman("exec", "pwv-again-2", "sh", "-c", "echo 2 > /data/second");
            await().atMost(Duration.ofSeconds(5)).until(() -> !p.volumeEvents(e ->
                    (src2 + "/second").equals(e.fields().get(VolumeFields.PATH))).isEmpty());
        } finally {
            rm("pwv-again-1", "pwv-again-2");
            podman.podman("volume", "rm", "-f", "pwv-again");
        }
    }

    @Test
    void hundredThousandCreationsWithTheReaderStalledAreAllAccountedFor() throws Exception {
        String src = volume("pwv-burst");
        try (VolumePipeline p = new VolumePipeline(Duration.ZERO);
             Running r = new Running(p, settings(true, false, Duration.ofMinutes(1)), false)) {
            run("pwv-burst-box", "pwv-burst:/data");
            awaitWatched(p, src);
            Path dir = Files.createDirectory(Path.of(src, "burst"));
            await().atMost(Duration.ofSeconds(5)).until(() -> r.watcher.watches() >= 2);
            r.watcher.stallReaderFor(Duration.ofSeconds(4));
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                Files.createFile(dir.resolve("f" + i));
                if (i % 10_000 == 0) {
                    // on a loaded machine creating the files may take longer than 4 s: the reader stays
                    // stalled until 4 s after the last batch, so the kernel queue (16,384) must overflow
                    r.watcher.stallReaderFor(Duration.ofSeconds(4));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> seen(p, src + "/burst/f").size() >= n);
            assertThat(seen(p, src + "/burst/f")).hasSize(n);
            assertThat(r.watcher.overflows() + r.watcher.ringLost()).as("the loss was noticed").isPositive();
            assertThat(r.watcher.rescans("lost-events")).isPositive();
            assertThat(p.volumeEvents(e -> e.action().equals(VolumeFields.RESCANNED))).isNotEmpty();

            // files created right after mkdir of new subdirectories (reader not stalled)
            for (int d = 0; d < 100; d++) {
                Path sub = Files.createDirectory(Path.of(src, "new" + d));
                for (int i = 0; i < 100; i++) {
                    Files.createFile(sub.resolve("g" + i));
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> seen(p, src + "/new").stream()
                    .filter(s -> s.contains("/g")).count() >= 10_000);
        } finally {
            rm("pwv-burst-box");
            podman.podman("volume", "rm", "-f", "pwv-burst");
        }
    }

    static Set<String> seen(VolumePipeline p, String prefix) {
        return p.events.stream().filter(e -> "volume".equals(e.source()))
                .filter(e -> !e.action().equals(VolumeFields.DELETED))
                .map(e -> String.valueOf(e.fields().get(VolumeFields.PATH))).filter(s -> s.startsWith(prefix))
                .collect(Collectors.toSet());
    }

    @Test
    void chmodSetuidWithMtimeUnchangedIsCaughtByTheScanWithInotifyAndAuditOff() throws Exception {
        String src = volume("pwv-scan");
        try (VolumePipeline p = new VolumePipeline(Duration.ZERO);
             Running r = new Running(p, settings(false, false, Duration.ofSeconds(5)), false)) {
            run("pwv-scan-box", "pwv-scan:/data");
            podman.podman("exec", "pwv-scan-box", "sh", "-c", "echo '#!/bin/sh' > /data/tool && chmod 755 /data/tool"
                    + " && touch -d '2020-01-01 00:00:00' /data/tool");
            awaitWatched(p, src);
            Thread.sleep(1000); // the baseline holds the file as it is
            podman.podman("exec", "pwv-scan-box", "sh", "-c", "chmod u+s /data/tool");
            assertThat(Files.getLastModifiedTime(Path.of(src, "tool")).toMillis()).isLessThan(1600000000000L);
            await().atMost(Duration.ofSeconds(15)).until(() -> p.alert(VolumeDetector.SETUID,
                    a -> (src + "/tool").equals(a.labels().get("path"))).isPresent());
            assertThat(p.alert(VolumeDetector.SETUID, a -> true).orElseThrow().alert().annotations())
                    .containsEntry("observed_by", "scan").containsEntry("file_mode", "4755")
                    .containsEntry("header", "script").containsKey("sha256");
        } finally {
            rm("pwv-scan-box");
            podman.podman("volume", "rm", "-f", "pwv-scan");
        }
    }
}
