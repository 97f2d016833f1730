package io.podwatch.agent.sink;

import io.podwatch.core.plugin.Factory;
import java.util.List;

/**
 * Builds alert receivers (webhook, Alertmanager, e-mail): each only transmits, so the factory
 * returns {@link Delivery deliveries} and the alert wiring puts a dispatcher and a route in front
 * of each. Receivers are created after the event sinks, in {@code BuiltIns} order.
 */
public interface ReceiverFactory<C> extends Factory<C> {
    /** The receivers this config asks for (none when the section is absent); no I/O. */
    List<Delivery> create(C config, SinkContext context);
}
