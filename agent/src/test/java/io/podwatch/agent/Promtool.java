package io.podwatch.agent;

import io.podwatch.collectors.testing.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs Debian's {@code promtool check metrics} on an exposition; returns its lint remarks, fails on errors. */
final class Promtool {
    private Promtool() {
    }

    static List<String> lint(String exposition) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Host.which("promtool").orElseThrow().toString(), "check", "metrics")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        // 0 clean, 3 lint remarks only; anything else (1) is a parse error
        if (rc != 0 && rc != 3) {
            throw new AssertionError("promtool rejected the exposition (exit " + rc + "): " + out);
        }
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
    }
}
