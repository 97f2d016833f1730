package io.podwatch.core.alert;

import java.util.Locale;

/** Whether an alert's condition holds; the words are Alertmanager's. */
public enum AlertStatus {
    FIRING, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
