package io.podwatch.core.collect;

import java.time.Instant;

/**
 * What {@code /healthz} reports for one collector.
 *
 * @param lastSuccess null until the first successful collection
 * @param lastError the last failure's message (never containing secrets), empty when up
 */
public record CollectorHealth(String name, boolean up, Instant lastSuccess, int consecutiveFailures,
                              String lastError) {
}
