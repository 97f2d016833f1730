package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.config.Setting;
import io.podwatch.core.plugin.Factory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in factory follows the plug-in convention; nothing is documented that is not built in. */
class PluginConventionTest {
    private static final Path PAGES = Path.of("..", "docs", "plugins");

    @Test
    void everyFactoryHasADocsPageWithASampleConfigThatParses() throws Exception {
        for (Factory<?> f : BuiltIns.factories()) {
            PluginPages.check(PAGES, f, BuiltIns.settings());
        }
    }

    @Test
    void namesAreUniqueAndEveryPageHasItsFactory() throws Exception {
        List<String> names = BuiltIns.factories().stream().map(Factory::name).sorted().toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(PluginPages.pageNames(PAGES)).containsExactlyElementsOf(names);
    }

    @Test
    void everyKeyIsDeclaredOnceAndKnownToTheAgent() {
        List<String> keys = new ArrayList<>();
        BuiltIns.factories().forEach(f -> f.keys().forEach(k -> keys.add(k.key())));
        assertThat(keys).doesNotHaveDuplicates();
        Set<String> known = new HashSet<>(BuiltIns.settings().stream().map(Setting::key).toList());
        assertThat(known).containsAll(keys);
        assertThat(BuiltIns.settings().stream().map(Setting::key).toList()).doesNotHaveDuplicates();
    }
}
