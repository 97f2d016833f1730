package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.posture.Allowlist;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every container check, in report order, and evaluating them on one container. */
public final class ContainerChecks {
    private static final List<ContainerRule> RULES = Stream.of(PrivilegeChecks.rules(), NamespaceChecks.rules(),
            MountChecks.rules(), ResourceChecks.rules(), ConfinementChecks.rules(), ContentChecks.rules())
            .flatMap(List::stream).toList();

    private ContainerChecks() {
    }

    public static List<Check> all() {
        return RULES.stream().map(ContainerRule::check).toList();
    }

    /** The findings of one container: failing, accepted by {@code allow}, or unknown. */
    public static List<Finding> evaluate(ContainerInfo facts, ContainerContext ctx, Allowlist allow) {
        List<Finding> out = new ArrayList<>();
        for (ContainerRule r : RULES) {
            Outcome o;
            try {
                o = r.evaluate(facts, ctx);
            } catch (RuntimeException e) {
                o = Outcome.unknown("check failed: " + e);
            }
            if (!o.passed()) {
                out.add(allow.apply(Finding.of(r.check(), o, facts.ref()), facts.labels()));
            }
        }
        return out;
    }
}
