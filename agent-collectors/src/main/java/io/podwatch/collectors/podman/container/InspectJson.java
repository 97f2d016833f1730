package io.podwatch.collectors.podman.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.api.Json;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.core.inventory.Limits;
import io.podwatch.core.inventory.Mount;
import io.podwatch.core.inventory.Security;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of container list entries and inspect documents (API object or the CLI's
 * one-element array) into {@link ContainerInfo}. Shapes differ by version and every read here
 * tolerates them: 5.x lists {@code Restarts} where 4.x has RestartCount only in inspect; 4.x prints
 * empty lists where 5.x prints null; 5.x names the default restart policy {@code no} where 4.x
 * leaves it empty; 4.3 reports {@code --ipc host} as {@code shareable}. Pure: tested on documents
 * captured from the real API.
 */
public final class InspectJson {
    /** Go's zero time, which the engines print for "never". */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private InspectJson() {
    }

    /** One entry of {@code GET /libpod/containers/json}. */
    public static ContainerInfo fromList(JsonNode c, String engine, String owner) throws IOException {
        ContainerKey key = new ContainerKey(engine, owner, id(c, "list entry"));
        JsonNode names = c.path("Names");
        String name = names.isArray() && !names.isEmpty() ? strip(names.get(0).asText("")) : "";
        long started = c.path("StartedAt").asLong(0);
        int restarts = c.has("Restarts") ? c.path("Restarts").asInt(0) : -1;
        return new ContainerInfo(key, name, c.path("Image").asText(""), Json.text(c, "ImageID"),
                c.path("PodName").asText(""), lower(c, "State"), listTime(c, "Created"),
                unix(started), listTime(c, "ExitedAt"), c.path("ExitCode").asInt(0), c.path("Pid").asLong(0),
                0, restarts, "", 0, "", Json.stringMap(c, "Labels"), List.of(), Limits.NONE, Security.UNKNOWN,
                c.path("IsInfra").asBoolean(false), false);
    }

    /** {@code GET /libpod/containers/{id}/json}, or the CLI's {@code podman inspect} output. */
    public static ContainerInfo fromInspect(JsonNode doc, String engine, String owner) throws IOException {
        JsonNode c = Json.single(doc);
        if (c == null || !c.isObject()) {
            throw new IOException("malformed container inspect document: not an object");
        }
        ContainerKey key = new ContainerKey(engine, owner, id(c, "inspect document"));
        JsonNode state = Json.at(c, "State");
        JsonNode hc = Json.at(c, "HostConfig");
        String image = Json.text(c, "ImageName");
        image = image.isEmpty() ? Json.text(c, "Config", "Image") : image;
        return new ContainerInfo(key, strip(Json.text(c, "Name")), image, Json.text(c, "Image"), "",
                lower(state, "Status"), time(Json.text(c, "Created")), time(Json.text(state, "StartedAt")),
                time(Json.text(state, "FinishedAt")), (int) Json.number(state, "ExitCode"), Json.number(state, "Pid"),
                Json.number(state, "ConmonPid"), (int) Json.number(c, "RestartCount"),
                lower(Json.at(hc, "RestartPolicy"), "Name"), (int) Json.number(hc, "RestartPolicy", "MaximumRetryCount"),
                Json.text(state, "CgroupPath"), Json.stringMap(c, "Config", "Labels"), mounts(c), limits(hc),
                security(c, hc), Json.bool(c, "IsInfra"), true);
    }

    private static Limits limits(JsonNode hc) {
        return new Limits(Json.number(hc, "Memory"), Json.number(hc, "CpuQuota"), Json.number(hc, "CpuPeriod"),
                Json.number(hc, "NanoCpus"), Json.number(hc, "CpuShares"), Json.text(hc, "CpusetCpus"),
                Json.number(hc, "PidsLimit"));
    }

