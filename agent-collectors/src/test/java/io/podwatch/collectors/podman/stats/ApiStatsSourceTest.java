package io.podwatch.collectors.podman.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.podman.Fixtures;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiStatsSourceTest {
    private static final String BURNER = "05a5e92e474f19dce5c7409ce022aa131343e24e774d16fa3c9762e494aef69d";

    @Test
    void mapsPodman4CountersAndSkipsStoppedContainers() throws IOException {
        Map<String, ContainerStats> stats = ApiStatsSource.parse(Fixtures.json("podman4/stats.json"));

        // "failer" had exited: Podman reports it all zeros, which is no reading at all
        assertThat(stats).hasSize(2).containsKey(BURNER);
        ContainerStats b = stats.get(BURNER);
        assertThat(b.cpuSeconds()).isCloseTo(8.199019104, within(1e-9));
        assertThat(b.cpuSystemSeconds()).isCloseTo(0.063955385, within(1e-9));
        assertThat(b.cpuUserSeconds()).isCloseTo(8.199019104 - 0.063955385, within(1e-9));
        assertThat(b.memoryUsage()).isEqualTo(520192);
        assertThat(b.memoryWorkingSet()).isEqualTo(520192);
        assertThat(b.memoryRss()).isNaN();
        assertThat(b.pids()).isEqualTo(3);
        assertThat(b.fsReadBytes()).isZero();
        assertThat(b.cfsPeriods()).isNaN();
        assertThat(b.network()).containsExactly(NetStats.bytesOnly("all", 586, 1688));
    }

    @Test
    void mapsPodman5PerInterfaceNetwork() throws IOException {
        ContainerStats web = ApiStatsSource.parse(Fixtures.json("podman5/stats.json")).values().iterator().next();

        assertThat(web.fsReadBytes()).isEqualTo(8192);
        assertThat(web.fsWriteBytes()).isEqualTo(16384);
        assertThat(web.network()).hasSize(2);
        NetStats eth0 = web.network().stream().filter(n -> n.iface().equals("eth0")).findFirst().orElseThrow();
        assertThat(eth0).isEqualTo(new NetStats("eth0", 2000, 20, 2, 1, 3000, 30, 4, 3));
    }

    @Test
    void reportsWhatIsWrongWithAMalformedReport() {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> ApiStatsSource.parse(json.readTree("{\"Stats\": {}}")))
                .hasMessageContaining("\"Stats\" is OBJECT, expected an array");
        assertThatThrownBy(() -> ApiStatsSource.parse(json.readTree("{\"Stats\": [{\"CPUNano\": 5}]}")))
                .hasMessageContaining("no ContainerID");
        assertThatThrownBy(() -> ApiStatsSource.parse(json.readTree("{\"Error\": \"cgroup gone\", \"Stats\": []}")))
                .hasMessageContaining("cgroup gone");
    }

    @Test
    void emptyReportIsNoContainers() throws IOException {
        assertThat(ApiStatsSource.parse(new ObjectMapper().readTree("{\"Error\": null, \"Stats\": null}"))).isEmpty();
    }
}
