package io.podwatch.collectors.posture.report;

import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one-shot report of {@code podwatch check}: the findings, filtered and ordered, rendered as
 * a table, JSON or SARIF, and the exit status. No I/O: the command gathers findings with a
 * {@link io.podwatch.collectors.posture.PostureScanner} and prints what this returns.
 */
public record PostureReport(List<Finding> findings) {
    /** Output formats of {@code --format}. */
    public enum Format {
        TABLE, JSON, SARIF;

        public static Format parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Host first, then containers by name; within a subject the most severe first. */
    static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.container() != null)
            .thenComparing(Finding::subjectName)
            .thenComparing(f -> f.check().severity(), Comparator.reverseOrder())
            .thenComparing(f -> f.check().id());

    public PostureReport {
        findings = findings.stream().sorted(ORDER).toList();
    }

    /**
     * Keeps findings of at least {@code minSeverity}; with {@code container} set, only that
     * container's (by name or id prefix), without the host-level findings.
     */
    public PostureReport filter(Severity minSeverity, String container) {
        return new PostureReport(findings.stream()
                .filter(f -> minSeverity == null || f.check().severity().atLeast(minSeverity))
                .filter(f -> container == null || container.isEmpty() || (f.container() != null
                        && (f.container().name().equals(container) || f.container().id().startsWith(container))))
                .toList());
    }

    /** 1 when a failing (not accepted, not unknown) finding reaches {@code failOn}; 0 otherwise. */
    public int exitStatus(Severity failOn) {
        if (failOn == null) {
            return 0;
        }
        return findings.stream().anyMatch(f -> f.status() == FindingStatus.FAILING && f.check().severity().atLeast(failOn))
                ? 1 : 0;
    }

    public String render(Format format, boolean colour) {
        return switch (format) {
            case TABLE -> TableFormat.render(findings, colour);
            case JSON -> JsonFormat.render(findings);
            case SARIF -> SarifFormat.render(findings);
        };
    }
}
