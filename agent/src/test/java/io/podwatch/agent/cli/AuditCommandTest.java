package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {
    @TempDir
    Path dir;

    private static final String EXEC = "type=SYSCALL msg=audit(1492037291.036:59): arch=c000003e syscall=59 success=yes "
            + "exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=12041 pid=13393 auid=1000 uid=1000 gid=1001 euid=1000 suid=1000 "
            + "fsuid=1000 egid=1001 sgid=1001 fsgid=1001 tty=pts1 ses=802 comm=\"grep\" exe=\"/usr/bin/grep\" key=\"cmds\"\n"
            + "type=EXECVE msg=audit(1492037291.036:59): argc=2 a0=\"grep\" a1=68C3A9206C6F\n"
            + "type=PATH msg=audit(1492037291.036:59): item=0 name=\"/usr/bin/grep\" inode=2512 dev=08:01 mode=0100755\n"
            + "type=PROCTITLE msg=audit(1492037291.036:59): proctitle=677265700068C3A9206C6F\n";

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PodwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void parsePrintsOneNestedEcsJsonEventPerLineOldestFileFirst() throws Exception {
        Files.writeString(dir.resolve("audit.log.1"), EXEC);
        Files.writeString(dir.resolve("audit.log"), EXEC.replace(":59)", ":60)"));
        String[] r = run("audit", "parse", dir.resolve("audit.log").toString(), dir.resolve("audit.log.1").toString());
        assertThat(r[0]).isEqualTo("0");
        List<String> lines = r[1].lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode e = new ObjectMapper().readTree(lines.get(0));
        assertThat(e.path("auditd").path("sequence").asLong()).isEqualTo(59);
        assertThat(e.path("auditd").path("data").path("syscall").asText()).isEqualTo("execve");
        assertThat(e.path("auditd").path("records").toString()).isEqualTo("[\"SYSCALL\",\"EXECVE\",\"PATH\",\"PROCTITLE\"]");
        assertThat(e.path("auditd").path("key").toString()).isEqualTo("[\"cmds\"]");
        assertThat(e.path("user").path("audit").path("id").asLong()).isEqualTo(1000);
        assertThat(e.path("process").path("args").toString()).isEqualTo("[\"grep\",\"hé lo\"]");
        assertThat(e.path("process").path("title").asText()).isEqualTo("grep hé lo");
        assertThat(e.path("event").path("outcome").asText()).isEqualTo("success");
        assertThat(e.path("file").path("path").toString()).isEqualTo("[\"/usr/bin/grep\"]");
        assertThat(e.path("@timestamp").asText()).isEqualTo("2017-04-12T22:48:11.036Z");
        // the event log's encoder: ECS's event.severity is a number, the word is log.level
        assertThat(e.path("event").path("severity").isNumber()).isTrue();
        assertThat(e.path("ecs").path("version").asText()).isNotEmpty();
        assertThat(r[2]).contains("8 records, 2 events, 0 invalid lines");
    }

    @Test
    void badFormatAndMissingFileAreUsageErrors() {
        assertThat(run("audit", "parse", "--format", "xml", "x")[0]).isEqualTo("2");
        String[] r = run("audit", "parse", dir.resolve("nope").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no such file");
    }
}
