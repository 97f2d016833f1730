package io.podwatch.core.rules.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.volume.VolumeDirectory;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.volume.VolumeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeDetectorTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final ContainerRef BOX = new ContainerRef("abc123", "box", "img", "");
    static final ContainerRef RO = new ContainerRef("def456", "reader", "img", "");
    static final String SRC = "/var/lib/containers/storage/volumes/data/_data";

    final List<Alert> fired = new ArrayList<>();
    final List<String> resolved = new ArrayList<>();
    final Alerts alerts = new Alerts() {
        @Override
        public void fire(Alert alert) {
            fired.add(alert);
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
            resolved.add(name + labels);
        }
    };
    final VolumeDirectory dir = new VolumeDirectory();
    final VolumeDetector d = new VolumeDetector(dir, new VolumeRuleConfig(Duration.ofSeconds(1), 100, 10.0,
            Duration.ofMinutes(10)));

    VolumeDetectorTest() {
        dir.publish(Map.of("v1", new VolumeView("v1", "data", SRC, List.of(new VolumeView.MountUse(BOX, "/data", true),
                new VolumeView.MountUse(RO, "/ro", false)))), true);
    }

    static Event change(Instant t, String action, String path, Map<String, Object> extra) {
        Map<String, Object> f = new LinkedHashMap<>(extra);
        f.put(VolumeFields.PATH, path);
        f.put(VolumeFields.VOLUME_ID, "v1");
        f.put(VolumeFields.VOLUME_NAME, "data");
        f.put(VolumeFields.REASON, "inotify");
        return new Event(t, EventKind.EVENT, action, "file", Severity.INFO, VolumeFields.SOURCE, BOX, "", f);
    }

    static Event audit(Instant t, String syscall, List<String> paths, Map<String, Object> extra, ContainerRef c) {
        Map<String, Object> f = new LinkedHashMap<>(extra);
        f.put("auditd.key", List.of("podwatch-vol:v1"));
        f.put("auditd.data.syscall", syscall);
        f.put("file.path", paths);
        f.put("process.working_directory", "/");
        f.put("user.audit.id", 1234L);
        f.put("process.executable", "/bin/busybox");
        return new Event(t, EventKind.EVENT, syscall, "file", Severity.INFO, "audit", c, "", f);
    }

    @Test
    void anInotifyFindingWaitsForItsAuditRecordAndCarriesTheLoginUser() {
        d.onEvent(change(T0, VolumeFields.ATTRIBUTES, SRC + "/evil", Map.of(VolumeFields.SETUID_ADDED, true,
                VolumeFields.MODE, "4755")), alerts);
        assertThat(fired).isEmpty();
        // the process is gone by the time the record is read: the container comes from the mount destination
        d.onEvent(audit(T0.plusMillis(300), "chmod", List.of("/data/evil"), Map.of("auditd.data.mode", 035755L),
                null), alerts);
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(VolumeDetector.SETUID);
            assertThat(a.labels()).containsEntry("path", SRC + "/evil").containsEntry("volume", "data");
            assertThat(a.annotations()).containsEntry("auid", "1234").containsEntry("container", "box")
                    .containsEntry("file_mode", "4755").containsEntry("host_path", SRC + "/evil");
        });
    }

    @Test
    void withoutItsAuditRecordTheFindingAlertsAfterTheWait() {
        d.onEvent(change(T0, VolumeFields.CREATED, SRC + "/run.sh", Map.of(VolumeFields.EXEC_ADDED, true)), alerts);
        d.onTick(T0.plusMillis(500), alerts);
        assertThat(fired).isEmpty();
        d.onTick(T0.plusSeconds(2), alerts);
        assertThat(fired).singleElement().satisfies(a -> assertThat(a.annotations())
                .containsEntry("container", "box").doesNotContainKey("auid"));
    }

    @Test
    void aWriteAttemptThroughAReadOnlyMountIsAViolation() {
        d.onEvent(audit(T0, "openat", List.of("/ro/sneaky"), Map.of("auditd.data.exit", -30L, "event.outcome",
                "failure"), RO), alerts);
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo(VolumeDetector.READ_ONLY);
            assertThat(a.labels()).containsEntry("container", "reader").containsEntry("volume", "data");
        });
    }

    @Test
    void aBurstOfDestructiveChangesAlertsOnceAndResolvesWhenItStops() {
        for (int i = 0; i < 300; i++) {
            d.onEvent(change(T0.plusMillis(i), VolumeFields.DELETED, SRC + "/f" + i, Map.of()), alerts);
        }
        assertThat(fired).extracting(Alert::name).containsExactly(VolumeDetector.MASS_REWRITE);
        d.onTick(T0.plusSeconds(25), alerts);
        assertThat(resolved).contains(VolumeDetector.MASS_REWRITE + Map.of("volume", "data"));
    }

    @Test
    void otherAuditKeysAndUnknownVolumesAreIgnored() {
        Event e = audit(T0, "chmod", List.of("/data/x"), Map.of("auditd.data.mode", 04755L), BOX);
        Map<String, Object> f = new LinkedHashMap<>(e.fields());
        f.put("auditd.key", List.of("someone-else"));
        d.onEvent(new Event(T0, EventKind.EVENT, "chmod", "file", Severity.INFO, "audit", BOX, "", f), alerts);
        f.put("auditd.key", List.of("podwatch-vol:gone"));
        d.onEvent(new Event(T0, EventKind.EVENT, "chmod", "file", Severity.INFO, "audit", BOX, "", f), alerts);
        d.onTick(T0.plusSeconds(5), alerts);
        assertThat(fired).isEmpty();
    }
}
