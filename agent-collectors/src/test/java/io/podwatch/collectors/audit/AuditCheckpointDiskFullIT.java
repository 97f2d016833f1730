package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.testing.FullDisk;
import io.podwatch.core.model.Severity;
import io.podwatch.core.rules.audit.AuditRuleBuilder;
import io.podwatch.core.rules.audit.AuditRuleSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6 on a real full tmpfs: a checkpoint that cannot be saved is reported as the
 * checkpoint's failure (named, for /healthz), never as an unreadable audit log, and reading goes on.
 */
class AuditCheckpointDiskFullIT {
    @TempDir
    Path dir;

    @Test
    void aFullStateDiskNamesTheCheckpointNotTheAuditLog() throws Exception {
        try (FullDisk disk = FullDisk.mount(dir.resolve("state"), "64k").fill()) {
            Path state = disk.path();
            TrailHarness harness = new TrailHarness();
            AuditRuleSet all = new AuditRuleSet(List.of(AuditRuleBuilder.rule("all", Severity.LOW, "all").build()));
            Path log = dir.resolve("audit.log");
            AuditLogWriter.append(log, 1, 20);
            AuditTrail t = harness.trail(log, state, true, all, dir.resolve("no-proc"), ContainerNames.none());
            t.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> harness.events.size() == 19);
                await().atMost(Duration.ofSeconds(10)).until(() -> !harness.files.failing().isEmpty());
                assertThat(harness.files.failing()).singleElement().satisfies(f -> {
                    assertThat(f.file()).isEqualTo(state.resolve("audit.checkpoint"));
                    assertThat(f.error()).contains("No space left on device");
                });
                assertThat(harness.lastStats.readable).isTrue();
                disk.free();
                AuditLogWriter.append(log, 20, 22);
                await().atMost(Duration.ofSeconds(10)).until(() -> harness.files.failing().isEmpty());
            } finally {
                t.close();
            }
        }
    }
}
