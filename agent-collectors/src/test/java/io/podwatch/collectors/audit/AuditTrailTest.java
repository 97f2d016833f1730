package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.core.model.Severity;
import io.podwatch.core.rules.audit.AuditRuleBuilder;
import io.podwatch.core.rules.audit.AuditRuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole source on temp files: rotation and restarts lose nothing and repeat nothing. */
class AuditTrailTest {
    @TempDir
    Path dir;

    final TrailHarness harness = new TrailHarness();

    AuditTrail trail(Path log, boolean fromBeginning) {
        AuditRuleSet all = new AuditRuleSet(List.of(AuditRuleBuilder.rule("all", Severity.LOW, "all").build()));
        return harness.trail(log, dir.resolve("state"), fromBeginning, all, dir.resolve("no-proc"),
                ContainerNames.none());
    }

    @Test
    void rotationAndRestartsLoseNothingAndRepeatNothing() throws Exception {
        Path log = dir.resolve("audit.log");
        AuditLogWriter.append(log, 1, 100);
        AuditTrail t = trail(log, true);
        t.start();
        await().until(() -> harness.events.size() == 99);
        AuditLogWriter.append(log, 100, 150);
        Files.move(log, dir.resolve("audit.log.1"));
        AuditLogWriter.append(log, 150, 300);
        await().until(() -> harness.events.size() == 299);
        t.close();
        t.close(); // idempotent
        // stopped while auditd goes on writing and rotates again
        AuditLogWriter.append(log, 300, 350);
        Files.move(dir.resolve("audit.log.1"), dir.resolve("audit.log.2"));
        Files.move(log, dir.resolve("audit.log.1"));
        AuditLogWriter.append(log, 350, 400);
        AuditTrail again = trail(log, false);
        again.start();
        await().until(() -> harness.events.size() >= 399);
        again.close();
        assertThat(harness.serials()).hasSize(399).doesNotHaveDuplicates();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().equals("podwatch-audit"));
    }

    @Test
    void anUnreadableLogIsRetriedNotFatal() throws Exception {
        Path log = dir.resolve("missing/audit.log");
        AuditTrail t = trail(log, true);
        t.start();
        Files.createDirectories(log.getParent());
        AuditLogWriter.append(log, 1, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.events.size() == 2);
        t.close();
    }
}