    private static Security security(JsonNode c, JsonNode hc) {
        Map<String, String> annotations = Json.stringMap(c, "Config", "Annotations");
        boolean privileged = Json.bool(hc, "Privileged")
                || "true".equalsIgnoreCase(annotations.getOrDefault("io.podman.annotations.privileged", ""));
        Security.Namespaces ns = new Security.Namespaces(lower(hc, "NetworkMode"), lower(hc, "PidMode"),
                lower(hc, "IpcMode"), lower(hc, "UTSMode"), lower(hc, "UsernsMode"));
        return new Security(Json.text(c, "Config", "User"), privileged, caps(Json.strings(hc, "CapAdd")), ns,
                devices(hc), ports(c), Json.bool(hc, "ReadonlyRootfs"), Json.strings(hc, "SecurityOpt"),
                Json.text(c, "AppArmorProfile"), Json.strings(c, "Config", "CreateCommand"));
    }

    /** {@code CAP_SYS_ADMIN} and {@code sys_admin} both become {@code SYS_ADMIN}. */
    public static List<String> caps(List<String> raw) {
        return raw.stream().map(s -> s.toUpperCase(Locale.ROOT))
                .map(s -> s.startsWith("CAP_") ? s.substring(4) : s).sorted().toList();
    }

    /** A comma-separated capability list, as {@code info} prints the engine's defaults. */
    public static List<String> caps(String commaSeparated) {
        return caps(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static List<Mount> mounts(JsonNode c) {
        List<Mount> out = new ArrayList<>();
        for (JsonNode m : Json.array(c, "Mounts")) {
            out.add(new Mount(Json.text(m, "Type"), Json.text(m, "Name"), Mount.hostPath(Json.text(m, "Source")),
                    Json.text(m, "Destination"), Json.bool(m, "RW"), Json.strings(m, "Options")));
        }
        return out;
    }

    private static List<String> devices(JsonNode hc) {
        return Json.array(hc, "Devices").stream().map(d -> Json.text(d, "PathOnHost"))
                .filter(p -> !p.isEmpty()).toList();
    }

    private static List<Security.PortBinding> ports(JsonNode c) {
        JsonNode bindings = Json.at(c, "HostConfig", "PortBindings");
        if (bindings == null || bindings.isEmpty()) {
            bindings = Json.at(c, "NetworkSettings", "Ports");
        }
        List<Security.PortBinding> out = new ArrayList<>();
        if (bindings != null && bindings.isObject()) {
            bindings.fields().forEachRemaining(e -> {
                for (JsonNode b : Json.array(e.getValue())) {
                    out.add(new Security.PortBinding(e.getKey(), Json.text(b, "HostIp"),
                            (int) Json.number(b, "HostPort")));
                }
            });
        }
        return out;
    }

    private static String id(JsonNode c, String what) throws IOException {
        String id = Json.text(c, "Id");
        if (id.isEmpty()) {
            throw new IOException("malformed container " + what + ": no \"Id\" in " + abbreviate(c.toString()));
        }
        return id;
    }

    private static String lower(JsonNode node, String field) {
        return Json.text(node, field).toLowerCase(Locale.ROOT);
    }

    /** Lists give unix seconds (4.x prints Created as RFC 3339 text); year 1 (negative) is "never". */
    private static Instant listTime(JsonNode c, String field) {
        JsonNode n = Json.at(c, field);
        return n != null && n.isTextual() && !n.asText().matches("-?\\d+") ? time(n.asText()) : unix(Json.number(c, field));
    }

    /** Unix seconds; 0 or less (Podman prints year 1 as negative) is "never". */
    private static Instant unix(long seconds) {
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    /** Docker's inspect prefixes the name with "/". */
    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** An RFC 3339 time; null for absent, Go's zero time, before the epoch or unparseable text. */
    static Instant time(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(s).toInstant();
            return t.equals(GO_ZERO) || t.isBefore(Instant.EPOCH) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
