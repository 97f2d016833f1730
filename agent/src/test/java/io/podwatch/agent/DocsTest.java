package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.agent.docs.MetricDocs;
import io.podwatch.core.config.ConfigDocs;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden files: the docs generated from the declarations must equal the committed ones. Run with
 * {@code -Dpodwatch.updateDocs=true} to rewrite them after changing a setting or metric.
 */
class DocsTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final HostEnv ROOT = new HostEnv(true, "/root", Map.of());

    @Test
    void configurationDocIsGeneratedFromTheDeclarations() throws IOException {
        check("configuration.md", ConfigDocs.markdown(BuiltIns.settings()));
    }

    @Test
    void metricsDocListsEveryFamily() throws Exception {
        try (Agent agent = Agent.assemble(ConfigReader.defaults(BuiltIns.settings(), ROOT), ROOT, Clock.systemUTC(), "test")) {
            check("metrics.md", MetricDocs.markdown(BuiltIns.metrics(), agent.scrape()));
        }
    }

    static void check(String name, String generated) throws IOException {
        Path file = DOCS.resolve(name);
        if (Boolean.getBoolean("podwatch.updateDocs")) {
            Files.writeString(file, generated);
        }
        assertThat(file).exists();
        assertThat(Files.readString(file))
                .as("docs/%s is stale: run mvn test -pl agent -Dtest=DocsTest -Dpodwatch.updateDocs=true", name)
                .isEqualTo(generated);
    }
}
