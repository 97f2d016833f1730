package io.podwatch.collectors.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.posture.Catalog;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureReportTest {
    static final ContainerRef WEB = new ContainerRef("a".repeat(64), "web", "localhost/web:1", "");
    static final ContainerRef DB = new ContainerRef("b".repeat(64), "db", "registry.example.com/pg:16", "");

    static Check check(String id) {
        return Catalog.byId(id).orElseThrow();
    }

    static PostureReport report() {
        return new PostureReport(List.of(
                Finding.of(check("PW-C-WRITABLE-ROOTFS"), Outcome.fail("--read-only is not set"), WEB),
                Finding.of(check("PW-C-PRIVILEGED"), Outcome.fail("--privileged"), WEB).accepted("GPU passthrough"),
                Finding.of(check("PW-C-HOST-NETWORK"), Outcome.fail("--network host"), DB),
                Finding.of(check("PW-H-CGROUP-NOT-V2"), Outcome.fail("hybrid"), null),
                Finding.of(check("PW-H-PENDING-UPDATES"), Outcome.unknown("no apt-get"), null)));
    }

    @Test
    void jsonIsAnArrayOfFindingsWithContainerAbsentForHost() throws Exception {
        JsonNode arr = new ObjectMapper().readTree(report().render(PostureReport.Format.JSON, false));
        assertThat(arr.isArray()).isTrue();
        assertThat(arr).hasSize(5);
        JsonNode host = arr.get(0);
        assertThat(host.path("check").asText()).isEqualTo("PW-H-CGROUP-NOT-V2");
        assertThat(host.has("container")).isFalse();
        JsonNode priv = arr.get(3);
        assertThat(priv.path("check").asText()).isEqualTo("PW-C-PRIVILEGED");
        assertThat(priv.path("status").asText()).isEqualTo("accepted");
        assertThat(priv.path("reason").asText()).isEqualTo("GPU passthrough");
        assertThat(priv.path("severity").asText()).isEqualTo("critical");
        assertThat(priv.path("title").asText()).isEqualTo("Privileged container");
        assertThat(priv.path("remediation").asText()).contains("--cap-add");
        assertThat(priv.path("container").path("id").asText()).isEqualTo(WEB.id());
        assertThat(priv.path("container").path("name").asText()).isEqualTo("web");
    }

    @Test
    void sarifIsValid210WithRulesResultsAndSuppressions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(report().render(PostureReport.Format.SARIF, false));
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        assertThat(root.path("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = root.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(Catalog.all().size());
        JsonNode results = run.path("results");
        assertThat(results).hasSize(5);
        for (JsonNode r : results) {
            JsonNode rule = run.path("tool").path("driver").path("rules").get(r.path("ruleIndex").asInt());
            assertThat(rule.path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                    .startsWith("podman/");
        }
        JsonNode priv = results.get(3);
        assertThat(priv.path("level").asText()).isEqualTo("error");
        assertThat(priv.path("suppressions").get(0).path("justification").asText()).isEqualTo("GPU passthrough");
        assertThat(results.get(1).path("kind").asText()).isEqualTo("review");
    }

    @Test
    void tableIsGroupedAlignedAndColouredOnlyWhenAsked() {
        String plain = report().render(PostureReport.Format.TABLE, false);
        assertThat(plain).doesNotContain("\u001b[");
        List<String> lines = plain.lines().toList();
        assertThat(lines.get(0)).isEqualTo("host (images, trust and host checks)");
        assertThat(plain).contains("container db (bbbbbbbbbbbb)  image registry.example.com/pg:16")
                .contains("[accepted: GPU passthrough]")
                .endsWith("3 failing, 1 accepted, 1 unknown\n");
        // the CHECK column starts at the same offset on every finding line
        List<Integer> columns = lines.stream().filter(l -> l.contains("PW-")).map(l -> l.indexOf("PW-")).distinct().toList();
        assertThat(columns).hasSize(1);
        assertThat(report().render(PostureReport.Format.TABLE, true)).contains("\u001b[31mhigh");
    }

    @Test
    void filtersAndExitStatus() {
        PostureReport r = report();
        assertThat(r.filter(Severity.HIGH, null).findings()).extracting(f -> f.check().id())
                .containsExactly("PW-C-HOST-NETWORK", "PW-C-PRIVILEGED");
        assertThat(r.filter(null, "web").findings()).hasSize(2).allMatch(f -> f.container() == WEB);
        assertThat(r.exitStatus(Severity.HIGH)).isEqualTo(1);
        assertThat(r.exitStatus(Severity.CRITICAL)).as("the critical one is accepted").isZero();
        assertThat(r.exitStatus(null)).isZero();
        assertThat(new PostureReport(List.of()).render(PostureReport.Format.TABLE, false)).startsWith("No findings");
    }

    @Test
    void jsonAndSarifNameTheGuideAndSectionNotASeedFile() throws Exception {
        JsonNode seed = new ObjectMapper().readTree(report().render(PostureReport.Format.JSON, false)).get(3).path("seed");
        assertThat(seed.path("guide").asText()).isEqualTo(check("PW-C-PRIVILEGED").seed().title());
        assertThat(seed.path("section").asText()).startsWith(seed.path("guide").asText() + " — ");
        assertThat(seed.has("file")).isFalse();
        String sarif = report().render(PostureReport.Format.SARIF, false);
        assertThat(sarif).doesNotContain(".txt").contains(SeedSections.of(check("PW-C-PRIVILEGED")));
    }

    @Test
    void theTableKeepsOneFindingPerLineWhateverTheEvidenceHolds() {
        // a host directory named like this, bind-mounted into a container, ends up in the evidence
        String evil = "/srv/x\n  critical  PW-C-FAKE  failing  forged\u001b[2J";
        String table = new PostureReport(List.of(Finding.of(check("PW-C-SENSITIVE-MOUNT-RW"), Outcome.fail("mounts " + evil), WEB)))
                .render(PostureReport.Format.TABLE, false);
        assertThat(table).doesNotContain("\u001b").contains("/srv/x\\n  critical  PW-C-FAKE").contains("\\x1b[2J");
        assertThat(table.lines().filter(l -> l.contains("PW-C-"))).hasSize(1);
    }
}
