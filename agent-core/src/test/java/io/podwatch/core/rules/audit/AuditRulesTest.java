package io.podwatch.core.rules.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRulesTest {
    static final HostEnv ENV = new HostEnv(true, "/root", Map.of());

    static List<String> names(AuditRuleSet set, Map<String, Object> f) {
        return set.match(f).stream().map(AuditRule::name).toList();
    }

    @Test
    void defaultsFlagCredentialReadsButNotPublicKeys() {
        AuditRuleSet set = new AuditRuleSet(DefaultAuditRules.all());
        assertThat(names(set, Map.of("file.path", List.of("/etc/shadow"), "event.type", List.of("access"))))
                .containsExactly("sensitive-file-read");
        assertThat(names(set, Map.of("file.path", List.of("/root/.ssh/id_ed25519"), "event.type", List.of("access"))))
                .containsExactly("sensitive-file-read");
        assertThat(names(set, Map.of("file.path", List.of("/root/.ssh/id_ed25519.pub"), "event.type", List.of("access"))))
                .isEmpty();
        assertThat(names(set, Map.of("file.path", List.of("/etc/sudoers.d/90-admins"), "event.type", List.of("change"))))
                .containsExactly("sensitive-file-read");
    }

    @Test
    void defaultsFlagSetuidExecsAndWritesToEtcFromAContainerOnly() {
        AuditRuleSet set = new AuditRuleSet(DefaultAuditRules.all());
        assertThat(names(set, Map.of("auditd.data.syscall", "execve", "process.setuid", true))).containsExactly("setuid-exec");
        assertThat(names(set, Map.of("auditd.data.syscall", "execve", "process.setuid", false))).isEmpty();
        Map<String, Object> write = new HashMap<>(Map.of("file.path", List.of("/etc/passwd"), "event.type", List.of("change")));
        assertThat(names(set, write)).isEmpty();
        write.put("container.id", "abc");
        assertThat(names(set, write)).containsExactly("container-system-write");
        assertThat(names(set, Map.of("auditd.records", List.of("CONFIG_CHANGE", "SYSCALL")))).containsExactly("audit-config-change");
        assertThat(names(set, Map.of("auditd.data.syscall", "finit_module"))).containsExactly("kernel-module");
    }

    @Test
    void operatorRulesComeFromConfigAndAddToTheDefaults() throws Exception {
        Config c = ConfigReader.read("t.yaml", """
                audit:
                  rules:
                    - name: podman-by-alice
                      severity: high
                      keys: [podman]
                      auids: [1000]
                    - name: db-exec
                      containers: ["db-*"]
                      syscalls: execve
                """, AuditRuleKeys.all(), ENV);
        AuditRulesConfig s = AuditRulesConfig.from(c);
        assertThat(s.rules()).hasSize(DefaultAuditRules.all().size() + 2);
        AuditRuleSet set = new AuditRuleSet(s.rules());
        assertThat(names(set, Map.of("auditd.key", List.of("podman"), "user.audit.id", 1000L))).containsExactly("podman-by-alice");
        assertThat(names(set, Map.of("auditd.key", List.of("podman"), "user.audit.id", 1001L))).isEmpty();
        assertThat(names(set, Map.of("auditd.data.syscall", "execve", "container.id", "x", "container.name", "db-1")))
                .containsExactly("db-exec");
        assertThat(names(set, Map.of("auditd.data.syscall", "execve", "container.id", "x", "container.name", "web")))
                .isEmpty();
    }

    @Test
    void aRuleWithoutNameOrWithABadSeverityIsAConfigError() throws Exception {
        Config c = ConfigReader.read("t.yaml", "audit:\n  rules:\n    - keys: [x]\n", AuditRuleKeys.all(), ENV);
        assertThatThrownBy(() -> AuditRulesConfig.from(c)).hasMessageContaining("audit.rules[0].name");
        assertThatThrownBy(() -> ConfigReader.read("t.yaml", "audit:\n  rules:\n    - name: a\n      severity: huge\n",
                AuditRuleKeys.all(), ENV)).hasMessageContaining("audit.rules[0].severity");
    }

    @Test
    void detectorFiresPerRuleContainerAndUserAndResolvesAfterQuiet() {
        List<String> log = new ArrayList<>();
        Alerts alerts = new Alerts() {
            @Override
            public void fire(Alert alert) {
                log.add("fire " + alert.name() + " " + alert.severity() + " " + new java.util.TreeMap<>(alert.labels()));
            }

            @Override
            public void resolve(String name, Map<String, String> labels) {
                log.add("resolve " + name + " " + new java.util.TreeMap<>(labels));
            }
        };
        AuditDetector d = new AuditDetector(Duration.ofMinutes(10));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("user.audit.name", "alice"));
        // as the trail stamps it: the one rule set matched where the event was made
        AuditMatches.stamp(fields, new AuditRuleSet(DefaultAuditRules.all()).rules().stream()
                .filter(r -> r.name().equals("sensitive-file-read")).toList());
        Event e = new Event(t0, EventKind.EVENT, "openat", "file", Severity.INFO, "audit",
                new ContainerRef("c".repeat(64), "web", "", ""), "credential file opened", fields);
        d.onEvent(e, alerts);
        d.onTick(t0.plus(Duration.ofMinutes(9)), alerts);
        d.onTick(t0.plus(Duration.ofMinutes(10)), alerts);
        assertThat(log).containsExactly(
                "fire AuditSensitiveActivity HIGH {container=web, rule=sensitive-file-read, user=alice}",
                "resolve AuditSensitiveActivity {container=web, rule=sensitive-file-read, user=alice}");
    }
}
