package io.podwatch.collectors.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Docker Engine API documents in the libpod shapes the engine-neutral tracker and stats source
 * read, so one {@code ContainerTracker} and one {@code ApiStatsSource} serve both engines. Events:
 * {@code die} is Podman's {@code died}, {@code destroy} its {@code remove}, the {@code exitCode}
 * attribute its {@code containerExitCode}. Inspect: the containerd shim (the init's parent) stands
 * in for conmon as {@code State.ConmonPid}. Stats: {@code /containers/ID/stats} becomes one
 * {@code Stats} entry with nanosecond counters. Pure.
 */
final class DockerShapes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, String> ACTIONS = Map.of("die", "died", "destroy", "remove");

    private DockerShapes() {
    }

    /** A Docker event with libpod's status names and exit-code attribute; other events unchanged. */
    static JsonNode event(JsonNode docker) {
        if (!(docker instanceof ObjectNode e) || !"container".equals(e.path("Type").asText(""))) {
            return docker;
        }
        ObjectNode out = e.deepCopy();
        String action = e.path("Action").asText(e.path("status").asText(""));
        String status = ACTIONS.getOrDefault(action, action);
        out.put("status", status).put("Action", status);
        JsonNode attrs = out.path("Actor").path("Attributes");
        if (attrs instanceof ObjectNode a && a.has("exitCode")) {
            a.put("containerExitCode", a.path("exitCode").asText(""));
        }
        return out;
    }

    /** Inspect with the shim's pid as the monitor pid (0 when the container does not run). */
    static JsonNode inspect(JsonNode docker, long shimPid) {
        if (!(docker instanceof ObjectNode c) || shimPid <= 0 || !(c.path("State") instanceof ObjectNode)) {
            return docker;
        }
        ObjectNode out = c.deepCopy();
        ((ObjectNode) out.path("State")).put("ConmonPid", shimPid);
        return out;
    }

    /** One container's {@code /containers/ID/stats?stream=false} as a libpod stats entry; null when it does not run. */
    static ObjectNode statsEntry(String id, JsonNode s) {
        JsonNode cpu = s.path("cpu_stats");
        long total = cpu.path("cpu_usage").path("total_usage").asLong(0);
        long system = cpu.path("system_cpu_usage").asLong(0);
        if (total == 0 && system == 0) {
            return null; // stopped between listing and reading: Docker answers with zeros
        }
        ObjectNode e = F.objectNode();
        e.put("ContainerID", id);
        e.put("CPUNano", total);
        e.put("CPUSystemNano", cpu.path("cpu_usage").path("usage_in_kernelmode").asLong(0));
        e.put("SystemNano", Math.max(1, system));
        e.put("MemUsage", s.path("memory_stats").path("usage").asLong(0));
        e.put("PIDs", s.path("pids_stats").path("current").asLong(0));
        long read = 0;
        long write = 0;
        for (JsonNode b : s.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = b.path("op").asText("").toLowerCase(java.util.Locale.ROOT);
            if (op.equals("read")) {
                read += b.path("value").asLong(0);
            } else if (op.equals("write")) {
                write += b.path("value").asLong(0);
            }
        }
        e.put("BlockInput", read);
        e.put("BlockOutput", write);
        ObjectNode net = F.objectNode();
        s.path("networks").properties().forEach(n -> {
            JsonNode v = n.getValue();
            ObjectNode i = net.putObject(n.getKey());
            i.put("RxBytes", v.path("rx_bytes").asLong(0)).put("RxPackets", v.path("rx_packets").asLong(0))
                    .put("RxErrors", v.path("rx_errors").asLong(0)).put("RxDropped", v.path("rx_dropped").asLong(0))
                    .put("TxBytes", v.path("tx_bytes").asLong(0)).put("TxPackets", v.path("tx_packets").asLong(0))
                    .put("TxErrors", v.path("tx_errors").asLong(0)).put("TxDropped", v.path("tx_dropped").asLong(0));
        });
        if (!net.isEmpty()) {
            e.set("Network", net);
        }
        return e;
    }

    /** The libpod stats report around {@code entries}. */
    static JsonNode report(ArrayNode entries) {
        ObjectNode r = F.objectNode();
        r.putNull("Error");
        r.set("Stats", entries);
        return r;
    }

    static ArrayNode array() {
        return F.arrayNode();
    }
}
