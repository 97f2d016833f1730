package io.podwatch.core.posture;

import io.podwatch.core.model.ContainerRef;
import java.util.Objects;

/**
 * A check that does not pass on one subject: a container, or the host (images and trust checks
 * are host-level too).
 *
 * @param reason for {@link FindingStatus#ACCEPTED}, the allow rule's reason; otherwise empty
 * @param container the container concerned, or null for host and image findings
 * @param evidence what was seen, e.g. "capabilities added: SYS_ADMIN, NET_ADMIN"
 */
public record Finding(Check check, FindingStatus status, String reason, ContainerRef container, String evidence) {
    /** Subject key of host-level findings. */
    public static final String HOST = "host";

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        evidence = evidence == null ? "" : evidence;
    }

    public static Finding of(Check check, Outcome outcome, ContainerRef container) {
        if (outcome.passed()) {
            throw new IllegalArgumentException("a passing outcome is not a finding");
        }
        FindingStatus s = outcome.kind() == Outcome.Kind.FAIL ? FindingStatus.FAILING : FindingStatus.UNKNOWN;
        return new Finding(check, s, "", container, outcome.detail());
    }

    /** The container id, or {@link #HOST}. */
    public String subject() {
        return container == null ? HOST : container.id();
    }

    /** What the operator recognises: container name, else short id, else "host". */
    public String subjectName() {
        return container == null ? HOST : container.display();
    }

    /** Identity across evaluations: same check on the same subject. */
    public String key() {
        return check.id() + "@" + subject();
    }

    public Finding accepted(String why) {
        return new Finding(check, FindingStatus.ACCEPTED, why, container, evidence);
    }
}
