package io.podwatch.core.posture;

import java.util.Locale;

/** What a check looks at: one container, the images and trust configuration, or the host. */
public enum Scope {
    CONTAINER, IMAGE, HOST;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
