package io.podwatch.collectors.posture;

import io.podwatch.collectors.podman.container.InspectJson;
import io.podwatch.core.inventory.ContainerInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loads the posture fixtures under {@code src/test/resources/fixtures/posture}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/posture/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(dir(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContainerInfo facts(String version, String name) {
        try {
            return InspectJson.fromInspect(json("inspect-" + version + "/" + name + ".json"), "podman", "root");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
