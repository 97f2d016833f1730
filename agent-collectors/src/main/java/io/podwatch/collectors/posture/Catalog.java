package io.podwatch.collectors.posture;

import io.podwatch.core.posture.Check;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every posture check podwatch has, in documentation order: containers, images and trust, host. */
public final class Catalog {
    private static final List<Check> ALL = Stream.of(ContainerChecks.all(), ImageChecks.all(), HostChecks.all())
            .flatMap(List::stream).toList();

    private Catalog() {
    }

    public static List<Check> all() {
        return ALL;
    }

    public static Optional<Check> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
