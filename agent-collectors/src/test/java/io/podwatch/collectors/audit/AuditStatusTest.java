package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditStatusTest {
    @Test
    void parsesAuditctlStatusAndCountsRules() {
        AuditStatus s = AuditStatus.parse("""
                enabled 1
                failure 1
                pid 32761
                rate_limit 0
                backlog_limit 8192
                lost 7
                backlog 3
                backlog_wait_time 60000
                """, "-w /etc/shadow -p r -k shadow\n-a always,exit -F arch=b64 -S execve -F key=exec\n");
        assertThat(s).isEqualTo(new AuditStatus(1, 7, 3, 8192, 2));
        assertThat(AuditStatus.parse("enabled 0\n", "No rules\n")).isEqualTo(new AuditStatus(0, -1, -1, -1, 0));
    }
}
