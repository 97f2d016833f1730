package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import io.podwatch.core.posture.Scope;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host checks (declared in {@link HostChecks}, documented in docs/checks.md) and the
 * {@link HostEvaluator} that decides them cannot drift apart: every declared check is listed,
 * every listed check is evaluated on every host (pass, fail or unknown, never missing), and
 * nothing is evaluated that is not declared.
 */
class HostChecksDriftTest {
    @TempDir
    Path tmp;

    @Test
    void everyDeclaredCheckIsListed() throws Exception {
        List<Check> declared = new ArrayList<>();
        for (Field f : HostChecks.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Check.class) {
                f.setAccessible(true);
                declared.add((Check) f.get(null));
            }
        }
        assertThat(HostChecks.all()).containsExactlyInAnyOrderElementsOf(declared).doesNotHaveDuplicates();
        assertThat(HostChecks.all()).allSatisfy(c -> {
            assertThat(c.id()).startsWith("PW-H-");
            assertThat(c.scope()).isEqualTo(Scope.HOST);
        });
    }

    @Test
    void theEvaluatorDecidesExactlyTheListedChecksOnEveryFixtureHost() throws Exception {
        for (String host : List.of("hardened", "hybrid-vm")) {
            for (FakeCommands commands : List.of(new FakeCommands(), new FakeCommands()
                    .answer("auditctl -s", "enabled 1\n").answer("auditctl -l", "-w /var/lib/containers -p wa\n"))) {
                Map<Check, Outcome> out = new HostEvaluator(new HostFiles(Fixtures.dir("host/" + host)), commands)
                        .evaluate(EngineInfo.UNKNOWN);
                assertThat(List.copyOf(out.keySet())).as(host).containsExactlyElementsOf(HostChecks.all());
                assertThat(out.values()).as(host).doesNotContainNull();
            }
        }
    }

    @Test
    void theCatalogAndItsDocsPageHaveEveryHostCheck() throws Exception {
        assertThat(Catalog.all()).containsAll(HostChecks.all());
        String doc = java.nio.file.Files.readString(Path.of("..", "docs", "checks.md"));
        assertThat(HostChecks.all()).allSatisfy(c -> assertThat(doc).contains(c.id()));
    }
}
