package io.podwatch.collectors.podman;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.testing.ManagedContract;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The Podman source as the agent runs it (its API connection, events watcher and stats collector), with no Podman there. */
class PodmanModuleContractTest extends ManagedContract {
    private static final HostEnv ROOT = new HostEnv(true, "/root", Map.of());

    @TempDir
    Path dir;

    @Override
    protected Managed create() throws Exception {
        PodmanConfig c = PodmanConfig.from(ConfigReader.read("podwatch.yaml", "podman:\n  socket: unix://" + dir.resolve("none.sock")
                + "\n  own-service: never\n  timeout: 500ms\n", PodmanKeys.all(), ROOT), ROOT);
        PodmanModule m = PodmanModule.create(c, dir, new Inventory(Clock.systemUTC()), new RecordingEmitter(), Clock.systemUTC(),
                new SimpleMeterRegistry());
        List<Managed> parts = new ArrayList<>(m.managed());
        parts.add(m.collector());
        return new Managed() {
            @Override
            public String name() {
                return "podman-module";
            }

            @Override
            public void start() throws Exception {
                for (Managed p : parts) {
                    p.start();
                }
                m.collector().collect(new RecordingEmitter());
            }

            @Override
            public void close() {
                for (int i = parts.size() - 1; i >= 0; i--) {
                    parts.get(i).close();
                }
            }
        };
    }
}
