package io.podwatch.collectors.audit;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.testing.CollectorContract;
import java.time.Clock;
import java.util.List;

class AuditStatusCollectorContractTest extends CollectorContract {
    @Override
    protected Collector create() {
        return new AuditStatusCollector(new AuditStats(), Clock.systemUTC(), List.of("auditctl"));
    }
}
