package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.posture.AllowRule;
import io.podwatch.core.posture.Allowlist;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerChecksTest {
    /** What every container created with Podman's defaults here fails. */
    static final List<String> BASELINE = List.of("PW-C-ROOT-USER", "PW-C-NO-NEW-PRIVILEGES", "PW-C-WRITABLE-ROOTFS",
            "PW-C-NO-MEMORY-LIMIT", "PW-C-NO-CPU-LIMIT");
    static final ContainerContext ROOTFUL = new ContainerContext(false, Set.of(), Map.of(), null);

    static Stream<Arguments> cases() {
        Map<String, List<String>> extra = Map.ofEntries(
                Map.entry("default", List.of()),
                Map.entry("privileged", List.of("PW-C-PRIVILEGED")),
                Map.entry("capadd", List.of("PW-C-CAP-ADD")),
                Map.entry("hostns", List.of("PW-C-HOST-NETWORK", "PW-C-HOST-PID", "PW-C-HOST-IPC")),
                Map.entry("etcrw", List.of("PW-C-SENSITIVE-MOUNT-RW", "PW-C-SENSITIVE-MOUNT", "PW-C-RW-VOLUME")),
                Map.entry("ports", List.of("PW-C-PORT-ALL-INTERFACES", "PW-C-PORT-PRIVILEGED")),
                Map.entry("restart", List.of("PW-C-RESTART-UNBOUNDED")),
                Map.entry("seccomp", List.of("PW-C-SECCOMP-UNCONFINED", "PW-C-SELINUX-DISABLED", "PW-C-APPARMOR-UNCONFINED")),
                Map.entry("device", List.of("PW-C-HOST-DEVICE")),
                Map.entry("userns", List.of("PW-C-HOST-USERNS", "PW-C-RUNLABEL")),
                Map.entry("sock", List.of("PW-C-ENGINE-SOCKET")),
                Map.entry("shortname", List.of("PW-C-IMAGE-SHORT-NAME")));
        List<Arguments> out = new ArrayList<>();
        for (String version : List.of("4.3", "5.x")) {
            extra.forEach((name, checks) -> {
                if (!(version.equals("5.x") && name.equals("shortname"))) {
                    List<String> expected = new ArrayList<>(BASELINE);
                    expected.addAll(checks);
                    out.add(Arguments.of(version, name, expected));
                }
            });
            out.add(Arguments.of(version, "good", List.of()));
            out.add(Arguments.of(version, "good-running", List.of()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedChecks(String version, String name, List<String> expected) {
        List<Finding> findings = ContainerChecks.evaluate(Fixtures.facts(version, name), ROOTFUL, Allowlist.none());
        assertThat(findings).extracting(f -> f.check().id()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(findings).allMatch(f -> f.status() == FindingStatus.FAILING && f.container().name().equals(name.replace("-running", "")));
    }

    @Test
    void evidenceNamesWhatWasSeen() {
        assertThat(evidence("4.3", "capadd", "PW-C-CAP-ADD")).isEqualTo("capabilities added: NET_ADMIN, SYS_ADMIN");
        assertThat(evidence("4.3", "etcrw", "PW-C-SENSITIVE-MOUNT-RW")).isEqualTo("mounts: /etc:/etc:rw");
        assertThat(evidence("4.3", "ports", "PW-C-PORT-ALL-INTERFACES")).isEqualTo("published: 0.0.0.0:8080->80/tcp");
        assertThat(evidence("5.x", "ports", "PW-C-PORT-PRIVILEGED")).isEqualTo("host ports: 443->443/tcp");
        assertThat(evidence("4.3", "shortname", "PW-C-IMAGE-SHORT-NAME"))
                .isEqualTo("image given as podwatch-test (resolved to localhost/podwatch-test:latest)");
        assertThat(evidence("4.3", "default", "PW-C-ROOT-USER"))
                .isEqualTo("no user set (root); rootful engine, no user namespace: uid 0 is root on the host");
        assertThat(evidence("4.3", "hostns", "PW-C-HOST-IPC")).isEqualTo("--ipc host (from the create command)");
        assertThat(evidence("5.x", "hostns", "PW-C-HOST-IPC")).isEqualTo("--ipc host");
    }

    @Test
    void insecureRegistryIsReportedForTheImagesRegistry() {
        ContainerContext ctx = new ContainerContext(false, Set.of("localhost"), Map.of(), null);
        List<Finding> f = ContainerChecks.evaluate(Fixtures.facts("4.3", "good"), ctx, Allowlist.none());
        assertThat(f).extracting(x -> x.check().id()).containsExactly("PW-C-IMAGE-INSECURE-REGISTRY");
    }

    @Test
    void runLabelOfTheImageCounts() {
        ContainerContext ctx = ROOTFUL.withImageLabels(Map.of("RUN", "podman run -d --network=host IMAGE"));
        List<Finding> f = ContainerChecks.evaluate(Fixtures.facts("4.3", "good"), ctx, Allowlist.none());
        assertThat(f).extracting(x -> x.evidence()).containsExactly("RUN label: podman run -d --network=host IMAGE");
    }

    @Test
    void allowRuleAcceptsWithReasonInsteadOfHiding() {
        Allowlist allow = new Allowlist(List.of(new AllowRule("PW-C-PRIVILEGED", "priv*", "", "needs /dev access for the GPU")));
        List<Finding> f = ContainerChecks.evaluate(Fixtures.facts("4.3", "privileged"), ROOTFUL, allow);
        Finding priv = f.stream().filter(x -> x.check().id().equals("PW-C-PRIVILEGED")).findFirst().orElseThrow();
        assertThat(priv.status()).isEqualTo(FindingStatus.ACCEPTED);
        assertThat(priv.reason()).isEqualTo("needs /dev access for the GPU");
        assertThat(f).filteredOn(x -> x.status() == FindingStatus.FAILING).hasSize(BASELINE.size());
    }

    @Test
    void rootlessEngineIsSaidInTheEvidence() {
        ContainerContext rootless = new ContainerContext(true, Set.of(), Map.of(), null);
        assertThat(ContainerChecks.evaluate(Fixtures.facts("5.x", "default"), rootless, Allowlist.none()))
                .filteredOn(x -> x.check().id().equals("PW-C-ROOT-USER")).extracting(Finding::evidence)
                .containsExactly("no user set (root); rootless engine: uid 0 is mapped to the engine user's uid on the host");
    }

    private static String evidence(String version, String name, String check) {
        return ContainerChecks.evaluate(Fixtures.facts(version, name), ROOTFUL, Allowlist.none()).stream()
                .filter(f -> f.check().id().equals(check)).findFirst().orElseThrow().evidence();
    }
}
