package io.podwatch.collectors.volume.sprawl;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.api.Json;
import io.podwatch.core.sprawl.SprawlFacts;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads volumes, containers (all, with the named volumes each mounts: one inspect per container,
 * since the list endpoint gives only destinations) and images from the libpod API.
 */
public final class PodmanSprawlFacts {
    private PodmanSprawlFacts() {
    }

    public static SprawlFacts read(PodmanApi api) throws IOException {
        List<SprawlFacts.VolumeFact> volumes = new ArrayList<>();
        for (JsonNode v : api.listVolumes()) {
            volumes.add(new SprawlFacts.VolumeFact(Json.text(v, "Name"), Json.text(v, "Mountpoint"),
                    time(Json.text(v, "CreatedAt"))));
        }
        List<SprawlFacts.ContainerFact> containers = new ArrayList<>();
        for (JsonNode c : api.listContainers(true)) {
            List<String> names = Json.strings(c, "Names");
            String id = Json.text(c, "Id");
            List<String> vols = new ArrayList<>();
            try {
                for (JsonNode m : Json.array(api.inspectContainer(id), "Mounts")) {
                    if ("volume".equals(Json.text(m, "Type")) && !Json.text(m, "Name").isEmpty()) {
                        vols.add(Json.text(m, "Name"));
                    }
                }
            } catch (IOException e) {
                continue; // removed between list and inspect
            }
            String state = Json.text(c, "State").toLowerCase(Locale.ROOT);
            containers.add(new SprawlFacts.ContainerFact(id, names.isEmpty() ? id : names.get(0), state,
                    state.equals("running") || state.equals("paused"), Json.text(c, "ImageID"), Json.text(c, "Image"),
                    unix(Json.number(c, "Created")), unix(Json.number(c, "ExitedAt")), vols));
        }
        List<SprawlFacts.ImageFact> images = new ArrayList<>();
        for (JsonNode i : api.listImages()) {
            images.add(new SprawlFacts.ImageFact(Json.text(i, "Id"), Json.strings(i, "RepoTags"),
                    unix(Json.number(i, "Created")), Json.number(i, "Size")));
        }
        return new SprawlFacts(volumes, containers, images);
    }

    private static Instant unix(long seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static Instant time(String s) {
        try {
            return s.isEmpty() ? null : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
