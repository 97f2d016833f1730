package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.InventoryContainerNames;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.collectors.testing.AuditRules;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.rules.audit.AuditRuleBuilder;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.DefaultAuditRules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real auditd of this machine: rules added with auditctl (and removed), an auid set
 * through /proc/self/loginuid in a child, real commands on the host and in real Podman containers.
 */
@Tag("integration")
class AuditdIT {
    static final Path LOG = Path.of("/var/log/audit/audit.log");
    static final long AUID = 1234;
    static final List<List<String>> RULES = List.of(
            List.of("-w", "/etc/shadow", "-p", "r", "-k", "pwit-shadow"),
            List.of("-w", "/etc/gshadow", "-p", "r", "-k", "pwit-rot"),
            List.of("-a", "always,exit", "-F", "arch=b64", "-S", "execve", "-F", "auid=" + AUID, "-k", "pwit-exec"));
    static final String SCRIPT = "cat /etc/shadow > /dev/null; echo started; sleep 60";
    /** The rules this test added, removed again by their exact spec. */
    static final AuditRules ADDED = new AuditRules();

    @TempDir
    Path dir;

    final TrailHarness harness = new TrailHarness();
    final AuditRuleSet rules = new AuditRuleSet(concat(DefaultAuditRules.all(),
            AuditRuleBuilder.rule("pwit", Severity.LOW, "test").keys(List.of("pwit-exec", "pwit-rot")).build()));

    static <T> List<T> concat(List<T> a, T b) {
        List<T> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }

