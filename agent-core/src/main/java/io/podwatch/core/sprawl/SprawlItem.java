package io.podwatch.core.sprawl;

import java.time.Instant;

/**
 * One thing an operator may want to clean up, with the command that would do it (podwatch never
 * runs it).
 *
 * @param kind {@code volume}, {@code container} or {@code image}
 * @param reason e.g. {@code dangling}, {@code used only by stopped containers}, {@code stopped}, {@code unused}
 * @param since when it became unused (first seen dangling, stopped, created), null when unknown
 * @param bytes its size, -1 when not measured
 */
public record SprawlItem(String kind, String name, String id, String reason, Instant since, long bytes,
                         String command) {
}
