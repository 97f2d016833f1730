package io.podwatch.core.rules.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGlobTest {
    @Test
    void starStaysInADirectoryDoubleStarCrossesThem() {
        assertThat(PathGlob.of("/etc/shadow").matches("/etc/shadow")).isTrue();
        assertThat(PathGlob.of("/etc/shadow").matches("/etc/shadow-")).isFalse();
        assertThat(PathGlob.of("/etc/sudoers*").matches("/etc/sudoers.d")).isTrue();
        assertThat(PathGlob.of("/etc/sudoers*").matches("/etc/sudoers.d/x")).isFalse();
        assertThat(PathGlob.of("/etc/**").matches("/etc/a/b/c")).isTrue();
        assertThat(PathGlob.of("/**/.ssh/id_*").matches("/home/alice/.ssh/id_rsa")).isTrue();
        assertThat(PathGlob.of("/**/.ssh/id_*").matches("/home/alice/.ssh/known_hosts")).isFalse();
        assertThat(PathGlob.of("/etc/ssh/ssh_host_*_key").matches("/etc/ssh/ssh_host_ed25519_key")).isTrue();
        assertThat(PathGlob.of("/etc/ssh/ssh_host_*_key").matches("/etc/ssh/ssh_host_ed25519_key.pub")).isFalse();
        assertThat(PathGlob.of("/tmp/?.txt").matches("/tmp/a.txt")).isTrue();
        assertThat(PathGlob.of("/a.b").matches("/axb")).isFalse(); // literal dot, not a regex
    }
}
