package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.rules.audit.AuditRuleKeys;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditComponentsTest {
    @TempDir
    Path dir;

    static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(AuditKeys.all());
        all.addAll(AuditRuleKeys.all());
        return all;
    }

    final RecordingEmitter nowhere = new RecordingEmitter();

    @Test
    void buildsFromDefaultsWithoutIoAndClosesWithoutStart() {
        Config c = ConfigReader.defaults(settings(), new HostEnv(true, "/root", Map.of()));
        AuditComponents a = AuditComponents.create(c, dir, nowhere, Clock.systemUTC(), ContainerNames.none());
        assertThat(a.settings().log()).isEqualTo(Path.of("/var/log/audit/audit.log"));
        assertThat(a.settings().fromBeginning()).isFalse();
        assertThat(a.detector().name()).isEqualTo("audit-rules");
        a.trail().close();
        a.trail().close();
        a.status().close();
    }

    @Test
    void onByDefaultOnlyWhereAuditdKeepsItsLog() throws Exception {
        HostEnv env = new HostEnv(true, "/root", Map.of());
        Config missing = ConfigReader.read("t", "audit:\n  log: " + dir.resolve("none/audit.log") + "\n", settings(), env);
        assertThat(AuditComponents.wanted(missing)).isFalse();
        Config here = ConfigReader.read("t", "audit:\n  log: " + dir.resolve("audit.log") + "\n", settings(), env);
        assertThat(AuditComponents.wanted(here)).isTrue();
        Config off = ConfigReader.read("t", "audit:\n  enabled: false\n  log: " + dir.resolve("audit.log") + "\n",
                settings(), env);
        assertThat(AuditComponents.wanted(off)).isFalse();
    }
}
