package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigDocs;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.plugin.Factory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The convention every factory's page follows (Telegraf's {@code plugins/all_test.go}): a page named
 * after the factory, a sample config in a {@code yaml} block that parses and that the factory
 * accepts, and its keys table generated from {@link Factory#keys()} between markers (rewritten with
 * {@code -Dpodwatch.updateDocs=true}).
 */
final class PluginPages {
    static final String BEGIN = "<!-- BEGIN KEYS: generated from the factory's keys by PluginConventionTest -->\n";
    static final String END = "<!-- END KEYS -->";
    private static final Pattern SAMPLE = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    static final HostEnv ROOT = new HostEnv(true, "/root", Map.of());

    private PluginPages() {
    }

    /** Checks {@code dir/NAME.md} against {@code factory}; {@code settings} is every key the agent knows. */
    static void check(Path dir, Factory<?> factory, List<Setting<?>> settings) throws Exception {
        Path page = dir.resolve(factory.name() + ".md");
        assertThat(page).as("every factory has a docs page: %s", page).exists();
        String text = Files.readString(page);
        Matcher m = SAMPLE.matcher(text);
        assertThat(m.find()).as("%s has a sample config in a ```yaml block", page).isTrue();
        Config sample = ConfigReader.read(page.toString(), m.group(1), settings, ROOT);
        factory.config(sample, ROOT); // the factory accepts its own sample (no cross-key errors)
        for (Setting<?> key : factory.keys()) {
            assertThat(m.group(1)).as("%s's sample shows %s", page, key.key()).contains(lastPart(key.key()) + ":");
        }
        String table = BEGIN + ConfigDocs.table(factory.keys()) + END;
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (Boolean.getBoolean("podwatch.updateDocs")) {
            text = b >= 0 && e > b ? text.substring(0, b) + table + text.substring(e + END.length())
                    : text.stripTrailing() + "\n\n## Keys\n\n" + table + "\n";
            Files.writeString(page, text);
        }
        assertThat(text).as("%s's keys table is stale: run mvn test -pl agent -Dtest=PluginConventionTest "
                + "-Dpodwatch.updateDocs=true", page).contains(table);
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    static List<String> pageNames(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }
}
