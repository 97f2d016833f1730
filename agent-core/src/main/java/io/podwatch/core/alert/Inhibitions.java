package io.podwatch.core.alert;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Inhibition as data, in the manner of Alertmanager's {@code inhibit_rules}: while a source alert
 * fires, alerts matching a rule's target labels and sharing its {@code equal} labels with the
 * source are muted (a container in a restart loop makes its CPU/memory anomalies noise). The
 * pipeline evaluates these rules against its own firing alerts; no detector is asked.
 */
public final class Inhibitions {
    /** Label that says what kind of condition an alert is, for target matchers. */
    public static final String CATEGORY_LABEL = "category";
    /** Category of resource alerts (anomalies, limits) that a restart loop makes meaningless. */
    public static final String RESOURCE = "resource";
    public static final Inhibitions NONE = new Inhibitions(List.of(), a -> { });

    /**
     * @param sourceAlert the name of the alert that inhibits while it fires
     * @param targetMatch labels (name → exact value) an alert must carry to be inhibited
     * @param equal labels whose values the source and target must share (e.g. {@code container})
     */
    public record Rule(String sourceAlert, Map<String, String> targetMatch, List<String> equal) {
        public Rule {
            targetMatch = Map.copyOf(targetMatch);
            equal = List.copyOf(equal);
        }

        boolean inhibits(Alert target, Alert source) {
            if (!source.name().equals(sourceAlert) || target.name().equals(sourceAlert)) {
                return false;
            }
            for (Map.Entry<String, String> m : targetMatch.entrySet()) {
                if (!m.getValue().equals(target.labels().get(m.getKey()))) {
                    return false;
                }
            }
            for (String l : equal) {
                String v = source.labels().get(l);
                if (v == null || !v.equals(target.labels().get(l))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Rule> rules;
    private final Consumer<Alert> observer;

    private Inhibitions(List<Rule> rules, Consumer<Alert> observer) {
        this.rules = List.copyOf(rules);
        this.observer = observer;
    }

    public static Inhibitions of(List<Rule> rules) {
        return rules.isEmpty() ? NONE : new Inhibitions(rules, a -> { });
    }

    /** The same rules, also telling {@code onInhibited} (e.g. the status page) each alert they mute. */
    public Inhibitions observedBy(Consumer<Alert> onInhibited) {
        return new Inhibitions(rules, onInhibited);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Whether {@code target} is muted by one of {@code firing} (the pipeline's firing alerts). */
    public boolean inhibits(Alert target, Collection<Alert> firing) {
        if (rules.isEmpty()) {
            return false;
        }
        for (Rule r : rules) {
            for (Alert source : firing) {
                if (r.inhibits(target, source)) {
                    observer.accept(target);
                    return true;
                }
            }
        }
        return false;
    }
}
