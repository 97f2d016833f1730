package io.podwatch.collectors.audit;

import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.testing.CollectorContract;
import java.time.Clock;

class AuditStatusCollectorContractTest extends CollectorContract {
    @Override
    protected Collector create() {
        return new AuditStatusCollector(new AuditStats(), Clock.systemUTC(), Auditctl.onPath(new ProcessCommandRunner()));
    }
}