    @BeforeAll
    static void auditd() {
        Host.assume(true, "auditd", "auditctl", "ausearch", "pgrep");
        if (Host.run(Map.of(), List.of("sh", "-c", "pgrep -x auditd || true")).isBlank()) {
            Host.run(Map.of(), List.of("auditd"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(LOG));
        }
        for (List<String> r : RULES) {
            ADDED.add(r.toArray(String[]::new));
        }
    }

    @AfterAll
    static void removeRules() {
        ADDED.close();
        assertThat(Host.run(Map.of(), List.of("auditctl", "-l"))).doesNotContain("pwit-");
    }

    /** Runs {@code script} with login uid {@value #AUID}, as a login session would. */
    static void asUser(String script) {
        Host.run(Map.of(), List.of("sh", "-c", "echo " + AUID + " > /proc/self/loginuid && " + script));
    }

    Optional<Event> find(String key, java.util.function.Predicate<Event> p) {
        return harness.events.stream().filter(e -> e.fields().get("auditd.key") instanceof List<?> l && l.contains(key))
                .filter(p).findFirst();
    }

    @Test
    void hostCommandIsAttributedToItsLoginUser() throws Exception {
        AuditTrail t = harness.trail(LOG, dir, false, rules, Path.of("/proc"), ContainerNames.none());
        t.start();
        try {
            asUser("exec cat /etc/shadow > /dev/null");
            await().atMost(Duration.ofSeconds(20)).until(() -> find("pwit-shadow", e -> true).isPresent());
            Event e = find("pwit-shadow", x -> true).orElseThrow();
            assertThat(e.fields()).containsEntry("user.audit.id", AUID).containsEntry("user.id", 0L)
                    .containsEntry("user.name", "root").containsEntry("process.executable", "/usr/bin/cat")
                    .containsEntry("auditd.data.syscall", "openat").containsEntry("file.path", List.of("/etc/shadow"))
                    .containsEntry("rule.name", List.of("sensitive-file-read")).doesNotContainKey("container.id");
            assertThat(e.severity()).isEqualTo(Severity.HIGH);
            assertThat(e.container()).isNull();
        } finally {
            t.close();
        }
    }

    @Test
    void longAndNonAsciiArgumentsComeBackExactly() throws Exception {
        String longArg = "x".repeat(9000) + "-end";
        String utf = "héllo wörld ✓";
        AuditTrail t = harness.trail(LOG, dir, false, rules, Path.of("/proc"), ContainerNames.none());
        t.start();
        try {
            asUser("exec /bin/echo " + longArg + " '" + utf + "' > /dev/null");
            await().atMost(Duration.ofSeconds(20)).until(() -> find("pwit-exec",
                    e -> "/usr/bin/echo".equals(e.fields().get("process.executable"))).isPresent());
            Event e = find("pwit-exec", x -> "/usr/bin/echo".equals(x.fields().get("process.executable"))).orElseThrow();
            assertThat(e.fields().get("process.args")).isEqualTo(List.of("/bin/echo", longArg, utf));
            assertThat(e.fields()).containsEntry("user.audit.id", AUID).containsEntry("event.outcome", "success");
        } finally {
            t.close();
        }
    }

    @Test
    void containerProcessesAreAttributedToTheirContainerAndStarter() throws Exception {
        PodmanHarness.assumeAvailable();
        try (PodmanHarness podman = PodmanHarness.create()) {
            String[] id = new String[1];
            podman.startService();
            PodmanClient client = new PodmanClient(URI.create(podman.socketUri()), Duration.ofSeconds(10),
                    ApiObserver.NONE);
            // as the agent wires it: names from the inventory, a new container learned through the Podman feed
            Inventory inventory = new Inventory(java.time.Clock.systemUTC());
            ContainerTracker tracker = new ContainerTracker(client, inventory.feed("podman", "root", 64),
                    new io.podwatch.core.testing.RecordingEmitter(), java.time.Clock.systemUTC());
            ContainerNames names = new InventoryContainerNames(inventory, tracker::learn, java.time.Clock.systemUTC(),
                    Duration.ofSeconds(6), 64);
            AuditTrail t = harness.trail(LOG, dir, false, rules, Path.of("/proc"), names);
            t.start();
            try {
                List<String> cmd = new ArrayList<>(List.of("podman"));
                cmd.addAll(podman.podmanArgs());
                // the host's shadow file mounted in (the watch is on its inode), read from inside
                cmd.addAll(List.of("run", "-d", "--name", "pwit-box", "-v", "/etc/shadow:/etc/shadow:ro",
                        PodmanHarness.IMAGE, "sh", "-c", SCRIPT));
                List<String> withAuid = new ArrayList<>(List.of("sh", "-c",
                        "echo " + AUID + " > /proc/self/loginuid && exec \"$@\"", "sh"));
                withAuid.addAll(cmd);
                id[0] = Host.run(podman.env(), withAuid).lines().reduce((a, b) -> b).orElseThrow().trim();
                // the container's first process: exec'd by runc with the starter's login uid
                String pid = podman.podman("inspect", "--format", "{{.State.Pid}}", id[0]).trim();
                String cgroup = Files.readString(Path.of("/proc", pid, "cgroup"));
                await().atMost(Duration.ofSeconds(30)).failFast(() -> false).until(() -> find("pwit-exec",
                        e -> id[0].equals(e.fields().get("container.id"))).isPresent()
                        || harness.events.stream().anyMatch(e -> "/bin/busybox".equals(e.fields().get("process.executable"))));
                assertThat(find("pwit-exec", e -> id[0].equals(e.fields().get("container.id"))))
                        .as("pid %s cgroup %s busybox events %s", pid, cgroup, harness.events.stream()
                                .filter(e -> "/bin/busybox".equals(e.fields().get("process.executable")))
                                .map(Event::fields).toList())
                        .isPresent();
                // runc init, which becomes the container's first process, is the container's too now;
                // the exec of the container's command is the one to look at
                await().atMost(Duration.ofSeconds(30)).until(() -> find("pwit-exec", x -> id[0].equals(
                        x.fields().get("container.id")) && "/bin/busybox".equals(x.fields().get("process.executable")))
                        .isPresent());
                Event e = find("pwit-exec", x -> id[0].equals(x.fields().get("container.id"))
                        && "/bin/busybox".equals(x.fields().get("process.executable"))).orElseThrow();
                assertThat(e.fields()).containsEntry("user.audit.id", AUID).containsEntry("container.name", "pwit-box")
                        .containsEntry("process.executable", "/bin/busybox")
                        .containsEntry("process.args", List.of("sh", "-c", SCRIPT));
                await().atMost(Duration.ofSeconds(30)).until(() -> find("pwit-shadow",
                        x -> id[0].equals(x.fields().get("container.id"))).isPresent());
                Event read = find("pwit-shadow", x -> id[0].equals(x.fields().get("container.id"))).orElseThrow();
                assertThat(read.fields()).containsEntry("user.audit.id", AUID)
                        .containsEntry("rule.name", List.of("sensitive-file-read"))
                        .containsEntry("container.name", "pwit-box");
                assertThat(e.container().name()).isEqualTo("pwit-box");
                // inspected through the real libpod API: image, and the starter's login uid from the init pid
                assertThat(e.fields()).containsEntry("container.image.name", PodmanHarness.IMAGE)
                        .containsEntry("container.started_by.audit.id", AUID);
            } finally {
                t.close();
                client.close();
                podman.podman("rm", "-f", "-t", "0", "pwit-box");
            }
        }
    }

    @Test
    void rotationByAuditdAndAnAgentRestartMidStreamLoseAndRepeatNothing() throws Exception {
        long since = java.time.Instant.now().getEpochSecond();
        Path state = dir.resolve("state");
        AuditTrail t = harness.trail(LOG, state, false, rules, Path.of("/proc"), ContainerNames.none());
        t.start();
        String pid = Host.run(Map.of(), List.of("pgrep", "-x", "auditd")).lines().findFirst().orElseThrow();
        for (int i = 0; i < 60; i++) {
            asUser("exec cat /etc/gshadow > /dev/null");
            if (i == 20) {
                Host.run(Map.of(), List.of("kill", "-USR1", pid)); // auditd rotates audit.log → audit.log.1
            }
            if (i == 35) {
                t.close(); // restart while events keep coming
                t = harness.trail(LOG, state, false, rules, Path.of("/proc"), ContainerNames.none());
                t.start();
            }
            if (i == 45) {
                Host.run(Map.of(), List.of("kill", "-USR1", pid));
            }
        }
        AuditTrail last = t;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ausearchSerials("pwit-rot", since).size() >= 60);
            Set<Long> expected = ausearchSerials("pwit-rot", since);
            await().atMost(Duration.ofSeconds(30)).until(() -> ours("pwit-rot").containsAll(expected));
            List<Long> got = harness.events.stream()
                    .filter(e -> e.fields().get("auditd.key") instanceof List<?> l && l.contains("pwit-rot"))
                    .map(e -> (Long) e.fields().get("auditd.sequence")).toList();
            List<String> who = new ArrayList<>();
            for (int k = 0; k < harness.events.size(); k++) {
                who.add(harness.events.get(k).fields().get("auditd.sequence") + "@" + harness.handedBy.get(k)
                        + (harness.events.get(k).fields().get("auditd.records")));
            }
            assertThat(got).as(String.join(" ", who)).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(got)).containsAll(expected);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(60);
        } finally {
            last.close();
        }
    }

    Set<Long> ours(String key) {
        return harness.events.stream().filter(e -> e.fields().get("auditd.key") instanceof List<?> l && l.contains(key))
                .map(e -> (Long) e.fields().get("auditd.sequence")).collect(Collectors.toSet());
    }

    /** Serials of this run's events for {@code key} in the live log and its rotated siblings. */
    static Set<Long> ausearchSerials(String key, long sinceEpochSecond) {
        String raw = Host.run(Map.of(), List.of("sh", "-c", "ausearch --input-logs -k " + key + " --raw -ua " + AUID + " || true"));
        Set<Long> out = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("type=SYSCALL msg=audit\\((\\d+)\\.\\d+:(\\d+)\\)").matcher(raw);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) >= sinceEpochSecond) {
                out.add(Long.parseLong(m.group(2)));
            }
        }
        return out;
    }
}
