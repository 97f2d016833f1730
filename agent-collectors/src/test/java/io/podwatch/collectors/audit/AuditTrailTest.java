package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.enrich.ProcessContainers;
import io.podwatch.collectors.audit.enrich.UserDb;
import io.podwatch.collectors.audit.parse.Syscalls;
import io.podwatch.collectors.audit.tail.CheckpointStore;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.rules.audit.AuditRuleBuilder;
import io.podwatch.core.rules.audit.AuditRuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole source on temp files: rotation and restarts lose nothing and repeat nothing. */
class AuditTrailTest {
    @TempDir
    Path dir;

    final List<Long> serials = new CopyOnWriteArrayList<>();
    final Emitter emitter = new Emitter() {
        @Override
        public void samples(SampleBatch batch) {
        }

        @Override
        public void event(Event event) {
            serials.add((Long) event.fields().get("auditd.sequence"));
        }

        @Override
        public void eventAwait(Event event) {
            event(event);
        }
    };

    AuditTrail trail(Path log, boolean fromBeginning) {
        Clock clock = Clock.systemUTC();
        AuditSettings s = new AuditSettings(true, log, fromBeginning, false, Duration.ofSeconds(2), 64,
                Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofMinutes(1));
        AuditStats stats = new AuditStats();
        Attribution attribution = new Attribution(UserDb.host(clock),
                new ProcessContainers(dir.resolve("no-proc"), clock, 1000), ContainerNames.none(), dir, clock);
        AuditRuleSet all = new AuditRuleSet(List.of(AuditRuleBuilder.rule("all", Severity.LOW, "all").build()));
        AuditEventMapper mapper = new AuditEventMapper(new EventDecoder(Syscalls.load()), attribution, all, false, stats);
        return new AuditTrail(s, mapper, new CheckpointStore(dir.resolve("state/audit.checkpoint")), emitter, clock,
                stats);
    }

    @Test
    void rotationAndRestartsLoseNothingAndRepeatNothing() throws Exception {
        Path log = dir.resolve("audit.log");
        AuditLogWriter.append(log, 1, 100);
        AuditTrail t = trail(log, true);
        t.start();
        await().until(() -> serials.size() == 99);
        AuditLogWriter.append(log, 100, 150);
        Files.move(log, dir.resolve("audit.log.1"));
        AuditLogWriter.append(log, 150, 300);
        await().until(() -> serials.size() == 299);
        t.close();
        t.close(); // idempotent
        // stopped while auditd goes on writing and rotates again
        AuditLogWriter.append(log, 300, 350);
        Files.move(dir.resolve("audit.log.1"), dir.resolve("audit.log.2"));
        Files.move(log, dir.resolve("audit.log.1"));
        AuditLogWriter.append(log, 350, 400);
        AuditTrail again = trail(log, false);
        again.start();
        await().until(() -> serials.size() >= 399);
        again.close();
        assertThat(serials).hasSize(399).doesNotHaveDuplicates();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().equals("podwatch-audit"));
    }

    @Test
    void anUnreadableLogIsRetriedNotFatal() throws Exception {
        Path log = dir.resolve("missing/audit.log");
        AuditTrail t = trail(log, true);
        t.start();
        Files.createDirectories(log.getParent());
        AuditLogWriter.append(log, 1, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> serials.size() == 2);
        t.close();
    }
}
