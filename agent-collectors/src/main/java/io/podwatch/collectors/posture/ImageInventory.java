package io.podwatch.collectors.posture;

import io.podwatch.collectors.podman.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.core.inventory.ContainerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Images (from the libpod list endpoint) and containers (from the inventory), reduced to what the
 * image and sprawl checks need. Image times are unix seconds; Podman prints year 1 (negative) for "never".
 */
public record ImageInventory(List<Image> images, List<Container> containers) {
    /** One image; {@code names} its repo tags (may be empty for a dangling image). */
    public record Image(String id, List<String> names, Instant created) {
    }

    /** One container; {@code exitedAt} null when it never exited. */
    public record Container(String id, String name, String image, String imageId, String state, Instant created,
                            Instant exitedAt) {
    }

    public ImageInventory {
        images = List.copyOf(images);
        containers = List.copyOf(containers);
    }

    /** Images from the libpod list endpoint; containers as the container inventory knows them. */
    public static ImageInventory from(List<JsonNode> images, List<ContainerInfo> containers) {
        List<Image> is = new ArrayList<>();
        for (JsonNode i : images) {
            List<String> names = Json.strings(i, "RepoTags");
            is.add(new Image(Json.text(i, "Id"), names.isEmpty() ? Json.strings(i, "Names") : names,
                    unix(Json.number(i, "Created"))));
        }
        List<Container> cs = new ArrayList<>();
        for (ContainerInfo c : containers) {
            cs.add(new Container(c.id(), c.name(), c.image(), c.imageId(), c.state(), c.created(), c.finishedAt()));
        }
        return new ImageInventory(is, cs);
    }

    private static Instant unix(long seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }
}
