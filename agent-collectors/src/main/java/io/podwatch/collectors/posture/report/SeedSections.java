package io.podwatch.collectors.posture.report;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Seed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where in its guide a check's quote stands, as a reader finds it: "Oracle Linux: Security
 * Recommendations (Podman) — Host". The guides are shipped in the jar ({@code podwatch/seeds/}); a
 * quote belongs to the last heading above it. Headings are listed here, in document order, because
 * the plain-text guides mark them by nothing but a line of their own.
 */
public final class SeedSections {
    private static final Map<Seed, List<String>> HEADINGS = new EnumMap<>(Map.of(
            Seed.ORACLE, List.of("Best Practices for Podman Components", "Host", "Podman Images", "Podman Containers",
                    "Containerized Applications"),
            Seed.ALPAQUITA, List.of("1. Overview", "2. Setting up Host", "Set up audit to track activities", "Use cgroups",
                    "Set up UIDs", "Fix warnings about absent systemd", "Install fuse-overlayfs", "Enable cgroups",
                    "Use crun runtime", "Load additional Kernel modules", "AppArmor", "3. Execute without root privileges",
                    "4. Set up namespaces", "5. Container images and registries", "6. Other resources and security considerations",
                    "Limit CPU and memory usage", "Limit container file access", "Limit container restarts",
                    "Limit networking access from containers", "Review Kernel capabilities in containers",
                    "Monitor any malicious resource usage in container", "Clean a container host system regularly",
                    "Limit system calls in containers", "Secure remote API usage")));
    private static final Map<Seed, String> TEXT = new ConcurrentHashMap<>();

    private SeedSections() {
    }

    /** "Guide title — section" for the check's quote; the guide title alone if the quote is not found. */
    public static String of(Check c) {
        String section = section(c.seed(), c.quote());
        return section.isEmpty() ? c.seed().title() : c.seed().title() + " — " + section;
    }

    /** The heading above {@code quote} in the seed, or "" when the quote is not in it. */
    static String section(Seed seed, String quote) {
        String text = TEXT.computeIfAbsent(seed, SeedSections::load);
        String probe = normalise(quote);
        probe = probe.substring(0, Math.min(60, probe.length()));
        int at = text.indexOf(probe);
        if (at < 0) {
            return "";
        }
        String best = "";
        int bestAt = -1;
        for (String h : HEADINGS.get(seed)) {
            int hAt = text.indexOf("\n" + h + "\n");
            if (hAt >= 0 && hAt < at && hAt > bestAt) {
                best = h;
                bestAt = hAt;
            }
        }
        return best;
    }

    private static String load(Seed seed) {
        try (InputStream in = SeedSections.class.getResourceAsStream("/podwatch/seeds/" + seed.file())) {
            if (in == null) {
                throw new IllegalStateException("seed " + seed.file() + " missing from the jar");
            }
            // headings stay on lines of their own; the rest is compared with whitespace collapsed
            StringBuilder sb = new StringBuilder("\n");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                sb.append(normalise(line)).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String s) {
        return s.replace('\u2019', '\'').replaceAll("[\\s•]+", " ").strip();
    }
}
