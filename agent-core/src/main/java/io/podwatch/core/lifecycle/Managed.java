package io.podwatch.core.lifecycle;

/**
 * A component with a lifecycle owned by {@link Lifecycle}. Construction does no I/O; {@link #start}
 * connects and starts threads; {@link #close} stops them.
 *
 * <p>{@code close()} is idempotent, never throws, returns within a few seconds (it bounds its own
 * waits) and may be called without {@code start()} having run or having succeeded.
 */
public interface Managed extends AutoCloseable {
    /** Short name for logs and health, e.g. {@code podman-stats}. */
    String name();

    default void start() throws Exception {
    }

    @Override
    void close();
}
