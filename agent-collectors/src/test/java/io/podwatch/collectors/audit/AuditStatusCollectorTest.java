package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditStatusCollectorTest {
    @TempDir
    Path dir;

    final RecordingEmitter out = new RecordingEmitter();

    /** A stand-in for auditctl printing {@code status} for -s and one rule for -l. */
    Path fakeAuditctl(String status) throws Exception {
        Path f = dir.resolve("auditctl");
        Files.writeString(f, "#!/bin/sh\nif [ \"$1\" = -s ]; then printf '" + status + "'; else echo '-w /etc/shadow -p r'; fi\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    static double value(SampleBatch b, String name) {
        return b.samples().stream().filter(s -> s.metric().name().equals(name)).mapToDouble(Sample::value)
                .findFirst().orElse(Double.NaN);
    }

    @Test
    void kernelStatusBecomesMetricsAndDisabledAuditAFindingOncePerChange() throws Exception {
        AuditStats stats = new AuditStats();
        stats.readable = true;
        AuditStatusCollector c = new AuditStatusCollector(stats, Clock.systemUTC(),
                new Auditctl(new ProcessCommandRunner(), List.of(fakeAuditctl("enabled 0\\nlost 5\\nbacklog 2\\nbacklog_limit 64\\n").toString())));
        c.collect(out);
        c.collect(out);
        SampleBatch b = out.batches.get(1);
        assertThat(value(b, "podwatch_audit_kernel_enabled")).isZero();
        assertThat(value(b, "podwatch_audit_kernel_lost_total")).isEqualTo(5);
        assertThat(value(b, "podwatch_audit_kernel_backlog_limit")).isEqualTo(64);
        assertThat(value(b, "podwatch_audit_kernel_rules")).isEqualTo(1);
        assertThat(value(b, "podwatch_audit_log_readable")).isEqualTo(1);
        assertThat(out.events).hasSize(1);
        assertThat(out.events.get(0).action()).isEqualTo("audit-disabled");
    }

    @Test
    void withoutAuditctlOnlyTheTrailsOwnCountersAreReported() throws Exception {
        AuditStats stats = new AuditStats();
        stats.readable = false;
        AuditStatusCollector c = new AuditStatusCollector(stats, Clock.systemUTC(),
                new Auditctl(new ProcessCommandRunner(), List.of(dir.resolve("missing-auditctl").toString())));
        c.collect(out);
        assertThat(value(out.batches.get(0), "podwatch_audit_kernel_enabled")).isNaN();
        assertThat(value(out.batches.get(0), "podwatch_audit_log_readable")).isZero();
        assertThat(out.events).isEmpty();
    }

    /** Issue 14 item 7: the status collector runs before the trail first opened the log; that is no "unreadable". */
    @Test
    void beforeTheTrailFirstTriedReadabilityIsNotReported() throws Exception {
        AuditStatusCollector c = new AuditStatusCollector(new AuditStats(), Clock.systemUTC(),
                new Auditctl(new ProcessCommandRunner(), List.of(dir.resolve("missing-auditctl").toString())));
        c.collect(out);
        assertThat(value(out.batches.get(0), "podwatch_audit_log_readable")).isNaN();
    }
}
