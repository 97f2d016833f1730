package io.podwatch.collectors.volume.sprawl;

import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.volume.VolumeMetrics;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.sprawl.Sprawl;
import io.podwatch.core.sprawl.SprawlFacts;
import io.podwatch.core.sprawl.SprawlItem;
import io.podwatch.core.sprawl.SprawlState;
import io.podwatch.collectors.podman.api.Json;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reviews the engine for sprawl on a slow schedule: records what Podman does not keep (when a volume
 * was last attached or first seen dangling, when an image was last used) in the state directory so
 * ages survive restarts, and publishes the sprawl metrics. Run by the CollectorRunner.
 */
public final class SprawlCollector implements Collector {
    private final PodmanApi api;
    private final SprawlStateStore store;
    private final Duration unused;
    private final Clock clock;
    private SprawlState state;

    public SprawlCollector(PodmanApi api, Path stateDir, Duration unused, Clock clock) {
        this.api = api;
        this.store = new SprawlStateStore(stateDir);
        this.unused = unused;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sprawl";
    }

    @Override
    public void collect(Emitter out) throws Exception {
        Instant now = clock.instant();
        SprawlFacts facts = PodmanSprawlFacts.read(api);
        if (state == null) {
            state = store.load();
        }
        state = state.observe(facts, now);
        store.save(state);
        List<SprawlItem> items = Sprawl.analyse(facts, state, now, unused);
        List<Sample> s = new ArrayList<>();
        Map<String, Integer> byKind = new TreeMap<>(Map.of("volume", 0, "container", 0, "image", 0));
        items.forEach(i -> byKind.merge(i.kind(), 1, Integer::sum));
        byKind.forEach((k, n) -> s.add(VolumeMetrics.SPRAWL_ITEMS.sample(n, k)));
        for (SprawlFacts.VolumeFact v : facts.volumes()) {
            Instant since = state.firstDangling().containsKey(v.name())
                    ? state.lastAttached().getOrDefault(v.name(), state.firstDangling().get(v.name())) : null;
            if (since != null) {
                s.add(VolumeMetrics.DANGLING_SINCE.sample(since.getEpochSecond(), v.name()));
            }
        }
        for (SprawlFacts.ImageFact i : facts.images()) {
            Instant used = state.imageLastUsed().getOrDefault(i.id(), i.created());
            if (used != null) {
                s.add(VolumeMetrics.IMAGE_LAST_USED.sample(used.getEpochSecond(),
                        i.names().isEmpty() ? i.id() : i.names().get(0)));
            }
        }
        for (SprawlFacts.ContainerFact c : facts.containers()) {
            Instant since = c.finished() != null ? c.finished() : c.created();
            if (!c.running() && since != null) {
                s.add(VolumeMetrics.CONTAINER_STOPPED_SINCE.sample(since.getEpochSecond(), c.name()));
            }
        }
        storageRoot(s);
        out.samples(new SampleBatch(name(), now, s));
    }

    /** The storage root's file system (info is slow, ~0.4 s: fine at this collector's hourly pace). */
    private void storageRoot(List<Sample> s) {
        try {
            String root = Json.text(api.info(), "store", "graphRoot");
            if (!root.isEmpty()) {
                FileStore fs = Files.getFileStore(Path.of(root));
                s.add(VolumeMetrics.STORAGE_SIZE.sample(fs.getTotalSpace(), root));
                s.add(VolumeMetrics.STORAGE_AVAIL.sample(fs.getUsableSpace(), root));
            }
        } catch (IOException | RuntimeException e) {
            // the rest of the sprawl review stands; the usage metrics are absent this hour
        }
    }

    @Override
    public void close() {
        // no threads of its own
    }
}
