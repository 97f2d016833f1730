package io.podwatch.collectors.podman;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A hand-written {@link PodmanApi} serving fixture documents; {@link #down} makes every call fail. */
public final class FakePodmanApi implements PodmanApi {
    public final List<JsonNode> list = new ArrayList<>();
    public final Map<String, JsonNode> inspect = new HashMap<>();
    public JsonNode stats;
    public volatile boolean down;
    public int inspectCalls;

    /** Puts a container in the list and its inspect document, both from fixtures. */
    public FakePodmanApi with(JsonNode listEntry, JsonNode inspectDoc) {
        list.add(listEntry);
        inspect.put(inspectDoc.path("Id").asText(), inspectDoc);
        return this;
    }

    /** Changes a field of the listed and inspected container with this id. */
    public void set(String id, String listField, Object listValue, String inspectPath, Object inspectValue) {
        for (JsonNode n : list) {
            if (n.path("Id").asText().equals(id)) {
                ((ObjectNode) n).putPOJO(listField, listValue);
            }
        }
        String[] p = inspectPath.split("\\.");
        JsonNode node = inspect.get(id);
        for (int i = 0; i < p.length - 1; i++) {
            node = node.path(p[i]);
        }
        ((ObjectNode) node).putPOJO(p[p.length - 1], inspectValue);
    }

    private void check() throws IOException {
        if (down) {
            throw new IOException("GET /_ping on unix:///fake.sock: Connection refused");
        }
    }

    @Override
    public void ping() throws IOException {
        check();
    }

    @Override
    public List<JsonNode> listContainers(boolean all) throws IOException {
        check();
        return List.copyOf(list);
    }

    @Override
    public JsonNode inspectContainer(String nameOrId) throws IOException {
        inspectCalls++;
        check();
        JsonNode n = inspect.get(nameOrId);
        if (n == null) {
            throw new io.podwatch.collectors.podman.api.ApiStatusExceptions().notFound(nameOrId);
        }
        return n.deepCopy();
    }

    @Override
    public JsonNode statsAll() throws IOException {
        check();
        return stats;
    }

    @Override
    public List<JsonNode> listImages() throws IOException {
        check();
        return List.of();
    }

    @Override
    public JsonNode inspectImage(String nameOrId) {
        return null;
    }

    @Override
    public List<JsonNode> listVolumes() {
        return List.of();
    }

    @Override
    public JsonNode info() {
        return null;
    }

    @Override
    public void streamEvents(Consumer<JsonNode> sink) throws IOException {
        check();
    }

    @Override
    public void close() {
    }
}
