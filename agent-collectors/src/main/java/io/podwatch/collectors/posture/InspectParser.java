package io.podwatch.collectors.posture;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.core.model.ContainerRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@link ContainerFacts} from libpod's container inspect JSON (API object or the CLI's
 * one-element array). Shapes differ by version: 4.x prints empty lists where 5.x prints null, 5.x
 * names the default restart policy {@code no} where 4.x leaves it empty, 4.3 reports
 * {@code --ipc host} as {@code shareable}; every read here tolerates both.
 */
public final class InspectParser {
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private InspectParser() {
    }

    public static ContainerFacts parse(JsonNode inspect) {
        JsonNode c = Json.single(inspect);
        if (c == null || !c.isObject() || Json.text(c, "Id").isEmpty()) {
            throw new IllegalArgumentException("not a container inspect object (no Id)");
        }
        JsonNode hc = Json.at(c, "HostConfig");
        String name = Json.text(c, "Name");
        name = name.startsWith("/") ? name.substring(1) : name;
        String image = Json.text(c, "ImageName");
        image = image.isEmpty() ? Json.text(c, "Config", "Image") : image;
        ContainerRef ref = new ContainerRef(Json.text(c, "Id"), name, image, Json.text(c, "Pod"));
        Map<String, String> annotations = Json.stringMap(c, "Config", "Annotations");
        boolean privileged = Json.bool(hc, "Privileged")
                || "true".equalsIgnoreCase(annotations.getOrDefault("io.podman.annotations.privileged", ""));
        ContainerFacts.Namespaces ns = new ContainerFacts.Namespaces(lower(hc, "NetworkMode"), lower(hc, "PidMode"),
                lower(hc, "IpcMode"), lower(hc, "UTSMode"), lower(hc, "UsernsMode"));
        boolean cpuLimited = Json.number(hc, "NanoCpus") > 0 || Json.number(hc, "CpuQuota") > 0
                || Json.number(hc, "CpuShares") > 0 || !Json.text(hc, "CpusetCpus").isEmpty();
        return new ContainerFacts(ref, lower(Json.at(c, "State"), "Status"), Json.number(c, "State", "Pid"),
                Json.text(c, "Config", "User"), privileged, caps(Json.strings(hc, "CapAdd")), ns, mounts(c),
                devices(hc), ports(c), Json.number(hc, "Memory"), cpuLimited, Json.number(hc, "PidsLimit"),
                lower(Json.at(hc, "RestartPolicy"), "Name"), Json.number(hc, "RestartPolicy", "MaximumRetryCount"),
                Json.bool(hc, "ReadonlyRootfs"), Json.strings(hc, "SecurityOpt"), Json.text(c, "AppArmorProfile"),
                Json.stringMap(c, "Config", "Labels"), image, Json.strings(c, "Config", "CreateCommand"),
                time(Json.text(c, "Created")), time(Json.text(c, "State", "FinishedAt")));
    }

    private static String lower(JsonNode node, String field) {
        return Json.text(node, field).toLowerCase(Locale.ROOT);
    }

    /** {@code CAP_SYS_ADMIN} and {@code sys_admin} both become {@code SYS_ADMIN}. */
    static List<String> caps(List<String> raw) {
        return raw.stream().map(s -> s.toUpperCase(Locale.ROOT))
                .map(s -> s.startsWith("CAP_") ? s.substring(4) : s).sorted().toList();
    }

    private static List<ContainerFacts.Mount> mounts(JsonNode c) {
        List<ContainerFacts.Mount> out = new ArrayList<>();
        for (JsonNode m : Json.array(c, "Mounts")) {
            out.add(new ContainerFacts.Mount(Json.text(m, "Type"), Json.text(m, "Source"),
                    Json.text(m, "Destination"), Json.bool(m, "RW")));
        }
        return out;
    }

    private static List<String> devices(JsonNode hc) {
        return Json.array(hc, "Devices").stream().map(d -> Json.text(d, "PathOnHost"))
                .filter(p -> !p.isEmpty()).toList();
    }

    private static List<ContainerFacts.PortBinding> ports(JsonNode c) {
        JsonNode bindings = Json.at(c, "HostConfig", "PortBindings");
        if (bindings == null || bindings.isEmpty()) {
            bindings = Json.at(c, "NetworkSettings", "Ports");
        }
        List<ContainerFacts.PortBinding> out = new ArrayList<>();
        if (bindings != null && bindings.isObject()) {
            bindings.fields().forEachRemaining(e -> {
                for (JsonNode b : Json.array(e.getValue())) {
                    out.add(new ContainerFacts.PortBinding(e.getKey(), Json.text(b, "HostIp"),
                            (int) Json.number(b, "HostPort")));
                }
            });
        }
        return out;
    }

    static Instant time(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            Instant t = OffsetDateTime.parse(s).toInstant();
            return t.equals(ZERO_TIME) ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
