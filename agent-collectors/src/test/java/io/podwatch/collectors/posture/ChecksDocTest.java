package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.posture.Check;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/checks.md is generated from the descriptors; every quote is verbatim from its seed. */
class ChecksDocTest {
    static final Path DOC = Path.of("..", "docs", "checks.md");

    @Test
    void docsMatchTheDescriptors() throws IOException {
        String expected = ChecksDoc.render();
        if (Boolean.getBoolean("podwatch.updateDocs")) {
            Files.writeString(DOC, expected);
        }
        assertThat(DOC).as("docs/checks.md is stale: rerun with -Dpodwatch.updateDocs=true").exists();
        assertThat(Files.readString(DOC)).isEqualTo(expected);
    }

    @Test
    void everyQuoteIsInItsSeedWordForWord() throws IOException {
        for (Check c : Catalog.all()) {
            String seed;
            try (InputStream in = ChecksDocTest.class.getResourceAsStream("/podwatch/seeds/" + c.seed().file())) {
                seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(normalise(seed)).as(c.id() + " quotes " + c.seed().file()).contains(normalise(c.quote()));
        }
    }

    @Test
    void idsAreUniqueAndCoverEveryScope() {
        Set<String> ids = new HashSet<>();
        for (Check c : Catalog.all()) {
            assertThat(ids.add(c.id())).as(c.id()).isTrue();
        }
        assertThat(Catalog.all()).extracting(Check::scope).containsAll(List.of(io.podwatch.core.posture.Scope.values()));
        assertThat(ids).hasSize(47);
    }

    /** Line breaks and bullets differ between the seed's layout and a one-line quote. */
    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
