package io.podwatch.core.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostureModelTest {
    static final Check PRIV = new Check("PW-C-PRIVILEGED", "Privileged container", Severity.CRITICAL, Scope.CONTAINER,
            "HostConfig.Privileged", Seed.ORACLE, "Don't use the --privileged option", "Drop --privileged.");
    static final Check CGROUP = new Check("PW-H-CGROUP-NOT-V2", "cgroup v2 not in use", Severity.MEDIUM, Scope.HOST,
            "/proc/self/mounts", Seed.ALPAQUITA, "must be configured to use Control Group v2", "Boot with v2.");
    static final ContainerRef WEB = new ContainerRef("a".repeat(64), "web-1", "localhost/web:1", "");
    static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void checkIdsAreStableShapesMatchingTheirScope() {
        assertThatThrownBy(() -> new Check("PW-H-PRIVILEGED", "t", Severity.LOW, Scope.CONTAINER, "x", Seed.ORACLE, "q", "r"))
                .hasMessageContaining("does not match its scope container");
        assertThatThrownBy(() -> new Check("privileged", "t", Severity.LOW, Scope.CONTAINER, "x", Seed.ORACLE, "q", "r"))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> new Check("PW-C-X", "t", Severity.LOW, Scope.CONTAINER, "x", Seed.ORACLE, " ", "r"))
                .hasMessageContaining("needs");
    }

    @Test
    void allowRulesMatchByCheckNameGlobAndLabel() {
        Finding f = Finding.of(PRIV, Outcome.fail("--privileged"), WEB);
        Map<String, String> labels = Map.of("team", "gpu", "lab", "");
        assertThat(new AllowRule("PW-C-PRIVILEGED", "web-?", "", "r").matches(f, labels)).isTrue();
        assertThat(new AllowRule("PW-C-PRIVILEGED", "web", "", "r").matches(f, labels)).isFalse();
        assertThat(new AllowRule("*", "", "team=gpu", "r").matches(f, labels)).isTrue();
        assertThat(new AllowRule("*", "", "team=cpu", "r").matches(f, labels)).isFalse();
        assertThat(new AllowRule("*", "", "lab", "r").matches(f, labels)).isTrue();
        assertThat(new AllowRule("*", "web*", "team=cpu", "r").matches(f, labels)).as("both must match").isFalse();
        assertThat(new AllowRule("PW-C-CAP-ADD", "", "", "r").matches(f, labels)).isFalse();
        assertThat(new AllowRule("*", "w.b-1", "", "r").matches(f, labels)).as("glob, not regex").isFalse();
        Finding host = Finding.of(CGROUP, Outcome.fail("hybrid"), null);
        assertThat(new AllowRule("PW-H-CGROUP-NOT-V2", "host", "", "r").matches(host, Map.of())).isTrue();
        assertThat(new AllowRule("*", "", "team=gpu", "r").matches(host, Map.of())).isFalse();
        assertThatThrownBy(() -> new AllowRule("*", "", "", " ")).hasMessageContaining("reason");
    }

    @Test
    void allowlistAcceptsFailingOnlyAndKeepsTheReason() {
        Allowlist allow = new Allowlist(List.of(new AllowRule("*", "web-*", "", "legacy, ticket OPS-12")));
        Finding accepted = allow.apply(Finding.of(PRIV, Outcome.fail("--privileged"), WEB), Map.of());
        assertThat(accepted.status()).isEqualTo(FindingStatus.ACCEPTED);
        assertThat(accepted.reason()).isEqualTo("legacy, ticket OPS-12");
        assertThat(accepted.evidence()).isEqualTo("--privileged");
        Finding unknown = Finding.of(PRIV, Outcome.unknown("no data"), WEB);
        assertThat(allow.apply(unknown, Map.of())).isSameAs(unknown);
    }

    @Test
    void ledgerReportsNewChangedAndResolvedFindings() {
        FindingLedger ledger = new FindingLedger();
        Finding priv = Finding.of(PRIV, Outcome.fail("--privileged"), WEB);
        Finding host = Finding.of(CGROUP, Outcome.fail("hybrid"), null);
        assertThat(ledger.replace(WEB.id(), List.of(priv)).raised()).containsExactly(priv);
        assertThat(ledger.replace(Finding.HOST, List.of(host)).raised()).containsExactly(host);
        assertThat(ledger.replace(WEB.id(), List.of(priv)).isEmpty()).as("unchanged").isTrue();
        Finding accepted = priv.accepted("ok");
        assertThat(ledger.replace(WEB.id(), List.of(accepted)).raised()).as("status changed").containsExactly(accepted);
        FindingLedger.Changes fixed = ledger.replace(WEB.id(), List.of());
        assertThat(fixed.resolved()).containsExactly(accepted);
        assertThat(ledger.all()).containsExactly(host);
        assertThatThrownBy(() -> ledger.replace("other", List.of(priv))).hasMessageContaining("is not about other");
    }

    @Test
    void findingsBecomeEcsEvents() {
        Finding priv = Finding.of(PRIV, Outcome.fail("--privileged"), WEB);
        Event e = FindingEvents.raised(priv, T);
        assertThat(e.kind()).isEqualTo(EventKind.STATE);
        assertThat(e.action()).isEqualTo(FindingEvents.RAISED);
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.container()).isEqualTo(WEB);
        assertThat(e.fields()).containsEntry("rule.id", "PW-C-PRIVILEGED").containsEntry("rule.name", "Privileged container")
                .containsEntry("rule.ruleset", "podwatch-posture").containsEntry("vulnerability.severity", "critical")
                .containsEntry("podwatch.posture.status", "failing").containsEntry("podwatch.posture.evidence", "--privileged");
        assertThat(e.message()).isEqualTo("PW-C-PRIVILEGED failing on web-1: Privileged container (--privileged)");
        Event accepted = FindingEvents.raised(priv.accepted("GPU"), T);
        assertThat(accepted.severity()).isEqualTo(Severity.INFO);
        assertThat(accepted.fields()).containsEntry("podwatch.posture.accepted_reason", "GPU");
        Event resolved = FindingEvents.resolved(priv, T);
        assertThat(resolved.fields()).containsEntry("podwatch.posture.status", "resolved");
        assertThat(FindingEvents.raised(Finding.of(CGROUP, Outcome.fail("hybrid"), null), T).container()).isNull();
    }
}
