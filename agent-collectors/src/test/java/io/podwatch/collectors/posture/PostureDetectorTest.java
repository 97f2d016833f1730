package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingEvents;
import io.podwatch.core.posture.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostureDetectorTest {
    static final Instant T = Instant.parse("2026-11-23T12:00:00Z");
    static final ContainerRef WEB = new ContainerRef("a".repeat(64), "web", "localhost/web:1", "");

    final List<String> requests = new ArrayList<>();
    final List<Alert> fired = new ArrayList<>();
    final List<Map<String, String>> resolved = new ArrayList<>();
    final Alerts alerts = new Alerts() {
        @Override
        public void fire(Alert alert) {
            fired.add(alert);
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
            resolved.add(labels);
        }
    };
    final PostureDetector detector = new PostureDetector(Severity.HIGH);

    @Test
    void containerEventsAloneRaiseNothing() {
        for (String action : List.of(ContainerEvents.CREATE, ContainerEvents.START, ContainerEvents.REMOVE)) {
            detector.onEvent(new Event(T, EventKind.EVENT, action, "process", Severity.INFO, ContainerEvents.SOURCE, WEB,
                    "", Map.of()), alerts);
        }
        assertThat(fired).isEmpty();
        assertThat(resolved).isEmpty();
    }

    @Test
    void failingFindingsAtOrAboveTheLevelFireAndResolveWhenGone() {
        Finding priv = Finding.of(PrivilegeChecks.PRIVILEGED, Outcome.fail("--privileged"), WEB);
        Finding rootfs = Finding.of(MountChecks.WRITABLE_ROOTFS, Outcome.fail("--read-only is not set"), WEB);
        Finding cgroup = Finding.of(HostChecks.CGROUP_NOT_V2, Outcome.fail("hybrid"), null);
        Finding lsm = Finding.of(HostChecks.NO_LSM, Outcome.fail("none"), null);
        detector.onEvent(FindingEvents.raised(priv, T), alerts);
        detector.onSamples(PostureMetrics.batch(List.of(priv, rootfs, cgroup, lsm), List.of(WEB), T), alerts);
        assertThat(fired).extracting(a -> a.labels().get("check") + "@" + a.labels().getOrDefault("container", "host"))
                .containsExactlyInAnyOrder("PW-C-PRIVILEGED@web", "PW-H-NO-LSM@host");
        assertThat(fired).filteredOn(x -> x.labels().get("check").equals("PW-H-NO-LSM"))
                .allMatch(x -> !x.labels().containsKey("container"), "host findings name no container");
        Alert a = fired.stream().filter(x -> x.labels().get("check").equals("PW-C-PRIVILEGED")).findFirst().orElseThrow();
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.container()).isEqualTo(WEB);
        assertThat(a.annotations()).containsEntry("evidence", "--privileged").containsKey("remediation");
        assertThat(a.annotations().get("summary")).contains("PW-C-PRIVILEGED", "container web");
        assertThat(a.annotations().get("description")).contains("PW-C-PRIVILEGED", "container web", "--privileged");

        fired.clear();
        Finding accepted = priv.accepted("GPU");
        detector.onSamples(PostureMetrics.batch(List.of(accepted, lsm), List.of(WEB), T), alerts);
        assertThat(fired).extracting(x -> x.labels().get("check")).containsExactly("PW-H-NO-LSM");
        assertThat(resolved).containsExactly(Map.of("check", "PW-C-PRIVILEGED", "container", "web"));
    }

    @Test
    void otherSourcesAreIgnored() {
        detector.onSamples(new io.podwatch.core.model.SampleBatch("podman", T, List.of()), alerts);
        assertThat(fired).isEmpty();
        assertThat(resolved).isEmpty();
    }
}
