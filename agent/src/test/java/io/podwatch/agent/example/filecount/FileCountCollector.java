package io.podwatch.agent.example.filecount;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A test-only collector, the walkthrough's example: counts the files in a directory and, through
 * its own detector, fires {@code TooManyFiles} above a limit. It only reads; the runner schedules it.
 */
final class FileCountCollector implements Collector {
    static final MetricDef FILES = MetricDef.gauge("example_files", "", "Files in the watched directory", "dir");

    private final FileCountFactory.FileCountConfig config;
    private final Clock clock;

    FileCountCollector(FileCountFactory.FileCountConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "filecount";
    }

    @Override
    public void collect(Emitter out) throws IOException {
        long n;
        try (Stream<Path> files = Files.list(config.dir())) {
            n = files.limit(1_000_000).count();
        }
        out.samples(new SampleBatch(name(), clock.instant(), List.of(FILES.sample(n, config.dir().toString()))));
    }

    @Override
    public void close() {
    }

    /** Reads only the samples of its collector, on the processing thread. */
    static Detector detector(FileCountFactory.FileCountConfig config) {
        return new Detector() {
            @Override
            public String name() {
                return "filecount";
            }

            @Override
            public void onSamples(SampleBatch batch, Alerts alerts) {
                if (!batch.source().equals("filecount")) {
                    return;
                }
                batch.samples().forEach(s -> {
                    Map<String, String> labels = Map.of("dir", s.label("dir"));
                    if (s.value() > config.maxFiles()) {
                        alerts.fire(new Alert("TooManyFiles", Severity.HIGH, labels,
                                Map.of("summary", (long) s.value() + " files in " + s.label("dir")), null));
                    } else {
                        alerts.resolve("TooManyFiles", labels);
                    }
                });
            }
        };
    }
}
