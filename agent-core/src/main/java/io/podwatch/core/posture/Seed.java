package io.podwatch.core.posture;

/**
 * The two container-security guides podwatch's checks come from (in {@code shared/seeds/}). Every
 * {@link Check} quotes the passage it implements, so an operator can see why it exists.
 */
public enum Seed {
    ORACLE("000_18f939a864025dee.txt", "Oracle Linux: Security Recommendations (Podman)"),
    ALPAQUITA("001_3239693409e203b6.txt", "Alpaquita Linux: Keeping containers secure");

    private final String file;
    private final String title;

    Seed(String file, String title) {
        this.file = file;
        this.title = title;
    }

    public String file() {
        return file;
    }

    public String title() {
        return title;
    }
}
