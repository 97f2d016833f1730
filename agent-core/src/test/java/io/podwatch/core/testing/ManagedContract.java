package io.podwatch.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.podwatch.core.lifecycle.Managed;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every component with a lifecycle promises (see {@link Managed}): {@code close()} is
 * idempotent, bounded and safe without {@code start()}, and leaves no {@code podwatch-*} thread
 * behind. A collector's, sink's or stage's test extends this (or {@link CollectorContract}) and
 * says how to make one; a dependency that is absent (no Podman, no receiver) is fine — the
 * promises hold regardless.
 */
public abstract class ManagedContract {
    /** Close must return within this, even with its dependency hung or absent. */
    protected static final Duration CLOSE_BOUND = Duration.ofSeconds(10);

    /** A fresh, unstarted component. */
    protected abstract Managed create() throws Exception;

    /** Something to do between start and close (a collection, a send); nothing by default. */
    protected void exercise(Managed m) throws Exception {
    }

    protected static Set<Thread> podwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("podwatch-") && t.isAlive())
                .collect(Collectors.toSet());
    }

    @Test
    void closeWithoutStartIsSafeAndIdempotent() throws Exception {
        Managed m = create();
        assertTimeoutPreemptively(CLOSE_BOUND, () -> {
            m.close();
            m.close();
        });
    }

    @Test
    void closeIsIdempotentBoundedAndLeavesNoPodwatchThread() throws Exception {
        Set<Thread> before = podwatchThreads();
        Managed m = create();
        try {
            m.start();
            exercise(m);
        } catch (Exception absentDependency) {
            // start or use may fail without the real dependency; close must still keep its promises
        }
        assertTimeoutPreemptively(CLOSE_BOUND, () -> {
            m.close();
            m.close();
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(podwatchThreads())
                .as("podwatch threads left by %s", m.name()).isSubsetOf(before));
    }
}
