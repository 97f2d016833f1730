package io.podwatch.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.http.Routes;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusModelTest {
    final ObjectMapper json = new ObjectMapper();

    JsonNode get(StatusFixture f, String path) throws Exception {
        Routes.Response r = f.routes().find(path).apply(new Routes.Request(path, Map.of()));
        assertThat(r.status()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void containersCarryRatesStatePostureAndAnomalyScores() throws Exception {
        StatusFixture f = new StatusFixture().collect(2);
        JsonNode list = get(f, "/api/v1/containers").path("containers");
        assertThat(list).hasSize(5);
        assertThat(list.findValuesAsText("state")).contains("created"); // known to the inventory only
        JsonNode db = list.findParents("name").stream().filter(n -> n.path("name").asText().equals("db")).findFirst().orElseThrow();
        assertThat(db.path("cpuCores").asDouble()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(db.path("memoryLimitBytes").asDouble()).isEqualTo(512e6);
        assertThat(db.path("engine").asText()).isEqualTo("podman");
        assertThat(db.path("anomaly").path("cpu").isNumber()).isTrue();
        JsonNode evil = list.findParents("name").stream().filter(n -> n.path("name").asText().equals(StatusFixture.HOSTILE))
                .findFirst().orElseThrow();
        assertThat(evil.path("postureScore").asDouble()).isEqualTo(60);
        assertThat(evil.path("failingChecks").get(0).asText()).isEqualTo("PW-C-PRIVILEGED");
    }

    @Test
    void containerPageHasAnHourOfPointsAtMostAndItsFindingsAndEvents() throws Exception {
        StatusFixture f = new StatusFixture().collect(70).incidents();
        String id = f.containers.get(3).id();
        JsonNode c = get(f, "/api/v1/containers/" + id);
        JsonNode h = c.path("history");
        assertThat(h.path("time")).hasSize(History.POINTS);
        assertThat(h.path("cpu_cores")).hasSize(History.POINTS);
        assertThat(c.path("findings").get(0).path("remediation").asText()).contains("--privileged");
        assertThat(c.path("events").findValuesAsText("source")).contains("audit", "posture");
        // by name as well as id
        assertThat(get(f, "/api/v1/containers/crashloop").path("container").path("id").asText()).startsWith("ccc");
    }

    @Test
    void alertsFiringResolvedAndInhibited() throws Exception {
        StatusFixture f = new StatusFixture().collect(1).incidents();
        JsonNode a = get(f, "/api/v1/alerts");
        assertThat(a.path("firing").findValuesAsText("name")).containsExactly("PostureCheckFailing", "ContainerRestartLoop");
        assertThat(a.path("resolved").findValuesAsText("name")).containsExactly("ContainerOomKilled");
        assertThat(a.path("inhibited").findValuesAsText("name")).containsExactly("ContainerCpuAnomaly");
        assertThat(get(f, "/api/v1/overview").path("counts").path("alertsFiring").asInt()).isEqualTo(2);
    }

    @Test
    void eventsFilterAndPage() throws Exception {
        StatusFixture f = new StatusFixture().collect(1).incidents();
        Routes r = f.routes();
        JsonNode all = json.readTree(r.find("/api/v1/events").apply(new Routes.Request("/api/v1/events", Map.of())).body());
        long last = all.path("last").asLong();
        assertThat(all.path("events").size()).isEqualTo((int) last);
        JsonNode audit = json.readTree(r.find("/api/v1/events").apply(new Routes.Request("/api/v1/events",
                Map.of("source", "audit"))).body());
        assertThat(audit.path("events").findValuesAsText("source")).containsOnly("audit");
        JsonNode high = json.readTree(r.find("/api/v1/events").apply(new Routes.Request("/api/v1/events",
                Map.of("severity", "high"))).body());
        assertThat(high.path("events").findValuesAsText("severity")).containsOnly("high", "critical");
        JsonNode none = json.readTree(r.find("/api/v1/events").apply(new Routes.Request("/api/v1/events",
                Map.of("since", String.valueOf(last)))).body());
        assertThat(none.path("events")).isEmpty();
    }

    @Test
    void chartMemoryIsBoundedByTheTrackedContainerCap() {
        StatusFixture f = new StatusFixture();
        // a full hour for more containers than the cap: the oldest-seen histories go
        var s = new java.util.ArrayList<io.podwatch.core.model.Sample>();
        for (int k = 0; k < ContainerTracker.MAX_TRACKED + 50; k++) {
            s.add(StatusFixture.CPU.sample(k, "id" + k, "c" + k, "img", ""));
        }
        for (int i = 0; i < 5; i++) {
            f.now = f.now.plusSeconds(5);
            f.model.onSamples(new io.podwatch.core.model.SampleBatch("podman", f.now, s), f.none);
        }
        f.model.onTick(f.now, f.none);
        assertThat(f.model.historyBytes()).isLessThanOrEqualTo(StatusModel.historyBound());
        assertThat(StatusModel.historyBound()).isLessThan(9L * 1024 * 1024);
    }
}
