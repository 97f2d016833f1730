package io.podwatch.collectors.podman.stats;

import io.podwatch.collectors.podman.cgroup.CgroupStatsSource;
import io.podwatch.core.inventory.ContainerInfo;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code podman.stats-source: auto}: the cgroup files when this host's cgroups are readable (the
 * agent runs beside the containers), else the API. A batch where the cgroup source could read none
 * of the running containers (e.g. they live in a cgroup namespace we cannot see) is taken from the
 * API instead, so the metrics never silently go empty.
 */
public final class AutoStatsSource implements StatsSource {
    private static final Logger LOG = LoggerFactory.getLogger(AutoStatsSource.class);

    private final CgroupStatsSource cgroup;
    private final StatsSource api;
    private String lastChoice = "";

    public AutoStatsSource(CgroupStatsSource cgroup, StatsSource api) {
        this.cgroup = cgroup;
        this.api = api;
    }

    @Override
    public String name() {
        return lastChoice.isEmpty() ? "auto" : lastChoice;
    }

    @Override
    public Map<String, ContainerStats> read(Collection<ContainerInfo> running) throws IOException, InterruptedException {
        if (cgroup.usable()) {
            Map<String, ContainerStats> fromCgroups = cgroup.read(running);
            if (!fromCgroups.isEmpty() || running.stream().noneMatch(c -> c.pid() > 0)) {
                choose("cgroup");
                return fromCgroups;
            }
        }
        choose("api");
        return api.read(running);
    }

    private void choose(String source) {
        if (!source.equals(lastChoice)) {
            LOG.info("container stats now read from the {}", source.equals("api") ? "Podman API" : "cgroup files");
            lastChoice = source;
        }
    }

    @Override
    public void close() {
        cgroup.close();
        api.close();
    }
}
