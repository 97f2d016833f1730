package io.podwatch.collectors.posture;

import io.podwatch.collectors.podman.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Images and containers as the libpod list endpoints return them, reduced to what the image and
 * sprawl checks need. Times are unix seconds there; Podman prints year 1 (negative) for "never".
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

    public static ImageInventory from(List<JsonNode> images, List<JsonNode> containers) {
        List<Image> is = new ArrayList<>();
        for (JsonNode i : images) {
            List<String> names = Json.strings(i, "RepoTags");
            is.add(new Image(Json.text(i, "Id"), names.isEmpty() ? Json.strings(i, "Names") : names,
                    unix(Json.number(i, "Created"))));
        }
        List<Container> cs = new ArrayList<>();
        for (JsonNode c : containers) {
            List<String> names = Json.strings(c, "Names");
            cs.add(new Container(Json.text(c, "Id"), names.isEmpty() ? "" : names.get(0), Json.text(c, "Image"),
                    Json.text(c, "ImageID"), Json.text(c, "State").toLowerCase(java.util.Locale.ROOT),
                    unix(Json.number(c, "Created")), unix(Json.number(c, "ExitedAt"))));
        }
        return new ImageInventory(is, cs);
    }

    private static Instant unix(long seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }
}
