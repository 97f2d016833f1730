package io.podwatch.agent.example.filecount;

import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import io.podwatch.core.model.MetricDef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The example collector's keys, config record and factory. */
public final class FileCountFactory implements CollectorFactory<FileCountFactory.FileCountConfig> {
    static final Setting<String> DIR = Setting.of("example.filecount.dir", ValueTypes.string(), "",
            "Directory whose files are counted; empty = off.");
    static final Setting<Integer> MAX = Setting.of("example.filecount.max-files", ValueTypes.integer(0, 1_000_000), 100,
            "TooManyFiles fires above this count.");
    static final Setting<Duration> INTERVAL = Setting.of("example.filecount.interval",
            ValueTypes.duration(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(10), "How often to count.");

    /** @param dir null when off */
    record FileCountConfig(Path dir, int maxFiles, Duration interval) {
    }

    @Override
    public String name() {
        return "filecount";
    }

    @Override
    public List<Setting<?>> keys() {
        return List.of(DIR, MAX, INTERVAL);
    }

    @Override
    public FileCountConfig config(Config c, HostEnv env) {
        return new FileCountConfig(c.get(DIR).isEmpty() ? null : Path.of(c.get(DIR)), c.get(MAX), c.get(INTERVAL));
    }

    @Override
    public List<MetricDef> metrics() {
        return List.of(FileCountCollector.FILES);
    }

    @Override
    public void create(FileCountConfig config, SourceContext context) {
        if (config.dir() != null) {
            context.assembly().detect(FileCountCollector.detector(config));
            context.assembly().collect(new FileCountCollector(config, context.clock()),
                    new CollectorRunner.Schedule(config.interval(), config.interval()));
        }
    }
}
