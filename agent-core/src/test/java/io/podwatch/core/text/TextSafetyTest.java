package io.podwatch.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSafetyTest {
    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(Printable.escape("nl\nauid=0 x")).isEqualTo("nl\\nauid=0 x");
        assertThat(Printable.escape("\u001b[31mRED\u001b[0m")).isEqualTo("\\x1b[31mRED\\x1b[0m");
        assertThat(Printable.escape("a\tb\rc\u0000\u007f\u009b")).isEqualTo("a\\tb\\rc\\x00\\x7f\\x9b");
        assertThat(Printable.escape("evil\u202etxt.exe\u2028")).isEqualTo("evil\\u202etxt.exe\\u2028");
        assertThat(Printable.escape("plain /var/lib/x ünïcode ✓")).isEqualTo("plain /var/lib/x ünïcode ✓");
        assertThat(Printable.escape(null)).isEmpty();
    }

    @Test
    void urlsLoseUserInfoAndQuery() {
        assertThat(Redact.urls("http://user:pass@host:8080/hook?token=abc"))
                .isEqualTo("http://<redacted>@host:8080/hook?<redacted>");
        assertThat(Redact.urls("POST https://hooks.example/x?a=1#frag failed"))
                .isEqualTo("POST https://hooks.example/x?<redacted>#frag failed");
        assertThat(Redact.urls("see 'http://a@b' and unix:///run/podman/podman.sock"))
                .isEqualTo("see 'http://<redacted>@b' and unix:///run/podman/podman.sock");
        assertThat(Redact.urls("http://host:9093")).isEqualTo("http://host:9093");
        assertThat(Redact.urls("no url here")).isEqualTo("no url here");
    }
}
