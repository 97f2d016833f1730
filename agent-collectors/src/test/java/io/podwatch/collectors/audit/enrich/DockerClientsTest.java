package io.podwatch.collectors.audit.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerClientsTest {
    static final String ID = "5e3197943a0ff92763b28097605f6df1e08f1ac9eca88f01e17075f38f8a5dae";

    @Test
    void parsesTheVerbAndTheContainerPastGlobalAndExecFlags() {
        DockerClients.Call run = DockerClients.parse(List.of("docker", "-H", "unix:///x.sock", "run", "--rm", "--name",
                "web", "img", "cat", "/etc/shadow"), 1000, "3", 0);
        assertThat(run.verb()).isEqualTo("run");
        assertThat(run.target()).isEqualTo("web");
        assertThat(DockerClients.parse(List.of("docker", "container", "run", "--name=api", "img"), 1, "1", 0).target())
                .isEqualTo("api");
        DockerClients.Call exec = DockerClients.parse(List.of("docker", "exec", "-u", "0", "-it", "web", "sh"), 1, "1", 0);
        assertThat(exec.verb()).isEqualTo("exec");
        assertThat(exec.target()).isEqualTo("web");
        assertThat(DockerClients.parse(List.of("docker", "ps"), 1, "1", 0)).isNull();
        assertThat(DockerClients.parse(List.of("docker", "--debug"), 1, "1", 0)).isNull();
    }

    @Test
    void theStarterIsTheCallNamingTheContainerElseTheLatestUnnamedRunBeforeIt() {
        DockerClients d = new DockerClients();
        d.exec("/usr/bin/docker", List.of("docker", "run", "-d", "--name", "web", "img"), 1000, "3", 1_000);
        d.exec("/usr/bin/docker", List.of("docker", "run", "-d", "img"), 1001, "4", 2_000);
        d.exec("/usr/bin/docker", List.of("docker", "exec", "web", "cat", "/etc/shadow"), 1002, "5", 3_000);
        d.exec("/home/mallory/docker", List.of("docker", "exec", "web", "id"), 6666, "6", 3_500); // not trusted
        assertThat(d.starter("web", ID, 10_000)).hasValueSatisfying(c -> assertThat(c.auid()).isEqualTo(1000));
        assertThat(d.starter("happy_turing", ID, 2_500)).hasValueSatisfying(c -> assertThat(c.auid()).isEqualTo(1001));
        assertThat(d.starter("happy_turing", ID, 900_000)).isEmpty(); // too long after any unnamed run
        assertThat(d.starter("x", ID, 10_000)).hasValueSatisfying(c -> assertThat(c.auid()).isEqualTo(1001));
        assertThat(d.execInto("web", ID, 3_200)).hasValueSatisfying(c -> assertThat(c.auid()).isEqualTo(1002));
        assertThat(d.execInto("web", ID, 60_000)).isEmpty();
        assertThat(d.execInto("other", ID, 3_200)).isEmpty();
        d.exec("/usr/bin/docker", List.of("docker", "start", ID.substring(0, 12)), 1003, "7", 4_000);
        assertThat(d.starter("nomatch", ID, 5_000)).hasValueSatisfying(c -> assertThat(c.auid()).isEqualTo(1003));
    }
}
