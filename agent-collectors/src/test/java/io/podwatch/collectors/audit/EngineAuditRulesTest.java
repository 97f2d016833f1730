package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On {@code auditctl -l} output as auditctl 3.0.9 prints it. */
class EngineAuditRulesTest {
    static final List<String> DOCKER = List.of("/usr/bin/docker", "/usr/local/bin/docker");
    static final List<String> RUNC = List.of("/usr/sbin/runc");

    @Test
    void watchesWithExecCoverTheBinaries() {
        String rules = """
                -w /etc/shadow -p r -k pwit-shadow
                -w /usr/bin/docker -p x -k podwatch-docker-client
                -w /usr/local/bin/docker -p rx -k podwatch-docker-client
                -w /usr/sbin/runc -p x -k podwatch-runtime
                """;
        assertThat(EngineAuditRules.coverage(rules, DOCKER, RUNC)).isEqualTo(Map.of("docker-client", 1, "runtime", 1));
    }

    @Test
    void oneDockerClientUnwatchedOrAnAuidFilteredExecveRuleIsMissing() {
        String rules = """
                -w /usr/bin/docker -p wa -k docker
                -a always,exit -F arch=b64 -S execve -F auid=1000 -F key=user-exec
                """;
        assertThat(EngineAuditRules.coverage(rules, DOCKER, RUNC)).isEqualTo(Map.of("docker-client", 0, "runtime", 0));
        assertThat(EngineAuditRules.coverage("No rules", List.of(), List.of())).isEmpty();
    }

    @Test
    void anExecveRuleForEveryoneOrOnThePathCovers() {
        assertThat(EngineAuditRules.covered("-a always,exit -F arch=b64 -S execve -F key=exec", "/usr/sbin/runc")).isTrue();
        assertThat(EngineAuditRules.covered("-a always,exit -F arch=b64 -S execve,execveat -F path=/usr/sbin/runc"
                + " -F key=rt", "/usr/sbin/runc")).isTrue();
        assertThat(EngineAuditRules.covered("-a always,exit -F arch=b64 -S execveat -F path=/usr/bin/crun",
                "/usr/sbin/runc")).isFalse();
        assertThat(EngineAuditRules.covered("-a never,exit -F arch=b64 -S execve", "/usr/sbin/runc")).isFalse();
    }
}
