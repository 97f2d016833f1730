package io.podwatch.agent.sink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.agent.sink.DeliveryException;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.agent.sink.OutboxLimits;
import io.podwatch.agent.sink.testing.Notifications;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.collect.Backoff;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.testing.ManagedContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every alert sink promises, run through the {@link Dispatcher} that owns it as the agent
 * does: the {@link ManagedContract} (close idempotent and bounded, no thread left — also with a
 * notification pending for a receiver that is not there), and the sink is closed exactly once
 * however often its dispatcher is. A new sink's test extends this and says how to make one
 * pointing at nothing.
 */
public abstract class SinkContract extends ManagedContract {
    @TempDir
    protected Path dir;
    protected final AtomicInteger closes = new AtomicInteger();

    /** A sink whose receiver is absent (a closed port): sends fail and are retried. */
    protected abstract NotificationSink sink() throws Exception;

    @Override
    protected Managed create() throws Exception {
        NotificationSink inner = sink();
        NotificationSink counted = new NotificationSink() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public void send(Notification n) throws DeliveryException {
                inner.send(n);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
                inner.close();
            }
        };
        return new Dispatcher(counted, dir.resolve("outbox").resolve(inner.name()), new OutboxLimits(100, 1 << 20,
                Duration.ofDays(1)), new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), e -> { },
                Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @Override
    protected void exercise(Managed m) throws Exception {
        Dispatcher d = (Dispatcher) m;
        d.submit(Notifications.of(d.sink(), Notifications.firing("ContainerRestartLoop", "web")));
        Thread.sleep(100); // let it try (and fail) a send, so close meets a dispatcher mid-retry
    }

    @Test
    void theSinkIsClosedOnceHoweverOftenItsDispatcherIs() throws Exception {
        Managed d = create();
        d.start();
        d.close();
        d.close();
        d.close();
        assertThat(closes.get()).isEqualTo(1);
    }
}
