package io.podwatch.collectors.host;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.testing.CollectorContract;
import java.time.Clock;

class HostCollectorContractTest extends CollectorContract {
    @Override
    protected Collector create() {
        return new HostCollector(Clock.systemUTC());
    }
}
