package io.podwatch.collectors.posture.report;

import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingStatus;
import io.podwatch.core.text.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as an aligned table grouped by subject (host, then each container), the severity
 * coloured with ANSI codes only when writing to a terminal.
 */
final class TableFormat {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private TableFormat() {
    }

    static String render(List<Finding> findings, boolean colour) {
        if (findings.isEmpty()) {
            return "No findings: every check passed.\n";
        }
        int sevW = "SEVERITY".length();
        int idW = "CHECK".length();
        int stW = "STATUS".length();
        for (Finding f : findings) {
            sevW = Math.max(sevW, f.check().severity().label().length());
            idW = Math.max(idW, f.check().id().length());
            stW = Math.max(stW, f.status().label().length());
        }
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        findings.forEach(f -> groups.computeIfAbsent(header(f), k -> new java.util.ArrayList<>()).add(f));
        StringBuilder sb = new StringBuilder();
        String fmt = "  %-" + sevW + "s  %-" + idW + "s  %-" + stW + "s  %s";
        for (Map.Entry<String, List<Finding>> g : groups.entrySet()) {
            sb.append(colour ? BOLD + g.getKey() + RESET : g.getKey()).append('\n');
            sb.append(paint(String.format(fmt, "SEVERITY", "CHECK", "STATUS", "TITLE / EVIDENCE"), DIM, colour)).append('\n');
            for (Finding f : g.getValue()) {
                String sev = String.format("%-" + sevW + "s", f.check().severity().label());
                String detail = f.check().title() + detail(f);
                String line = String.format("  %s  %-" + idW + "s  %-" + stW + "s  %s", paint(sev, colourOf(f), colour),
                        f.check().id(), f.status().label(), detail);
                sb.append(line).append('\n');
            }
            sb.append('\n');
        }
        long failing = findings.stream().filter(f -> f.status() == FindingStatus.FAILING).count();
        long accepted = findings.stream().filter(f -> f.status() == FindingStatus.ACCEPTED).count();
        long unknown = findings.size() - failing - accepted;
        sb.append(failing).append(" failing, ").append(accepted).append(" accepted, ").append(unknown).append(" unknown\n");
        return sb.toString();
    }

    private static String header(Finding f) {
        if (f.container() == null) {
            return "host (images, trust and host checks)";
        }
        // names and images are chosen by whoever creates the container: one finding stays one line
        String image = f.container().image().isEmpty() ? "" : "  image " + Printable.escape(f.container().image());
        return "container " + Printable.escape(f.container().display()) + " (" + Printable.escape(f.container().shortId()) + ")" + image;
    }

    private static String detail(Finding f) {
        String ev = f.evidence().isEmpty() ? "" : " — " + Printable.escape(f.evidence());
        return f.status() == FindingStatus.ACCEPTED ? ev + " [accepted: " + Printable.escape(f.reason()) + "]" : ev;
    }

    private static String colourOf(Finding f) {
        if (f.status() != FindingStatus.FAILING) {
            return DIM;
        }
        Severity s = f.check().severity();
        return switch (s) {
            case CRITICAL -> "\u001b[1;31m";
            case HIGH -> "\u001b[31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFO -> DIM;
        };
    }

    private static String paint(String s, String code, boolean colour) {
        return colour ? code + s + RESET : s;
    }
}
