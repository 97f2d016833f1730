package io.podwatch.collectors.podman.api;

import java.io.IOException;

/** Podman answered with a non-2xx status; {@link #status()} lets callers tell 404 (gone) from failures. */
public final class ApiStatusException extends IOException {
    private final int status;

    ApiStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** True for 404: the container (or image) no longer exists, which is news, not a failure. */
    public boolean notFound() {
        return status == 404;
    }
}
