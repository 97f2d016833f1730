package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.Severity;
import io.podwatch.core.rules.audit.AuditRuleBuilder;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.testing.ManagedContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailContractTest extends ManagedContract {
    @TempDir
    Path dir;

    @Override
    protected Managed create() throws Exception {
        Path log = dir.resolve("audit.log");
        AuditLogWriter.append(log, 1, 50);
        return new TrailHarness().trail(log, dir.resolve("state"), true,
                new AuditRuleSet(List.of(AuditRuleBuilder.rule("all", Severity.LOW, "all").build())), dir.resolve("no-proc"),
                ContainerNames.none());
    }
}
