package io.podwatch.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's name as the kernel has it: no DNS look-up, so it cannot hang start-up. */
final class HostName {
    private HostName() {
    }

    static String read() {
        try {
            String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!n.isEmpty()) {
                return n;
            }
        } catch (IOException e) {
            // not Linux, or /proc not mounted: fall through
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env;
    }
}
