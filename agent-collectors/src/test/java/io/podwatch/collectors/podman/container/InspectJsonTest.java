package io.podwatch.collectors.podman.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.podman.Fixtures;
import io.podwatch.core.inventory.ContainerInfo;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InspectJsonTest {
    @Test
    void readsPodman4ListEntries() throws IOException {
        ContainerInfo burner = InspectJson.fromList(Fixtures.json("podman4/list.json").get(0), "podman", "root");

        assertThat(burner.id()).startsWith("05a5e92e474f");
        assertThat(burner.name()).isEqualTo("burner");
        assertThat(burner.image()).isEqualTo("localhost/podwatch-test:latest");
        assertThat(burner.running()).isTrue();
        assertThat(burner.pid()).isEqualTo(11443);
        assertThat(burner.startedAt()).isEqualTo(Instant.ofEpochSecond(1795438386));
        assertThat(burner.restartCount()).as("4.x lists no restart count").isEqualTo(-1);
        assertThat(burner.inspected()).isFalse();
        assertThat(burner.imageId()).startsWith("c8982db410b4");
        assertThat(burner.created()).isEqualTo(Instant.parse("2026-11-23T12:53:06.531285168Z"));
        assertThat(burner.finishedAt()).as("year 1 is never").isNull();

        ContainerInfo failer = InspectJson.fromList(Fixtures.json("podman4/list.json").get(2), "podman", "root");
        assertThat(failer.state()).isEqualTo("exited");
        assertThat(failer.exitCode()).isEqualTo(1);
    }

    @Test
    void readsPodman5ListRestartsAndPod() throws IOException {
        ContainerInfo web = InspectJson.fromList(Fixtures.json("podman5/list.json").get(0), "podman", "root");

        assertThat(web.restartCount()).isEqualTo(2);
        assertThat(web.pod()).isEqualTo("shop");
    }

    @Test
    void readsInspectRestartPolicyLimitsAndCgroup() throws IOException {
        ContainerInfo burner = InspectJson.fromInspect(Fixtures.json("podman4/inspect-burner.json"), "podman", "root");

        assertThat(burner.inspected()).isTrue();
        assertThat(burner.restartPolicy()).isEqualTo("on-failure");
        assertThat(burner.restartMax()).isEqualTo(3);
        assertThat(burner.limits().memory()).isEqualTo(64 << 20);
        assertThat(burner.limits().cpuQuota()).isEqualTo(150000);
        assertThat(burner.limits().cpuPeriod()).isEqualTo(100000);
        assertThat(burner.cgroupPath()).isEqualTo("/libpod_parent/libpod-" + burner.id());
        assertThat(burner.startedAt()).isEqualTo(Instant.parse("2026-11-23T12:53:06.69392965Z"));

        ContainerInfo failer = InspectJson.fromInspect(Fixtures.json("podman4/inspect-failer.json"), "podman", "root");
        assertThat(failer.restartCount()).isEqualTo(3);
        assertThat(failer.exitCode()).isEqualTo(1);
        assertThat(failer.state()).isEqualTo("exited");
    }

    @Test
    void mergesListFreshnessWithInspectDetail() throws IOException {
        ContainerInfo detail = InspectJson.fromInspect(Fixtures.json("podman4/inspect-burner.json"), "podman", "root");
        ContainerInfo listed = InspectJson.fromList(Fixtures.json("podman4/list.json").get(0), "podman", "root");

        ContainerInfo merged = listed.withDetailFrom(detail);
        assertThat(merged.restartCount()).isZero();
        assertThat(merged.limits().memory()).isEqualTo(64 << 20);
        assertThat(merged.startedAt().getEpochSecond()).isEqualTo(listed.startedAt().getEpochSecond());
        assertThat(merged.startedAt()).as("inspect's finer time of the same start").isEqualTo(detail.startedAt());
    }

    @Test
    void goZeroTimeIsNever() throws IOException {
        assertThat(InspectJson.time("0001-01-01T00:00:00Z")).isNull();
    }

    @Test
    void entryWithoutIdSaysSo() {
        assertThatThrownBy(() -> InspectJson.fromList(new ObjectMapper().readTree("{\"Names\": [\"x\"]}"), "podman", "root"))
                .hasMessageContaining("no \"Id\"").hasMessageContaining("\"Names\"");
    }

    @Test
    void inspectCarriesMountsImageIdTimesAndSecurityInOneModel() throws IOException {
        ContainerInfo c;
        try (var in = getClass().getResourceAsStream("/fixtures/posture/inspect-5.x/etcrw.json")) {
            c = InspectJson.fromInspect(new ObjectMapper().readTree(in), "podman", "root");
        }

        assertThat(c.key()).isEqualTo(new io.podwatch.core.inventory.ContainerKey("podman", "root", c.id()));
        assertThat(c.imageId()).startsWith("38e0b59cd6ad");
        assertThat(c.created()).isEqualTo(Instant.parse("2026-07-24T05:25:17.711607897Z"));
        assertThat(c.startedAt()).as("Go's zero time is never").isNull();
        assertThat(c.mounts()).extracting(m -> m.sourceText() + ":" + m.destination() + ":" + (m.rw() ? "rw" : "ro"))
                .containsExactly("/usr:/hostusr:ro", "/tmp/pwcap/vol:/data:rw", "/etc:/etc:rw");
        assertThat(c.mounts().get(0).source()).isEqualTo(java.nio.file.Path.of("/usr"));
        assertThat(c.mounts().get(0).options()).containsExactly("rbind");
        assertThat(c.security().readOnlyRootfs()).isFalse();
    }

    @Test
    void hostileMountSourcesDoNotFailTheDocument() throws IOException {
        ContainerInfo c = InspectJson.fromInspect(new ObjectMapper().readTree("{\"Id\":\"x\",\"Name\":\"/web\","
                + "\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/a\\u0000b\",\"Destination\":\"/d\"}]}"), "docker", "root");
        assertThat(c.name()).as("Docker's leading slash goes").isEqualTo("web");
        assertThat(c.mounts()).singleElement().satisfies(m -> assertThat(m.source()).isNull());
    }
}
