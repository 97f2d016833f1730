package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podwatch sprawl} end to end against a real Podman: its real stdout and exit status. */
@Tag("integration")
class SprawlCommandIT extends CapturedCli {
    static PodmanHarness harness;
    static Path config;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        PodmanHarness.assumeAvailable();
        harness = PodmanHarness.create();
        harness.startService();
        harness.podman("volume", "create", "pws-orphan");
        harness.podman("volume", "create", "pws-kept");
        harness.podman("run", "--name", "pws-old", "-v", "pws-kept:/data", PodmanHarness.IMAGE, "sh", "-c",
                "echo data > /data/f");
        harness.podman("run", "-d", "--name", "pws-live", PodmanHarness.IMAGE, "sleep", "300");
        config = dir.resolve("podwatch.yaml");
        Files.writeString(config, "state-dir: " + dir.resolve("state") + "\npodman:\n  socket: " + harness.socketUri()
                + "\n");
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void tableListsTheDanglingVolumeAndTheStoppedContainerWithTheirCommands() {
        assertThat(run("sprawl", "--config", config.toString(), "--days", "0")).as(err.toString())
                .isEqualTo(ExitCode.FINDINGS);
        String text = out.toString();
        String[] lines = text.split("\n");
        assertThat(lines[0]).startsWith("KIND").contains("NAME").contains("UNUSED FOR").contains("SIZE");
        assertThat(text).containsPattern("(?m)^volume +pws-orphan +\\S+ +0 B +dangling$")
                .containsPattern("(?m)^volume +pws-kept +\\S+ +5 B +used only by stopped containers: pws-old$")
                .containsPattern("(?m)^container +pws-old +\\S+ +- +exited$")
                .contains("  podman volume rm 'pws-orphan'\n")
                .contains("  podman rm 'pws-old' && podman volume rm 'pws-kept'\n")
                .contains("  podman rm 'pws-old'\n")
                .contains("  podman container prune --filter until=0h\n")
                .contains("  podman image prune -a --filter until=0h\n")
                .doesNotContain("pws-live");
    }

    @Test
    void jsonCarriesTheSameItemsForScripts() throws Exception {
        assertThat(run("sprawl", "--config", config.toString(), "--days", "0", "--format", "json"))
                .isEqualTo(ExitCode.FINDINGS);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        List<String> items = new ArrayList<>();
        root.path("items").forEach(i -> items.add(i.path("kind").asText() + ":" + i.path("name").asText() + ":"
                + i.path("command").asText()));
        assertThat(items).contains("volume:pws-orphan:podman volume rm 'pws-orphan'",
                "container:pws-old:podman rm 'pws-old'");
        assertThat(root.path("unused_days").asInt()).isZero();
        assertThat(root.path("prune_commands").get(0).asText()).isEqualTo("podman container prune --filter until=0h");
    }

    @Test
    void nothingOlderThanTheCutoffIsNoSprawlAndExitZero() {
        assertThat(run("sprawl", "--config", config.toString(), "--days", "3650")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("No sprawl: no dangling volume, stopped container or unused image older "
                + "than 3650 days.\n");
    }
}
