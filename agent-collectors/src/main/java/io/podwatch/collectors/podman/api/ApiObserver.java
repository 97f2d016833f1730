package io.podwatch.collectors.podman.api;

/**
 * Told about every libpod call a {@link PodmanClient} makes, for self-metrics. Called on the
 * calling thread right after the call; implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ApiObserver {
    ApiObserver NONE = (call, nanos, ok) -> { };

    /**
     * @param call a low-cardinality name of the call ({@code list}, {@code inspect}, {@code stats}, ...)
     * @param nanos how long it took
     * @param ok false when it failed
     */
    void observed(String call, long nanos, boolean ok);
}
