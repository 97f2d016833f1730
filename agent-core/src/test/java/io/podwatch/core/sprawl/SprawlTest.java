package io.podwatch.core.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SprawlTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofDays(40));

    static SprawlFacts.ContainerFact container(String name, boolean running, Instant finished, String... volumes) {
        return new SprawlFacts.ContainerFact("id-" + name, name, running ? "running" : "exited", running, "img1",
                "busybox", OLD, finished, List.of(volumes));
    }

    @Test
    void danglingVolumesStoppedContainersAndUnusedImagesPastTheCutoffWithTheirCommands() {
        SprawlFacts f = new SprawlFacts(List.of(
                new SprawlFacts.VolumeFact("orphan", "/v/orphan", OLD),
                new SprawlFacts.VolumeFact("fresh", "/v/fresh", NOW.minusSeconds(60)),
                new SprawlFacts.VolumeFact("db", "/v/db", OLD),
                new SprawlFacts.VolumeFact("old-data", "/v/old", OLD)),
                List.of(container("web", true, null, "db"), container("batch", false, OLD, "old-data"),
                        container("recent", false, NOW.minusSeconds(5))),
                List.of(new SprawlFacts.ImageFact("img1", List.of("busybox"), OLD, 10),
                        new SprawlFacts.ImageFact("img2", List.of("it's"), OLD, 20)));
        List<SprawlItem> items = Sprawl.analyse(f, SprawlState.EMPTY, NOW, Duration.ofDays(30));
        assertThat(items).extracting(i -> i.kind() + ":" + i.name() + ":" + i.command()).containsExactly(
                "volume:orphan:podman volume rm 'orphan'",
                "volume:old-data:podman rm 'batch' && podman volume rm 'old-data'",
                "container:batch:podman rm 'batch'",
                "image:it's:podman rmi 'img2'");
        assertThat(items.get(3).command()).isEqualTo("podman rmi 'img2'");
        assertThat(Sprawl.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Sprawl.pruneCommands(Duration.ofDays(30)))
                .containsExactly("podman container prune --filter until=720h", "podman image prune -a --filter until=720h");
    }

    @Test
    void theAgentsMemoryOfWhenAVolumeWasLastUsedSurvivesAndWins() {
        SprawlFacts attached = new SprawlFacts(List.of(new SprawlFacts.VolumeFact("v", "/v", OLD)),
                List.of(container("c", true, null, "v")), List.of());
        SprawlState s = SprawlState.EMPTY.observe(attached, NOW.minus(Duration.ofDays(2)));
        SprawlFacts detached = new SprawlFacts(attached.volumes(), List.of(), List.of());
        s = s.observe(detached, NOW.minus(Duration.ofDays(1)));
        assertThat(s.firstDangling()).containsEntry("v", NOW.minus(Duration.ofDays(1)));
        // created 40 days ago, but used two days ago: not sprawl at 30 days, sprawl at 1 day
        assertThat(Sprawl.analyse(detached, s, NOW, Duration.ofDays(30))).isEmpty();
        assertThat(Sprawl.analyse(detached, s, NOW, Duration.ofDays(1))).singleElement()
                .satisfies(i -> assertThat(i.since()).isEqualTo(NOW.minus(Duration.ofDays(2))));
    }
}
