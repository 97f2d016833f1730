package io.podwatch.core.sprawl;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the engines do not keep and the agent records so "unused for N days" survives restarts:
 * when a volume was first seen dangling, when it was last attached to a running container, and when
 * an image was last seen used by a container. Immutable; {@link #observe} returns the next state.
 */
public record SprawlState(Map<String, Instant> firstDangling, Map<String, Instant> lastAttached,
                          Map<String, Instant> imageLastUsed) {
    public static final SprawlState EMPTY = new SprawlState(Map.of(), Map.of(), Map.of());

    public SprawlState {
        firstDangling = Map.copyOf(firstDangling);
        lastAttached = Map.copyOf(lastAttached);
        imageLastUsed = Map.copyOf(imageLastUsed);
    }

    /** Folds in one observation; entries of volumes and images that no longer exist are dropped. */
    public SprawlState observe(SprawlFacts f, Instant now) {
        Set<String> attached = new HashSet<>();
        Set<String> used = new HashSet<>();
        Set<String> running = new HashSet<>();
        for (SprawlFacts.ContainerFact c : f.containers()) {
            attached.addAll(c.volumes());
            used.add(c.imageId());
            if (c.running()) {
                running.addAll(c.volumes());
            }
        }
        Map<String, Instant> dangling = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        for (SprawlFacts.VolumeFact v : f.volumes()) {
            if (!attached.contains(v.name())) {
                dangling.put(v.name(), firstDangling.getOrDefault(v.name(), now));
            }
            Instant l = running.contains(v.name()) ? now : lastAttached.get(v.name());
            if (l != null) {
                last.put(v.name(), l);
            }
        }
        Map<String, Instant> images = new HashMap<>();
        for (SprawlFacts.ImageFact i : f.images()) {
            Instant l = used.contains(i.id()) ? now : imageLastUsed.get(i.id());
            if (l != null) {
                images.put(i.id(), l);
            }
        }
        return new SprawlState(dangling, last, images);
    }
}
