package io.podwatch.core.model;

import java.util.Objects;

/**
 * Identifies a container in events, samples and alerts. {@code pod} and {@code image} may be empty
 * (never null) when unknown, e.g. for a container seen only in an audit record.
 */
public record ContainerRef(String id, String name, String image, String pod) {
    public ContainerRef {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        image = image == null ? "" : image;
        pod = pod == null ? "" : pod;
    }

    public static ContainerRef ofId(String id) {
        return new ContainerRef(id, "", "", "");
    }

    /** The 12-character short id Podman prints. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** Name when known, else short id: what an operator recognises. */
    public String display() {
        return name.isEmpty() ? shortId() : name;
    }
}
