package io.podwatch.collectors.podman;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The libpod REST calls podwatch makes, over the Unix socket. Results are the API's JSON as
 * returned (Jackson trees) so each consumer reads the fields it needs and tolerates the field
 * shapes of Podman 4.x and 5.x. Thread-safe; every call has a timeout; a failed call throws
 * {@link IOException} with a message that names the path and the cause.
 */
public interface PodmanApi extends AutoCloseable {
    /** GET /_ping. */
    void ping() throws IOException;

    /** GET /libpod/containers/json?all=true|false. */
    List<JsonNode> listContainers(boolean all) throws IOException;

    /** GET /libpod/containers/{nameOrId}/json. */
    JsonNode inspectContainer(String nameOrId) throws IOException;

    /** GET /libpod/containers/stats?stream=false: every running container in one call. */
    JsonNode statsAll() throws IOException;

    /** GET /libpod/images/json. */
    List<JsonNode> listImages() throws IOException;

    /** GET /libpod/images/{nameOrId}/json. */
    JsonNode inspectImage(String nameOrId) throws IOException;

    /** GET /libpod/volumes/json. */
    List<JsonNode> listVolumes() throws IOException;

    /** GET /libpod/info — slow (~0.4 s): call at start or hourly, never per interval. */
    JsonNode info() throws IOException;

    /**
     * GET /libpod/events?stream=true: blocks, handing each event to {@code sink}, until the stream
     * ends (returns), fails (throws) or the calling thread is interrupted.
     */
    void streamEvents(Consumer<JsonNode> sink) throws IOException, InterruptedException;

    @Override
    void close();
}
