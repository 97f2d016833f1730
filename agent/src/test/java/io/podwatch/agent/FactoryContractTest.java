package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.agent.sink.Delivery;
import io.podwatch.agent.sink.EventSinkFactory;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.plugin.EngineFactory;
import io.podwatch.collectors.plugin.Engines;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.plugin.Assembly;
import io.podwatch.core.plugin.Factory;
import io.podwatch.core.process.Detector;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every built-in factory promises (the style's "validate at construction, connect at start"):
 * reading its config and creating its parts from every plug-in page's sample does no I/O — the
 * state directory stays empty, no {@code podwatch-*} thread starts — and every part it hands over
 * can be closed twice without having been started.
 */
class FactoryContractTest {
    private static final HostEnv ROOT = new HostEnv(true, "/root", Map.of());

    @TempDir
    Path dir;

    /** Hands-over recorded, nothing run. */
    private static final class Recorded implements Assembly {
        final List<Managed> parts = new ArrayList<>();
        final List<Detector> detectors = new ArrayList<>();

        @Override
        public <T extends Managed> T manage(T part) {
            parts.add(part);
            return part;
        }

        @Override
        public <T extends Collector> T collect(T collector, CollectorRunner.Schedule schedule) {
            parts.add(collector);
            return collector;
        }

        @Override
        public void detect(Detector detector) {
            detectors.add(detector);
        }
    }

    @Test
    void creatingFromEverySampleDoesNoIoStartsNoThreadAndClosesTwice() throws Exception {
        Set<String> threadsBefore = podwatchThreads();
        Config config = samples();
        Path state = Files.createDirectories(dir.resolve("state"));
        Recorded assembly = new Recorded();
        SourceContext sources = new SourceContext(Clock.systemUTC(), new SimpleMeterRegistry(), state, ROOT,
                new RecordingEmitter(), assembly, new Inventory(Clock.systemUTC()), Engines.NONE);
        List<Engine> engines = new ArrayList<>();
        for (EngineFactory<?> f : BuiltIns.engines()) {
            engine(f, config, sources).ifPresent(engines::add);
        }
        for (CollectorFactory<?> f : BuiltIns.collectors()) {
            collector(f, config, sources.withEngines(new Engines(engines)));
        }
        SinkContext sinks = new SinkContext(Clock.systemUTC(), new SimpleMeterRegistry(), state, Map.of(), Map.of(),
                e -> { });
        List<Managed> sinkParts = new ArrayList<>();
        for (EventSinkFactory<?> f : BuiltIns.eventSinks()) {
            eventSink(f, config, sinks).ifPresent(sinkParts::add);
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (ReceiverFactory<?> f : BuiltIns.receivers()) {
            deliveries.addAll(receiver(f, config, sinks));
        }

        assertThat(engines).extracting(Engine::name).contains("podman");
        assertThat(assembly.parts).isNotEmpty();
        assertThat(deliveries).extracting(d -> d.sink().name()).contains("webhook-0", "alertmanager-0", "email");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files).as("no factory writes at create").isEmpty();
        }
        assertThat(podwatchThreads()).as("no factory starts a thread").isEqualTo(threadsBefore);
        for (Managed m : concat(assembly.parts, sinkParts)) {
            m.close();
            m.close();
        }
        for (Delivery d : deliveries) {
            d.sink().close();
            d.sink().close();
        }
    }

    /** Every plug-in page's sample, in one file (their keys do not overlap). */
    private static Config samples() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (Factory<?> f : BuiltIns.factories()) {
            String page = Files.readString(Path.of("..", "docs", "plugins", f.name() + ".md"));
            String sample = page.substring(page.indexOf("```yaml\n") + 8, page.indexOf("```", page.indexOf("```yaml\n") + 8));
            yaml.append(sample);
        }
        // the receivers' samples all start with "alerts:": merge them under one key
        String merged = mergeAlerts(yaml.toString());
        return ConfigReader.read("samples.yaml", merged, BuiltIns.settings(), ROOT);
    }

    private static String mergeAlerts(String yaml) {
        StringBuilder out = new StringBuilder();
        boolean seen = false;
        for (String line : yaml.split("\n")) {
            if (line.equals("alerts:")) {
                if (seen) {
                    continue;
                }
                seen = true;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static Set<String> podwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("podwatch-"))
                .collect(Collectors.toSet());
    }

    private static List<Managed> concat(List<Managed> a, List<Managed> b) {
        List<Managed> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <C> Optional<Engine> engine(EngineFactory<C> f, Config c, SourceContext ctx) throws Exception {
        return f.create(f.config(c, ROOT), ctx);
    }

    private static <C> void collector(CollectorFactory<C> f, Config c, SourceContext ctx) throws Exception {
        f.create(f.config(c, ROOT), ctx);
    }

    private static <C> Optional<EventSinkFactory.Output> eventSink(EventSinkFactory<C> f, Config c, SinkContext ctx)
            throws Exception {
        return f.create(f.config(c, ROOT), ctx);
    }

    private static <C> List<Delivery> receiver(ReceiverFactory<C> f, Config c, SinkContext ctx) throws Exception {
        return f.create(f.config(c, ROOT), ctx);
    }
}
