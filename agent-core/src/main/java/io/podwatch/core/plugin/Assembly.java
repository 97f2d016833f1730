package io.podwatch.core.plugin;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.process.Detector;

/**
 * What a factory's {@code create} hands its parts to. The agent owns them from then on: it starts
 * managed parts in the order they were added (after what they depend on, which was created first)
 * and closes them in reverse; it runs collectors on their schedule through the one
 * {@link CollectorRunner}; it puts detectors on the single processing thread. Used only while the
 * agent is being wired, on the wiring thread.
 */
public interface Assembly {
    /** A part with its own lifecycle (a service, a connection, a tailing thread). */
    <T extends Managed> T manage(T part);

    /** A polled collector: managed, and run on {@code schedule}. */
    <T extends Collector> T collect(T collector, CollectorRunner.Schedule schedule);

    /** A detector or rule for the processing stage, run in the order added. */
    void detect(Detector detector);
}
