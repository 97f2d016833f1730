package io.podwatch.core.emit;

import io.podwatch.core.model.SampleBatch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest batch of every source, read at scrape time. A scrape never waits for a collector:
 * it renders whatever was last put here.
 */
public final class LatestSamples {
    private final Map<String, SampleBatch> bySource = new ConcurrentHashMap<>();

    public void put(SampleBatch batch) {
        bySource.put(batch.source(), batch);
    }

    /**
     * Forgets a source (e.g. its collector keeps failing) and every batch derived from it, named
     * {@code <deriver>/<source>}.
     */
    public void remove(String source) {
        bySource.remove(source);
        String derived = "/" + source;
        bySource.keySet().removeIf(k -> k.endsWith(derived));
    }

    public List<SampleBatch> snapshot() {
        return List.copyOf(bySource.values());
    }
}
