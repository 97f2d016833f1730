package io.podwatch.collectors.posture;

/**
 * Asks the posture collector to re-check one container now (it was created or started) or to
 * forget it (removed). Called from the processing thread: implementations never block, they hand
 * the work to their own thread and drop (and count) requests when its queue is full — the next
 * full scan covers anything dropped.
 */
public interface PostureTrigger {
    void check(String containerId);

    void forget(String containerId);
}
