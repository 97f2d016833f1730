package io.podwatch.core.posture;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One operator decision: "this check on these containers is accepted, because ...". A rule names a
 * check (or {@code *}) and selects containers by name glob ({@code *}, {@code ?}) and/or by a label
 * ({@code key} or {@code key=value}); both given means both must match. Host-level findings are
 * matched by a name glob against {@code host}. Matching findings are reported as accepted with the
 * reason, never hidden.
 */
public record AllowRule(String check, String name, String label, String reason) {
    public AllowRule {
        Objects.requireNonNull(check, "check");
        name = name == null ? "" : name;
        label = label == null ? "" : label;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an allow rule needs a reason");
        }
    }

    public boolean matches(Finding f, Map<String, String> labels) {
        if (!check.equals("*") && !check.equals(f.check().id())) {
            return false;
        }
        if (name.isEmpty() && label.isEmpty()) {
            return true;
        }
        boolean nameOk = name.isEmpty() || glob(name).matcher(f.subjectName()).matches();
        boolean labelOk = label.isEmpty() || (f.container() != null && hasLabel(labels));
        return nameOk && labelOk;
    }

    private boolean hasLabel(Map<String, String> labels) {
        int eq = label.indexOf('=');
        if (eq < 0) {
            return labels.containsKey(label);
        }
        return label.substring(eq + 1).equals(labels.get(label.substring(0, eq)));
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
