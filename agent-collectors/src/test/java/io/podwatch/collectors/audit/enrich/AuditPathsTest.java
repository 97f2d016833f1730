package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.audit.AuditLogParse;
import io.podwatch.core.model.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditPathsTest {
    @Test
    void relativeNamesAreResolvedAgainstTheWorkingDirectoryAndNormalised() {
        assertThat(AuditPaths.resolve("/etc", "shadow", true)).isEqualTo("/etc/shadow");
        assertThat(AuditPaths.resolve("/tmp", "../etc/./shadow", true)).isEqualTo("/etc/shadow");
        assertThat(AuditPaths.resolve("/", "../../etc//shadow", true)).isEqualTo("/etc/shadow");
        assertThat(AuditPaths.resolve("/home/a", "/tmp/../etc/shadow/", true)).isEqualTo("/etc/shadow");
        assertThat(AuditPaths.resolve("/etc", "/etc/shadow", true)).isEqualTo("/etc/shadow");
        assertThat(AuditPaths.resolve("/etc", "shadow", false)).isEqualTo("shadow"); // relative to another fd
        assertThat(AuditPaths.resolve(null, "shadow", true)).isEqualTo("shadow");
        assertThat(AuditPaths.resolve("/etc", "", true)).isEmpty();
        assertThat(AuditPaths.normalise("/")).isEqualTo("/");
        assertThat(AuditPaths.normalise("/..")).isEqualTo("/");
        assertThat(AuditPaths.normalise("/a/.hidden/b")).isEqualTo("/a/.hidden/b");
    }

    @Test
    void onlyTheAtFdCwdDescriptorMeansTheWorkingDirectory() {
        assertThat(AuditPaths.relativeToCwd("open", 5, 0)).isTrue();
        assertThat(AuditPaths.relativeToCwd("execve", 0, 0)).isTrue();
        assertThat(AuditPaths.relativeToCwd("openat", 0xffffff9cL, 0)).isTrue();
        assertThat(AuditPaths.relativeToCwd("openat", -100, 0)).isTrue();
        assertThat(AuditPaths.relativeToCwd("openat", 3, 0)).isFalse();
        assertThat(AuditPaths.relativeToCwd("symlinkat", 3, 0xffffff9cL)).isTrue();
        assertThat(AuditPaths.relativeToCwd("symlinkat", 0xffffff9cL, 4)).isFalse();
        assertThat(AuditPaths.relativeToCwd(null, 3, 3)).isTrue();
    }

    /** Recorded from the real auditd: {@code cd /etc && cat shadow} and {@code cd /tmp && cat ../etc/./shadow}. */
    @Test
    void cdEtcAndCatShadowFiresTheSensitiveFileRule() throws Exception {
        List<Event> out = new ArrayList<>();
        new AuditLogParse(ContainerNames.none(), Clock.systemUTC()).run(
                List.of(Path.of("src/test/resources/fixtures/audit/relative/cwd-relative-shadow.log")), out::add);
        assertThat(out).hasSize(2);
        for (Event e : out) {
            assertThat(e.fields()).containsEntry("file.path", List.of("/etc/shadow"))
                    .containsEntry("rule.name", List.of("sensitive-file-read"));
        }
    }
}
