package io.podwatch.agent.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code podwatch_notifications_total{sink,outcome}}, every outcome registered up front so it shows at 0. */
final class DeliveryCounters {
    static final String[] OUTCOMES = {"sent", "retried", "rejected", "dropped", "outbox_error"};
    private final Map<String, Counter> counters = new LinkedHashMap<>();

    DeliveryCounters(String sink, MeterRegistry meters) {
        for (String o : OUTCOMES) {
            counters.put(o, Counter.builder("podwatch.notifications").tag("sink", sink).tag("outcome", o)
                    .description("Notification delivery attempts by outcome").register(meters));
        }
    }

    void outcome(String outcome) {
        counters.get(outcome).increment();
    }
}
