package io.podwatch.collectors.podman.api;

/** Lets test fakes make the 404 a real client would throw. */
public final class ApiStatusExceptions {
    public ApiStatusException notFound(String what) {
        return new ApiStatusException("GET /v4.0.0/libpod/containers/" + what + "/json: HTTP 404: no such container", 404);
    }
}
