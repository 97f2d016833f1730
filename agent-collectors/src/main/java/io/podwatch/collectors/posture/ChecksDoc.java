package io.podwatch.collectors.posture;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Scope;
import java.util.List;

/** Renders {@code docs/checks.md} from the check descriptors; a test keeps the file in step. */
public final class ChecksDoc {
    private ChecksDoc() {
    }

    public static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Posture checks\n\n")
                .append("<!-- Generated from the check descriptors by ChecksDoc; do not edit. Regenerate with\n")
                .append("     mvn -pl agent-collectors -am verify -Dtest=ChecksDocTest -Dpodwatch.updateDocs=true -->\n\n")
                .append("podwatch checks every container when it is created or started and every `posture.interval`, ")
                .append("and the host, images and trust configuration at start and every `posture.host-interval`. ")
                .append("`podwatch check` runs them once. Each check quotes the passage of the seed guide it implements ")
                .append("(`shared/seeds/`). A finding is `failing`, `accepted` (an allow rule in `posture.allow` ")
                .append("matched, with its reason) or `unknown` (the check could not tell).\n\n")
                .append("## Running and reading them\n\n")
                .append("- `podwatch check [--format table|json|sarif] [--container NAME] [--min-severity S] ")
                .append("[--fail-on S] [--config FILE]` prints every finding once: a table grouped by container ")
                .append("(coloured on a terminal), a JSON array (`check`, `title`, `severity`, `status`, `remediation`, ")
                .append("`evidence`, `scope`, `seed`, `reason` when accepted, `container` {`id`, `name`} except for host ")
                .append("findings) or SARIF 2.1.0 for code-scanning tools. Exit status 1 when a failing finding reaches ")
                .append("`--fail-on`, 2 for bad arguments or an unknown container, 3 for a bad config, 4 when Podman ")
                .append("cannot be reached.\n")
                .append("- The agent emits an event per change (`posture-finding`, `posture-finding-resolved`; ECS ")
                .append("`rule.*`, `vulnerability.*`, `podwatch.posture.*`), the metrics `podwatch_posture_finding` ")
                .append("{check, severity, name} (1 failing, 0 accepted) and `podwatch_posture_score` {name}, and the ")
                .append("alert `PostureCheckFailing` {check, name} for failing findings at or above ")
                .append("`posture.alert-min-severity`, resolved when the finding goes.\n")
                .append("- Accept a finding with a reason instead of hiding it:\n\n")
                .append("```yaml\nposture:\n  allow:\n    - check: PW-C-PRIVILEGED\n      name: gpu-*\n")
                .append("      reason: needs the GPU devices (OPS-123)\n```\n\n")
                .append("## Checks\n\n")
                .append("| id | severity | title |\n| --- | --- | --- |\n");
        for (Check c : Catalog.all()) {
            sb.append("| [").append(c.id()).append("](#").append(c.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(c.severity().label()).append(" | ").append(c.title()).append(" |\n");
        }
        for (Scope scope : Scope.values()) {
            sb.append("\n### ").append(switch (scope) {
                case CONTAINER -> "Containers";
                case IMAGE -> "Images and trust";
                case HOST -> "Host";
            }).append("\n");
            List<Check> checks = Catalog.all().stream().filter(c -> c.scope() == scope).toList();
            for (Check c : checks) {
                sb.append("\n#### ").append(c.id()).append("\n\n")
                        .append("**").append(c.title()).append("** — severity ").append(c.severity().label()).append("\n\n")
                        .append("- Looks at: ").append(c.looksAt()).append("\n")
                        .append("- Why: \"").append(c.quote()).append("\" — ").append(c.seed().title())
                        .append(" (`").append(c.seed().file()).append("`)\n")
                        .append("- Fix: ").append(c.remediation()).append("\n");
            }
        }
        return sb.toString();
    }
}
