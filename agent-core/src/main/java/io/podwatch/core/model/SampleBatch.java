package io.podwatch.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The complete set of samples one source produced in one collection. It replaces the source's
 * previous batch wholesale, which is why a container that is gone vanishes from {@code /metrics}
 * without clean-up code.
 *
 * @param source the collector's name
 * @param time when the numbers were read
 */
public record SampleBatch(String source, Instant time, List<Sample> samples) {
    public SampleBatch {
        samples = List.copyOf(samples);
    }
}
