package io.podwatch.collectors.volume.sprawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.durable.DurableFiles;
import io.podwatch.core.sprawl.SprawlState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code volumes-sprawl.json} in the state directory: the agent writes it (durably) after each
 * sprawl pass; {@code podwatch sprawl} reads it. A missing or damaged file is an empty state.
 */
public final class SprawlStateStore {
    public static final String FILE = "volumes-sprawl.json";
    private static final int MAX_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public SprawlStateStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public SprawlState load() {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = JSON.readTree(in.readNBytes(MAX_BYTES));
            return new SprawlState(map(root.path("firstDangling")), map(root.path("lastAttached")),
                    map(root.path("imageLastUsed")));
        } catch (NoSuchFileException e) {
            return SprawlState.EMPTY;
        } catch (IOException | RuntimeException e) {
            return SprawlState.EMPTY; // damaged: the next pass rewrites it
        }
    }

    public void save(SprawlState s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        put(root.putObject("firstDangling"), s.firstDangling());
        put(root.putObject("lastAttached"), s.lastAttached());
        put(root.putObject("imageLastUsed"), s.imageLastUsed());
        Files.createDirectories(file.getParent());
        DurableFiles.write(file.resolveSibling(FILE + ".tmp"), file, JSON.writeValueAsBytes(root));
    }

    private static Map<String, Instant> map(JsonNode n) {
        Map<String, Instant> m = new HashMap<>();
        n.fields().forEachRemaining(e -> {
            try {
                m.put(e.getKey(), Instant.parse(e.getValue().asText()));
            } catch (RuntimeException bad) {
                // one damaged entry does not lose the others
            }
        });
        return m;
    }

    private static void put(ObjectNode o, Map<String, Instant> m) {
        m.forEach((k, v) -> o.put(k, v.toString()));
    }
}
