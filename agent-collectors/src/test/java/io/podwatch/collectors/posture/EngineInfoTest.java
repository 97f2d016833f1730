package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EngineInfoTest {
    @Test
    void readsTheCapturedInfo() {
        EngineInfo e = EngineInfo.from(Fixtures.json("info-4.3.json"));
        assertThat(e.rootless()).isFalse();
        assertThat(e.ociRuntime()).isEqualTo("runc");
        assertThat(e.socketPath()).isEqualTo("/run/podman/podman.sock");
        assertThat(e.defaultCaps()).contains("AUDIT_WRITE", "MKNOD", "SYS_CHROOT").hasSize(14);
    }

    @Test
    void missingPartsAreUnknown() throws Exception {
        assertThat(EngineInfo.from(null)).isEqualTo(EngineInfo.UNKNOWN);
        EngineInfo e = EngineInfo.from(new ObjectMapper().readTree("{\"host\":{\"ociRuntime\":{\"name\":\"crun\"}}}"));
        assertThat(e.rootless()).isNull();
        assertThat(e.defaultCaps()).isNull();
        assertThat(e.ociRuntime()).isEqualTo("crun");
    }
}
