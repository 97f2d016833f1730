package io.podwatch.core.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert as the pipeline tracks and notifies it: the condition plus its state.
 *
 * @param endsAt when it resolved, or null while firing
 * @param flapping the condition toggles too often; the alert is held firing until it calms down
 */
public record AlertState(Alert alert, AlertStatus status, Instant startsAt, Instant endsAt, boolean flapping) {
    public AlertState {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
    }

    public String fingerprint() {
        return alert.fingerprint();
    }

    public boolean firing() {
        return status == AlertStatus.FIRING;
    }
}
