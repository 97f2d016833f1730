package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.posture.Allowlist;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingEvents;
import io.podwatch.core.testing.RecordingEmitter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real containers, each following every recommendation but one, checked through the real libpod
 * API: each must be reported with exactly the one expected check, the compliant one with none.
 */
class PostureContainersIT {
    /** Every recommendation: non-root, read-only, no capabilities, limits, no-new-privileges, bounded restarts. */
    static final List<List<String>> GOOD = List.of(List.of("--user", "1000"), List.of("--read-only"),
            List.of("--cap-drop", "all"), List.of("-m", "64m"), List.of("--cpus", "0.5"), List.of("--pids-limit", "64"),
            List.of("--security-opt", "no-new-privileges"), List.of("--restart", "on-failure:3"));

    static PodmanHarness harness;
    static PodmanClient api;
    static PostureScanner scanner;
    static ContainerContext context;

    @BeforeAll
    static void start() throws Exception {
        PodmanHarness.assumeAvailable();
        harness = PodmanHarness.create();
        harness.startService();
        api = new PodmanClient(URI.create(harness.socketUri()), Duration.ofSeconds(20), ApiObserver.NONE);
        scanner = new PostureScanner(api, HostFiles.real(), new ProcessCommandRunner(), Allowlist.none(), 30,
                Clock.systemUTC());
        context = scanner.context(scanner.engineInfo());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    /** Runs the container with GOOD minus {@code drop} (flag and its value) plus {@code add}. */
    static String run(String name, List<String> drop, List<String> add, String image, String script) {
        List<String> args = new ArrayList<>(List.of("-d", "--name", name));
        for (List<String> option : GOOD) {
            if (!drop.contains(option.get(0))) {
                args.addAll(option);
            }
        }
        args.addAll(add);
        args.addAll(List.of(image, "sh", "-c", script));
        List<String> cmd = new ArrayList<>(List.of("run"));
        cmd.addAll(args);
        return harness.podman(cmd.toArray(String[]::new));
    }

    static List<String> checks(String nameOrId) throws IOException {
        // a fresh process table each time: containers started since the last read must be seen
        return scanner.container(nameOrId, context.fresh()).orElseThrow().findings().stream()
                .map(f -> f.check().id()).toList();
    }

    @Test
    void eachBadSettingIsReportedWithExactlyItsCheck() throws Exception {
        String dir = harness.dir().toString();
        Files.createDirectories(harness.dir().resolve("data"));
        Files.writeString(harness.dir().resolve("podman.sock"), "");
        int freePort = freePort();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        String sleep = "sleep 300";
        run("good", List.of(), List.of(), PodmanHarness.IMAGE, sleep);
        expected.put("good", List.of());
        run("root", List.of("--user"), List.of(), PodmanHarness.IMAGE, sleep);
        expected.put("root", List.of("PW-C-ROOT-USER"));
        run("privileged", List.of("--cap-drop"), List.of("--privileged"), PodmanHarness.IMAGE, sleep);
        expected.put("privileged", List.of("PW-C-PRIVILEGED"));
        run("capadd", List.of(), List.of("--cap-add", "SYS_ADMIN"), PodmanHarness.IMAGE, sleep);
        expected.put("capadd", List.of("PW-C-CAP-ADD"));
        run("hostnet", List.of(), List.of("--network", "host"), PodmanHarness.IMAGE, sleep);
        expected.put("hostnet", List.of("PW-C-HOST-NETWORK"));
        run("hostpid", List.of(), List.of("--pid", "host"), PodmanHarness.IMAGE, sleep);
        expected.put("hostpid", List.of("PW-C-HOST-PID"));
        run("hostipc", List.of(), List.of("--ipc", "host"), PodmanHarness.IMAGE, sleep);
        expected.put("hostipc", List.of("PW-C-HOST-IPC"));
        run("hostuts", List.of(), List.of("--uts", "host"), PodmanHarness.IMAGE, sleep);
        expected.put("hostuts", List.of("PW-C-HOST-UTS"));
        run("userns", List.of(), List.of("--userns", "host"), PodmanHarness.IMAGE, sleep);
        expected.put("userns", List.of("PW-C-HOST-USERNS"));
        run("etcrw", List.of(), List.of("-v", "/etc:/etc"), PodmanHarness.IMAGE, sleep);
        expected.put("etcrw", List.of("PW-C-SENSITIVE-MOUNT-RW"));
        run("usrro", List.of(), List.of("-v", "/usr:/hostusr:ro"), PodmanHarness.IMAGE, sleep);
        expected.put("usrro", List.of("PW-C-SENSITIVE-MOUNT"));
        run("sock", List.of(), List.of("-v", dir + "/podman.sock:/run/podman/podman.sock:ro"), PodmanHarness.IMAGE, sleep);
        expected.put("sock", List.of("PW-C-ENGINE-SOCKET"));
        run("rwvol", List.of(), List.of("-v", dir + "/data:/data"), PodmanHarness.IMAGE, sleep);
        expected.put("rwvol", List.of("PW-C-RW-VOLUME"));
        run("device", List.of(), List.of("--device", "/dev/zero"), PodmanHarness.IMAGE, sleep);
        expected.put("device", List.of("PW-C-HOST-DEVICE"));
        run("port", List.of(), List.of("-p", "0.0.0.0:" + freePort + ":80"), PodmanHarness.IMAGE, sleep);
        expected.put("port", List.of("PW-C-PORT-ALL-INTERFACES"));
        run("nolimits", List.of("-m", "--cpus", "--pids-limit"), List.of("--pids-limit", "-1"), PodmanHarness.IMAGE, sleep);
        expected.put("nolimits", List.of("PW-C-NO-MEMORY-LIMIT", "PW-C-NO-CPU-LIMIT", "PW-C-NO-PIDS-LIMIT"));
        run("always", List.of("--restart"), List.of("--restart", "always"), PodmanHarness.IMAGE, sleep);
        expected.put("always", List.of("PW-C-RESTART-UNBOUNDED"));
        run("rwroot", List.of("--read-only"), List.of(), PodmanHarness.IMAGE, sleep);
        expected.put("rwroot", List.of("PW-C-WRITABLE-ROOTFS"));
        run("seccomp", List.of(), List.of("--security-opt", "seccomp=unconfined"), PodmanHarness.IMAGE, sleep);
        expected.put("seccomp", List.of("PW-C-SECCOMP-UNCONFINED"));
        run("nnp", List.of("--security-opt"), List.of(), PodmanHarness.IMAGE, sleep);
        expected.put("nnp", List.of("PW-C-NO-NEW-PRIVILEGES"));
        run("selinux", List.of(), List.of("--security-opt", "label=disable"), PodmanHarness.IMAGE, sleep);
        expected.put("selinux", List.of("PW-C-SELINUX-DISABLED"));
        run("shortname", List.of(), List.of(), "podwatch-test", sleep);
        expected.put("shortname", List.of("PW-C-IMAGE-SHORT-NAME"));
        run("runlabel", List.of(), List.of("--label", "RUN=podman run --privileged --net=host IMAGE"), PodmanHarness.IMAGE, sleep);
        expected.put("runlabel", List.of("PW-C-RUNLABEL"));
        run("sshd", List.of(), List.of("--tmpfs", "/work:rw,exec,mode=1777"), PodmanHarness.IMAGE,
                "printf '#!/bin/sh\\nsleep 300\\n' > /work/sshd; chmod +x /work/sshd; exec /work/sshd");
        expected.put("sshd", List.of("PW-C-SSHD"));

        // the sshd case needs its shell to have exec'd the script before the check looks
        await().atMost(Duration.ofSeconds(15)).until(() -> checks("sshd").contains("PW-C-SSHD"));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            actual.put(name, checks(name));
        }
        expected.forEach((name, checks) ->
                assertThat(actual.get(name)).as(name).containsExactlyInAnyOrderElementsOf(checks));
    }

