package io.podwatch.core.collect;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.testing.ManagedContract;
import io.podwatch.core.testing.RecordingEmitter;
import java.time.Clock;
import java.time.Duration;

class CollectorRunnerContractTest extends ManagedContract {
    @Override
    protected Managed create() {
        CollectorRunner r = new CollectorRunner(new RecordingEmitter(), Clock.systemUTC(), new SimpleMeterRegistry());
        r.add(CollectorRunnerTest.collector("c", e -> Thread.sleep(50)),
                new CollectorRunner.Schedule(Duration.ofMillis(10), Duration.ofMillis(10)));
        return r;
    }
}
