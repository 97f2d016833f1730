package io.podwatch.collectors.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.posture.Catalog;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Seed;
import org.junit.jupiter.api.Test;

class SeedSectionsTest {
    @Test
    void everyCheckNamesItsGuideAndSection() {
        for (Check c : Catalog.all()) {
            assertThat(SeedSections.of(c)).as(c.id()).startsWith(c.seed().title() + " — ").doesNotContain(".txt");
        }
    }

    @Test
    void quotesBelongToTheHeadingAboveThem() {
        assertThat(SeedSections.section(Seed.ORACLE, "Regularly update the host kernel and operating system software")).isEqualTo("Host");
        assertThat(SeedSections.section(Seed.ALPAQUITA, "Limit CPU and memory usage")).isEqualTo("Limit CPU and memory usage");
        assertThat(SeedSections.section(Seed.ORACLE, "a sentence no guide has")).isEmpty();
    }
}
