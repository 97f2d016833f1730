package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.collectors.podman.FakePodmanApi;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Allowlist;
import io.podwatch.core.posture.FindingEvents;
import io.podwatch.core.testing.MutableClock;
import io.podwatch.core.testing.RecordingEmitter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.core.inventory.Inventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostureCollectorTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final FakePodmanApi api = new FakePodmanApi();
    final RecordingEmitter out = new RecordingEmitter();
    final PostureConfig config = new PostureConfig(true, Duration.ofMinutes(10), Duration.ofHours(1), Severity.HIGH, 30,
            Allowlist.none());
    final CountingCommands commands = new CountingCommands();
    final Inventory inventory = new Inventory(clock);
    final ContainerTracker tracker = new ContainerTracker(api, inventory.feed("podman", "root", 100),
            new RecordingEmitter(), clock);
    final PostureCollector collector = new PostureCollector(
            new PostureScanner(api, new HostFiles(Fixtures.dir("host/hardened")), commands, Allowlist.none(), 30, clock),
            inventory, config, clock);

    /** What the agent does: Podman's feed keeps the inventory current, the collector reads it. */
    void scan() throws Exception {
        tracker.relist();
        collector.collect(out);
    }

    @AfterEach
    void close() {
        collector.close();
        collector.close();
    }

    static JsonNode listEntry(String id, String name) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("Id", id).put("Image", "localhost/podwatch-test:latest").put("State", "running").putArray("Names").add(name);
        return n;
    }

    void serve(String fixture) {
        JsonNode doc = Fixtures.json("inspect-5.x/" + fixture + ".json");
        api.list.clear();
        api.inspect.clear();
        api.with(listEntry(doc.path("Id").asText(), doc.path("Name").asText()), doc);
    }

    @Test
    void fixingAContainerResolvesItsFindingsAndRemovingItDropsItsMetrics() throws Exception {
        serve("privileged");
        String id = api.list.get(0).path("Id").asText();
        scan();
        assertThat(raised()).contains("PW-C-PRIVILEGED@privileged", "PW-C-ROOT-USER@privileged");
        assertThat(value(out.lastBatch(), "podwatch_posture_finding", "PW-C-PRIVILEGED")).isEqualTo(1.0);
        // 100 - privileged 40 - root 20 - memory 10 - cpu, rootfs, no-new-privileges 5 each
        assertThat(value(out.lastBatch(), "podwatch_posture_score", "")).isEqualTo(15.0);

        out.events.clear();
        api.inspect.put(id, ((ObjectNode) Fixtures.json("inspect-5.x/good.json")).put("Id", id).put("Name", "privileged"));
        // the configuration changed under the same run: a re-create would change it; here the feed re-inspects
        inventory.feeds().get(0).remove(id);
        scan();
        assertThat(resolved()).contains("PW-C-PRIVILEGED@privileged", "PW-C-ROOT-USER@privileged");
        assertThat(raised()).isEmpty();
        assertThat(out.lastBatch().samples()).noneMatch(s -> s.metric() == PostureMetrics.FINDING && !s.label("name").isEmpty());
        assertThat(value(out.lastBatch(), "podwatch_posture_score", "")).isEqualTo(100.0);

        api.list.clear();
        scan();
        assertThat(out.lastBatch().samples()).noneMatch(s -> s.metric() == PostureMetrics.SCORE);
    }

    @Test
    void hostChecksRunAtStartThenOnlyWhenDue() throws Exception {
        serve("good");
        scan();
        scan();
        assertThat(commands.auditStatusCalls).isEqualTo(1);
        clock.advance(Duration.ofMinutes(61));
        scan();
        assertThat(commands.auditStatusCalls).isEqualTo(2);
    }

    @Test
    void aStartedContainerIsCheckedAtOnceOnTheCollectorsThread() throws Exception {
        collector.start();
        scan();
        serve("capadd");
        tracker.relist();
        await().atMost(Duration.ofSeconds(10)).until(() -> raised().contains("PW-C-CAP-ADD@capadd"));
        api.list.clear();
        tracker.relist();
        await().atMost(Duration.ofSeconds(10)).until(() -> resolved().contains("PW-C-CAP-ADD@capadd"));
    }

    @Test
    void lifecycleNamedThreadIdempotentBoundedCloseNothingLeaked() throws Exception {
        assertThat(threads()).doesNotContain("podwatch-posture");
        collector.start();
        collector.start();
        scan();
        serve("good");
        tracker.relist();
        await().atMost(Duration.ofSeconds(10)).until(() -> threads().contains("podwatch-posture"));
        long t0 = System.nanoTime();
        collector.close();
        collector.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
        await().atMost(Duration.ofSeconds(5)).until(() -> !threads().contains("podwatch-posture"));
        serve("capadd");
        tracker.relist();
        assertThat(collector.dropped()).isZero();
    }

    static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    @Test
    void podmanDownFailsItsFeedButHostFindingsAreStillKept() throws Exception {
        api.down = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(tracker::relist).hasMessageContaining("Connection refused");
        collector.collect(out);
        assertThat(collector.findings()).extracting(f -> f.check().id()).contains("PW-I-UNUSED-IMAGES", "PW-H-ROOTFUL-ENGINE");
    }

    private List<String> raised() {
        return keys(FindingEvents.RAISED);
    }

    private List<String> resolved() {
        return keys(FindingEvents.RESOLVED);
    }

    private List<String> keys(String action) {
        return out.events.stream().filter(e -> e.action().equals(action))
                .map(e -> e.fields().get("rule.id") + "@" + (e.container() == null ? "host" : e.container().name()))
                .toList();
    }

    static Double value(SampleBatch b, String metric, String check) {
        return b.samples().stream().filter(s -> s.metric().name().equals(metric))
                .filter(s -> check.isEmpty() || s.label("check").equals(check)).map(Sample::value).findFirst().orElse(null);
    }

    /** Hardened answers, counting auditctl -s to see when the host checks ran. */
    static final class CountingCommands implements CommandRunner {
        volatile int auditStatusCalls;

        @Override
        public Result run(List<String> argv, Duration timeout) {
            String line = String.join(" ", argv);
            if (line.equals("auditctl -s")) {
                auditStatusCalls++;
                return new Result(0, "enabled 1\n", "");
            }
            return line.equals("auditctl -l") ? new Result(0, "-w /usr/bin/podman -p x\n", "") : new Result(0, "", "");
        }
    }
}
