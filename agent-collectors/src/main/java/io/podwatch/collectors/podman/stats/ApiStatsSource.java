package io.podwatch.collectors.podman.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.core.inventory.ContainerInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters from ONE {@code GET /libpod/containers/stats?stream=false} per collection, for every
 * running container at once (one call per container costs the service ~40x more). Uses the
 * nanosecond CPU counters, never the percent fields (wrong for pod members). Podman 5 adds a
 * per-interface {@code Network} map; Podman 4 only has {@code NetInput/NetOutput}, exported under
 * {@code interface="all"}.
 */
public final class ApiStatsSource implements StatsSource {
    static final String ALL_INTERFACES = "all";

    private final PodmanApi api;

    public ApiStatsSource(PodmanApi api) {
        this.api = api;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Map<String, ContainerStats> read(Collection<ContainerInfo> running) throws IOException {
        return parse(api.statsAll());
    }

    /** Parses the libpod stats report; pure. */
    public static Map<String, ContainerStats> parse(JsonNode report) throws IOException {
        JsonNode error = report.path("Error");
        if (!error.isMissingNode() && !error.isNull() && !error.asText("").isEmpty()) {
            throw new IOException("libpod stats report carries an error: " + error);
        }
        JsonNode list = report.path("Stats");
        if (list.isNull()) {
            return Map.of();
        }
        if (!list.isArray()) {
            throw new IOException("malformed libpod stats report: \"Stats\" is " + list.getNodeType()
                    + ", expected an array");
        }
        Map<String, ContainerStats> out = new HashMap<>();
        for (JsonNode s : list) {
            String id = s.path("ContainerID").asText("");
            if (id.isEmpty()) {
                throw new IOException("malformed libpod stats entry: no ContainerID in " + abbreviate(s));
            }
            // a container that stopped between listing and reading comes back all zeros
            if (s.path("SystemNano").asLong(0) == 0 && s.path("CPUNano").asLong(0) == 0) {
                continue;
            }
            double cpu = s.path("CPUNano").asDouble() / 1e9;
            double sys = s.path("CPUSystemNano").asDouble() / 1e9;
            double mem = s.path("MemUsage").asDouble();
            out.put(id, ContainerStats.builder(id)
                    .cpu(cpu, Math.max(0, cpu - sys), sys)
                    .memory(mem, mem, Double.NaN, Double.NaN)
                    .blockIo(s.path("BlockInput").asDouble(), s.path("BlockOutput").asDouble())
                    .pids(s.path("PIDs").asDouble(), Double.NaN)
                    .network(network(s))
                    .build());
        }
        return out;
    }

    private static List<NetStats> network(JsonNode s) {
        JsonNode net = s.path("Network");
        if (net.isObject() && !net.isEmpty()) {
            List<NetStats> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : net.properties()) {
                JsonNode n = e.getValue();
                out.add(new NetStats(e.getKey(), n.path("RxBytes").asDouble(), n.path("RxPackets").asDouble(),
                        n.path("RxErrors").asDouble(), n.path("RxDropped").asDouble(), n.path("TxBytes").asDouble(),
                        n.path("TxPackets").asDouble(), n.path("TxErrors").asDouble(), n.path("TxDropped").asDouble()));
            }
            return out;
        }
        return List.of(NetStats.bytesOnly(ALL_INTERFACES, s.path("NetInput").asDouble(), s.path("NetOutput").asDouble()));
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        // stateless: the connection belongs to the module
    }
}
