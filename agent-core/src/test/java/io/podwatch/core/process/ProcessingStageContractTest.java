package io.podwatch.core.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.testing.ManagedContract;
import java.time.Clock;
import java.util.List;
import java.util.Map;

class ProcessingStageContractTest extends ManagedContract {
    @Override
    protected Managed create() {
        Alerts none = new Alerts() {
            @Override
            public void fire(Alert a) {
            }

            @Override
            public void resolve(String name, Map<String, String> labels) {
            }
        };
        return new ProcessingStage(new LatestSamples(), List.of(), List.of(), none, Clock.systemUTC(), 10,
                new SimpleMeterRegistry());
    }

    @Override
    protected void exercise(Managed m) {
        ((ProcessingStage) m).event(ProcessingStageTest.event("x"));
    }
}
