package io.podwatch.collectors.posture.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.collectors.posture.Catalog;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingStatus;
import java.util.List;

/**
 * Findings as SARIF 2.1.0 for code-scanning tools. Every check is a rule (so tools can show the
 * catalogue); each finding is a result whose location is a pseudo-path {@code podman/host} or
 * {@code podman/containers/<name>} plus a logical location, since findings are about running
 * things rather than files. Accepted findings carry an external suppression with the reason;
 * unknown ones are {@code kind: review}. {@code security-severity} follows GitHub's bands.
 */
final class SarifFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifFormat() {
    }

    static String render(List<Finding> findings) {
        ObjectNode root = JsonFormat.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "podwatch");
        driver.put("informationUri", "https://podwatch.io/docs/checks");
        ArrayNode rules = driver.putArray("rules");
        List<Check> catalog = Catalog.all();
        for (Check c : catalog) {
            ObjectNode r = rules.addObject();
            r.put("id", c.id());
            r.put("name", c.id().replace("-", ""));
            r.putObject("shortDescription").put("text", c.title());
            r.putObject("fullDescription").put("text", c.looksAt());
            r.putObject("help").put("text", c.remediation() + "\nWhy: \"" + c.quote() + "\" (" + SeedSections.of(c) + ")");
            r.putObject("defaultConfiguration").put("level", level(c.severity()));
            ObjectNode props = r.putObject("properties");
            props.put("security-severity", securitySeverity(c.severity()));
            props.putArray("tags").add("security").add("podman").add(c.scope().label());
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.check().id());
            r.put("ruleIndex", catalog.indexOf(f.check()));
            if (f.status() == FindingStatus.UNKNOWN) {
                r.put("kind", "review");
                r.put("level", "none");
            } else {
                r.put("kind", "fail");
                r.put("level", level(f.check().severity()));
            }
            r.putObject("message").put("text", f.check().title() + " on " + f.subjectName()
                    + (f.evidence().isEmpty() ? "" : ": " + f.evidence()));
            ObjectNode loc = r.putArray("locations").addObject();
            String path = f.container() == null ? "podman/host" : "podman/containers/" + f.subjectName();
            loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", path);
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", f.subjectName());
            logical.put("kind", "resource");
            logical.put("fullyQualifiedName", f.container() == null ? "host" : "container/" + f.container().id());
            r.putObject("partialFingerprints").put("podwatchFinding/v1", f.check().id() + "@"
                    + (f.container() == null ? "host" : f.subjectName()));
            if (f.status() == FindingStatus.ACCEPTED) {
                ObjectNode s = r.putArray("suppressions").addObject();
                s.put("kind", "external");
                s.put("justification", f.reason());
            }
        }
        return JsonFormat.write(root);
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }
}