    @Test
    void recreatingAContainerProperlyResolvesItsFindings() throws Exception {
        run("fixme", List.of("--user", "--read-only"), List.of("--privileged", "--restart", "always"),
                PodmanHarness.IMAGE, "sleep 300");
        List<Finding> before = scanner.container("fixme", context.fresh()).orElseThrow().findings();
        assertThat(before).extracting(f -> f.check().id()).contains("PW-C-PRIVILEGED", "PW-C-ROOT-USER",
                "PW-C-WRITABLE-ROOTFS");
        harness.podman("rm", "-f", "-t", "0", "fixme");
        run("fixme", List.of(), List.of(), PodmanHarness.IMAGE, "sleep 300");
        assertThat(checks("fixme")).isEmpty();
    }

    @Test
    void collectorResolvesFindingsOfAProperlyRecreatedContainer() throws Exception {
        PostureConfig config = new PostureConfig(true, Duration.ofMinutes(10), Duration.ofHours(1),
                io.podwatch.core.model.Severity.HIGH, 30, Allowlist.none());
        RecordingEmitter out = new RecordingEmitter();
        Inventory inventory = new Inventory(Clock.systemUTC());
        ContainerTracker tracker = new ContainerTracker(api, inventory.feed("podman", "root", 100),
                new RecordingEmitter(), Clock.systemUTC());
        try (PostureCollector collector = new PostureCollector(scanner, inventory, config, Clock.systemUTC())) {
            collector.start();
            tracker.relist();
            collector.collect(out);
            run("redo", List.of("--user"), List.of("--network", "host"), PodmanHarness.IMAGE, "sleep 300");
            // what the events stream does when the container starts: the inventory tells the collector
            tracker.relist();
            await().atMost(Duration.ofSeconds(20)).until(() -> keys(out, FindingEvents.RAISED)
                    .containsAll(List.of("PW-C-HOST-NETWORK@redo", "PW-C-ROOT-USER@redo")));
            harness.podman("rm", "-f", "-t", "0", "redo");
            run("redo", List.of(), List.of(), PodmanHarness.IMAGE, "sleep 300");
            tracker.relist();
            collector.collect(out);
            assertThat(keys(out, FindingEvents.RESOLVED)).contains("PW-C-HOST-NETWORK@redo", "PW-C-ROOT-USER@redo");
            assertThat(collector.findings()).noneMatch(f -> f.container() != null && f.container().name().equals("redo"));
            assertThat(out.lastBatch().samples()).anyMatch(s -> s.metric() == PostureMetrics.SCORE
                    && s.label("name").equals("redo") && s.value() == 100);
        }
    }

    @Test
    void oneShotCheckCoversHostAndContainers() throws Exception {
        run("oneshot", List.of("--read-only"), List.of(), PodmanHarness.IMAGE, "sleep 300");
        List<Finding> all = scanner.once(null);
        assertThat(all).anyMatch(f -> f.container() == null && f.check().id().equals("PW-H-ROOTFUL-ENGINE"));
        assertThat(all).anyMatch(f -> f.container() != null && f.container().name().equals("oneshot")
                && f.check().id().equals("PW-C-WRITABLE-ROOTFS"));
        assertThat(scanner.once("oneshot")).extracting(f -> f.check().id()).containsExactly("PW-C-WRITABLE-ROOTFS");
    }

    static List<String> keys(RecordingEmitter out, String action) {
        return out.events.stream().filter(e -> e.action().equals(action))
                .map(e -> e.fields().get("rule.id") + "@" + (e.container() == null ? "host" : e.container().name()))
                .toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            return s.getLocalPort();
        }
    }
}
