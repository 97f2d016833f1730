package io.podwatch.core.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the agent's components: starts them in the order added (dependencies first) and closes
 * them in reverse. A component that fails to start stops the start-up; the ones already started
 * are closed again.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<Managed> components = new ArrayList<>();
    private final Deque<Managed> started = new ArrayDeque<>();
    private boolean closed;

    /** Adds a component; returns it for fluent wiring. */
    public synchronized <T extends Managed> T add(T component) {
        if (!started.isEmpty() || closed) {
            throw new IllegalStateException("components are added before start()");
        }
        components.add(component);
        return component;
    }

    public synchronized void start() throws StartupException {
        for (Managed m : components) {
            try {
                m.start();
                started.push(m);
                LOG.debug("started {}", m.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new StartupException(m.name(), e);
            } catch (Exception e) {
                m.close();
                close();
                throw new StartupException(m.name(), e);
            }
        }
    }

    /** Closes started components in reverse order; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            Managed m = started.pop();
            long t0 = System.nanoTime();
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed: {}", m.name(), e.toString());
            }
            LOG.debug("stopped {} in {} ms", m.name(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** A component could not start; names it. */
    public static final class StartupException extends Exception {
        private final String component;

        public StartupException(String component, Throwable cause) {
            super(cause instanceof StartRefused ? cause.getMessage() : component + " failed to start: " + cause.getMessage(),
                    cause);
            this.component = component;
        }

        public String component() {
            return component;
        }
    }
}
