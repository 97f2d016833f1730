package io.podwatch.core.sprawl;

import java.time.Instant;
import java.util.List;

/** What an engine says about its volumes, containers and images at one moment: the input of {@link Sprawl}. */
public record SprawlFacts(List<VolumeFact> volumes, List<ContainerFact> containers, List<ImageFact> images) {
    public SprawlFacts {
        volumes = List.copyOf(volumes);
        containers = List.copyOf(containers);
        images = List.copyOf(images);
    }

    /** @param created null when the engine did not say */
    public record VolumeFact(String name, String mountpoint, Instant created) {
    }

    /**
     * @param finished when it last stopped, null if never (then {@code created} tells its age)
     * @param volumes names of the named volumes it mounts
     */
    public record ContainerFact(String id, String name, String state, boolean running, String imageId, String image,
                                Instant created, Instant finished, List<String> volumes) {
        public ContainerFact {
            volumes = List.copyOf(volumes);
        }
    }

    /** @param names repo tags, empty for a dangling image */
    public record ImageFact(String id, List<String> names, Instant created, long size) {
        public ImageFact {
            names = List.copyOf(names);
        }
    }
}
