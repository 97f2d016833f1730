package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.rules.audit.AuditRuleBuilder;
import io.podwatch.core.rules.audit.AuditRuleSet;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A trail in its own JVM for the kill -9 test: tails {@code args[0]} with its checkpoint in
 * {@code args[1]} and appends the serial of every handed-over event to {@code args[2]}, synced
 * before the hand-over returns (as a durable sink would).
 */
public final class TrailMain {
    private TrailMain() {
    }

    public static void main(String[] args) throws Exception {
        FileOutputStream out = new FileOutputStream(args[2], true);
        TrailHarness h = new TrailHarness() {
            @Override
            public void eventAwait(Event event) {
                try {
                    out.write((event.fields().get("auditd.sequence") + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.getFD().sync();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        AuditRuleSet all = new AuditRuleSet(List.of(AuditRuleBuilder.rule("all", Severity.LOW, "all").build()));
        h.trail(Path.of(args[0]), Path.of(args[1]), true, all, Path.of("/nonexistent"), ContainerNames.none()).start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
