package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.status.StatusFixture;
import io.podwatch.agent.testing.AgentProcess;
import org.junit.jupiter.api.Test;

class StatusCommandTest extends CapturedCli {
    @Test
    void agentNotRunningSaysSoAndExitsFour() throws Exception {
        int port = AgentProcess.freePort();
        assertThat(run("status", "--url", "http://127.0.0.1:" + port)).isEqualTo(ExitCode.FATAL_STARTUP);
        assertThat(err.toString()).startsWith("podwatch status: agent not running or not answering at http://127.0.0.1:" + port)
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void oneScreenSummaryWithControlCharactersOfUntrustedNamesEscaped() throws Exception {
        StatusFixture f = new StatusFixture().collect(2).incidents();
        try (HttpServer s = f.server()) {
            int code = run("status", "--url", "http://127.0.0.1:" + s.boundAddress().getPort());
            String text = out.toString();
            assertThat(code).as(err.toString()).isEqualTo(ExitCode.FINDINGS); // posture collector down, alerts firing
            assertThat(text).contains("podwatch 0.1.0-test on host-", "collectors: podman up, posture DOWN (timed out",
                    "containers: 5 (3 running)   alerts firing: 2", "FIRING:", "ContainerRestartLoop", "crashloop",
                    "receivers: none: alerts go to the event log /var/log/podwatch/events.jsonl only", "CONTAINER")
                    .contains("\\u001b[31m").doesNotContain("\u001b");
            assertThat(text.lines().count()).isLessThanOrEqualTo(24);
            out.getBuffer().setLength(0);
            // the same exit status as the text: a script watching --json must see the degraded agent too
            assertThat(run("status", "--json", "--url", "http://127.0.0.1:" + s.boundAddress().getPort()))
                    .isEqualTo(ExitCode.FINDINGS);
            assertThat(out.toString()).contains("\"alertsFiring\" : 2");
        }
    }
}
