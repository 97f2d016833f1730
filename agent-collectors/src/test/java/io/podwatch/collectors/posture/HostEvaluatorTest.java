package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostEvaluatorTest {
    static final String APT = "apt-get -s -o Debug::NoLocking=1 upgrade";

    @TempDir
    Path tmp;

    @Test
    void hostLikeThisVmFailsWhatIsTrueOfIt() throws Exception {
        Path root = copy("hybrid-vm");
        Files.setPosixFilePermissions(root.resolve("run/podman/podman.sock"), PosixFilePermissions.fromString("rw-rw-rw-"));
        FakeCommands cmds = new FakeCommands().answer("auditctl -s", "enabled 0\nfailure 1\npid 0\n")
                .answer("auditctl -l", "No rules\n")
                .answer(APT, "Inst libc6 [2.36-9+deb12u3] (2.36-9+deb12u4 Debian-Security:12/stable-security [amd64])\n"
                        + "Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable [all])\n");
        Map<Check, Outcome> out = new HostEvaluator(new HostFiles(root), cmds).evaluate(new EngineInfo(false, "runc", "",
                List.of("AUDIT_WRITE", "CHOWN", "MKNOD", "SYS_CHROOT")));
        assertThat(out).allSatisfy((c, o) -> assertThat(o.kind()).as(c.id()).isEqualTo(Outcome.Kind.FAIL));
        assertThat(out.get(HostChecks.CGROUP_NOT_V2).detail()).startsWith("hybrid");
        assertThat(out.get(HostChecks.RUNTIME_NOT_CRUN).detail()).isEqualTo("runtime runc");
        assertThat(out.get(HostChecks.NO_LSM).detail()).isEqualTo("SELinux not present; AppArmor not present");
        assertThat(out.get(HostChecks.SUBID_MISSING).detail()).isEqualTo("no range for: alice (/etc/subuid, /etc/subgid)");
        assertThat(out.get(HostChecks.API_SOCKET_EXPOSED).detail())
                .isEqualTo("/run/podman/podman.sock is world-writable; podman system service on tcp:0.0.0.0:8888");
        assertThat(out.get(HostChecks.PENDING_UPDATES).detail()).isEqualTo("1 security updates pending: libc6");
        assertThat(out.get(HostChecks.AUDIT_NO_ENGINE_RULES).detail()).isEqualTo("no rules loaded");
        assertThat(out.get(HostChecks.ENGINE_DEFAULT_CAPS).detail()).isEqualTo("granted by default: AUDIT_WRITE, MKNOD");
    }

    @Test
    void hardenedHostPassesEverything() throws Exception {
        FakeCommands cmds = new FakeCommands().answer("auditctl -s", "enabled 1\n")
                .answer("auditctl -l", "-w /usr/bin/podman -p x -k podman\n-w /etc/containers -p wa -k podman-conf\n")
                .answer(APT, "Inst tzdata [2024a-0+deb12u1] (2025b-0+deb12u1 Debian:12.11/stable [all])\n");
        Map<Check, Outcome> out = new HostEvaluator(new HostFiles(copy("hardened")), cmds)
                .evaluate(new EngineInfo(true, "crun", "", List.of("CHOWN", "SETUID", "SYS_CHROOT")));
        assertThat(out).allSatisfy((c, o) -> assertThat(o.passed()).as(c.id() + " " + o).isTrue());
    }

    @Test
    void missingToolsAreUnknownNotPassing() throws Exception {
        Path root = copy("hardened");
        Files.delete(root.resolve("usr/bin/apt-get"));
        Map<Check, Outcome> out = new HostEvaluator(new HostFiles(root), new FakeCommands()).evaluate(EngineInfo.UNKNOWN);
        assertThat(out.get(HostChecks.AUDIT_DISABLED).kind()).isEqualTo(Outcome.Kind.UNKNOWN);
        assertThat(out.get(HostChecks.AUDIT_DISABLED).detail()).contains("auditctl -s: exit -1");
        assertThat(out.get(HostChecks.AUDIT_NO_ENGINE_RULES).kind()).isEqualTo(Outcome.Kind.UNKNOWN);
        assertThat(out.get(HostChecks.PENDING_UPDATES).detail()).startsWith("no apt-get");
        assertThat(out.get(HostChecks.ROOTFUL_ENGINE).kind()).isEqualTo(Outcome.Kind.UNKNOWN);
        assertThat(out.get(HostChecks.RUNTIME_NOT_CRUN).kind()).isEqualTo(Outcome.Kind.UNKNOWN);
    }

    @Test
    void runtimeFallsBackToContainersConf() throws Exception {
        Path root = copy("hardened");
        Files.writeString(root.resolve("etc/containers/containers.conf"), "[engine]\n# runtime = \"crun\"\nruntime = \"runc\"\n");
        Map<Check, Outcome> out = new HostEvaluator(new HostFiles(root), new FakeCommands()).evaluate(EngineInfo.UNKNOWN);
        assertThat(out.get(HostChecks.RUNTIME_NOT_CRUN)).isEqualTo(Outcome.fail("runtime runc"));
    }

    private Path copy(String name) throws IOException {
        Path dst = tmp.resolve(name);
        FileUtils.copyDirectory(Fixtures.dir("host/" + name).toFile(), dst.toFile());
        return dst;
    }
}
