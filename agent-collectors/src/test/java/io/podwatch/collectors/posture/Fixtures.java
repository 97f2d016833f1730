package io.podwatch.collectors.posture;

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

    static ContainerFacts facts(String version, String name) {
        return InspectParser.parse(json("inspect-" + version + "/" + name + ".json"));
    }
}
