package io.podwatch.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/** What the service ITs measured, appended to target/service-it-timings.txt (docs/install.md quotes a run). */
final class Timings {
    private Timings() {
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static synchronized double record(String what, long startNanos) {
        double s = seconds(startNanos);
        String line = String.format(Locale.ROOT, "%s\t%-60s %7.1f s%n", Instant.now(), what, s);
        System.out.print("[service-it] " + line);
        try {
            Files.writeString(Built.TARGET.resolve("service-it-timings.txt"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[service-it] cannot write timings: " + e.getMessage());
        }
        return s;
    }
}
