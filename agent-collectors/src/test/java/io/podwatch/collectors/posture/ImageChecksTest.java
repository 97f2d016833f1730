package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageChecksTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Instant OLD = NOW.minusSeconds(40L * 86400);

    static ImageInventory inventory() {
        return new ImageInventory(
                List.of(new ImageInventory.Image("aaa", List.of("docker.io/library/nginx:1.27"), OLD),
                        new ImageInventory.Image("bbb", List.of("registry.example.com/app:1"), OLD),
                        new ImageInventory.Image("ccc", List.of("quay.io/old/tool:2"), OLD),
                        new ImageInventory.Image("ddd", List.of("quay.io/new/tool:3"), NOW.minusSeconds(3600))),
                List.of(new ImageInventory.Container("c1", "web", "docker.io/library/nginx:1.27", "aaa", "running", OLD, null),
                        new ImageInventory.Container("c2", "app", "registry.example.com/app:1", "bbb", "exited", OLD, OLD),
                        new ImageInventory.Container("c3", "fresh", "registry.example.com/app:1", "bbb", "exited", NOW, NOW)));
    }

    @Test
    void permissiveVmTrustFails() {
        TrustConfig trust = TrustConfig.read(new HostFiles(Fixtures.dir("host/hybrid-vm")));
        Map<Check, Outcome> out = ImageChecks.evaluate(trust, inventory(), NOW, 30);
        assertThat(out.get(ImageChecks.POLICY_ACCEPT_ANYTHING))
                .isEqualTo(Outcome.fail("insecureAcceptAnything for: docker.io, registry.example.com"));
        assertThat(out.get(ImageChecks.NO_SIGNATURES).kind()).isEqualTo(Outcome.Kind.FAIL);
        assertThat(out.get(ImageChecks.SHORT_NAME_MODE).passed()).isTrue();
        assertThat(out.get(ImageChecks.INSECURE_REGISTRY).passed()).isTrue();
        assertThat(out.get(ImageChecks.UNUSED_IMAGES)).isEqualTo(Outcome.fail("1 unused: quay.io/old/tool:2"));
        assertThat(out.get(ImageChecks.STALE_CONTAINERS)).isEqualTo(Outcome.fail("1 stopped: app"));
    }

    @Test
    void signedRegistryAndRejectingDefaultPass() {
        TrustConfig trust = TrustConfig.read(new HostFiles(Fixtures.dir("host/hardened")));
        Map<Check, Outcome> out = ImageChecks.evaluate(trust, inventory(), NOW, 30);
        assertThat(out.get(ImageChecks.POLICY_ACCEPT_ANYTHING).passed()).isTrue();
        assertThat(out.get(ImageChecks.NO_SIGNATURES).passed()).isTrue();
        assertThat(trust.shortNameMode()).isEqualTo("enforcing");
        assertThat(out.get(ImageChecks.SHORT_NAME_MODE).passed()).isTrue();
    }

    @Test
    void registriesConfV1AndV2InsecureAndShortNameMode() {
        Set<String> insecure = new LinkedHashSet<>();
        String mode = TrustConfig.parseRegistries(String.join("\n",
                "short-name-mode = \"permissive\"  # for the lab",
                "[registries.insecure]",
                "registries = ['ignored-single-quotes', \"old.lab:5000\"]",
                "[[registry]]",
                "prefix = \"lab.example/team\"",
                "location = \"lab.example:5000\"",
                "insecure = true",
                "[[registry]]",
                "location = \"secure.example\"",
                "insecure = false"), insecure);
        assertThat(mode).isEqualTo("permissive");
        assertThat(insecure).containsExactly("old.lab:5000", "lab.example:5000");
    }

    @Test
    void withoutPodmanTheInventoryChecksAreUnknown() {
        TrustConfig trust = TrustConfig.read(new HostFiles(Fixtures.dir("host/hybrid-vm")));
        Map<Check, Outcome> out = ImageChecks.evaluate(trust, null, NOW, 30);
        assertThat(out.get(ImageChecks.UNUSED_IMAGES).kind()).isEqualTo(Outcome.Kind.UNKNOWN);
        assertThat(out.get(ImageChecks.POLICY_ACCEPT_ANYTHING).kind()).isEqualTo(Outcome.Kind.UNKNOWN);
    }
}
