package io.podwatch.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.testing.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the three packages hold, as the packaging tools read them: file lists and modes, conffiles,
 * scripts, dependencies; lintian clean; rpmlint only the remarks docs/install.md explains.
 */
@Tag("integration")
class PackageContentsIT {
    /** rpmlint tags accepted in docs/install.md ("lintian and rpmlint"), each for a stated reason. */
    private static final Set<String> RPMLINT_EXPLAINED = Set.of("non-standard-uid", "non-standard-gid",
            "non-standard-dir-perm", "non-readable", "non-coherent-filename", "no-signature", "manpage-not-compressed",
            "no-manual-page-for-binary", "log-files-without-logrotate", "only-non-binary-in-usr-lib", "jar-not-indexed",
            "invalid-license");

    @Test
    void debHoldsTheAgentItsConffilesAndScripts() throws IOException {
        Host.assume(false, "dpkg-deb");
        Path deb = Built.artifact("podwatch_", "_all.deb");
        String list = Host.run(Map.of(), List.of("dpkg-deb", "-c", deb.toString()));
        assertThat(list).contains("-rwxr-xr-x root/root", "./usr/bin/podwatch", "./usr/share/podwatch/podwatch.jar",
                "./lib/systemd/system/podwatch.service", "./lib/systemd/system/podman.socket.d/podwatch.conf",
                "./usr/lib/sysusers.d/podwatch.conf", "./usr/share/doc/podwatch/docs/install.md",
                "./usr/share/man/man1/podwatch.1.gz");
        assertThat(line(list, "./etc/podwatch/podwatch.yaml")).startsWith("-rw-r-----");
        assertThat(Host.run(Map.of(), List.of("dpkg-deb", "-I", deb.toString(), "conffiles")).lines().toList())
                .containsExactlyInAnyOrder("/etc/podwatch/podwatch.yaml", "/etc/audit/rules.d/podwatch.rules");
        assertThat(Host.run(Map.of(), List.of("dpkg-deb", "-f", deb.toString(), "Depends"))).contains("java17-runtime-headless");
        assertThat(Host.run(Map.of(), List.of("dpkg-deb", "-I", deb.toString(), "postinst"))).contains("useradd --system");
    }

    @Test
    void lintianIsClean() throws Exception {
        Host.assume(false, "lintian");
        Path deb = Built.artifact("podwatch_", "_all.deb");
        Result r = exec(List.of("lintian", "--tag-display-limit", "0", deb.toString()));
        assertThat(r.out().lines().filter(l -> l.matches("^[EWIPX]: .*"))).as(r.out()).isEmpty();
        assertThat(r.code()).as(r.out()).isZero();
    }

    @Test
    void rpmHoldsTheAgentAndRpmlintSaysOnlyWhatIsExplained() throws Exception {
        Host.assume(false, "rpm", "rpmlint");
        Path rpm = Built.artifact("podwatch-", ".noarch.rpm");
        String list = Host.run(Map.of(), List.of("rpm", "-qplv", rpm.toString()));
        assertThat(list).contains("/usr/bin/podwatch", "/usr/share/podwatch/podwatch.jar",
                "/usr/lib/systemd/system/podwatch.service", "/usr/lib/systemd/system/podman.socket.d/podwatch.conf");
        assertThat(line(list, "/var/lib/podwatch")).startsWith("drwxr-x---").contains("podwatch podwatch");
        assertThat(line(list, "/etc/podwatch/podwatch.yaml")).startsWith("-rw-r-----").contains("root     podwatch");
        assertThat(Host.run(Map.of(), List.of("rpm", "-qp", "--configfiles", rpm.toString())).lines().toList())
                .containsExactlyInAnyOrder("/etc/podwatch/podwatch.yaml", "/etc/audit/rules.d/podwatch.rules");
        assertThat(Host.run(Map.of(), List.of("rpm", "-qp", "--scripts", rpm.toString()))).contains("useradd --system",
                "try-restart podwatch.service", "disable --now podwatch.service");
        Result lint = exec(List.of("rpmlint", rpm.toString()));
        Set<String> tags = new TreeSet<>();
        Matcher t = Pattern.compile("(?m)^podwatch\\.noarch: [EW]: (\\S+)").matcher(lint.out());
        while (t.find()) {
            tags.add(t.group(1));
        }
        assertThat(tags).as(lint.out()).isSubsetOf(RPMLINT_EXPLAINED);
    }

    @Test
    void tarballHoldsInstallerServiceFilesAndAValidConfig() throws Exception {
        Host.assume(false, "tar", "java");
        Path tar = Built.artifact("podwatch-", ".tar.gz");
        String list = Host.run(Map.of(), List.of("tar", "-tzvf", tar.toString()));
        String top = tar.getFileName().toString().replace(".tar.gz", "");
        for (String exe : List.of("install.sh", "uninstall.sh", "podwatch", "openrc/podwatch")) {
            assertThat(line(list, top + "/" + exe)).as(exe).startsWith("-rwxr-xr-x");
        }
        assertThat(list).contains(top + "/podwatch.jar", top + "/openrc/podwatch.confd", top + "/logrotate/podwatch",
                top + "/audit/podwatch.rules", top + "/systemd/podwatch.service", top + "/VERSION");
        Path stage = Built.TARGET.resolve("stage");
        Result valid = exec(List.of("sh", stage.resolve("podwatch").toString(), "config", "validate",
                stage.resolve("podwatch.yaml").toString()));
        assertThat(valid.code()).as(valid.out()).isZero();
        String rules = Files.readString(stage.resolve("audit/podwatch.rules"));
        // only adds: a -D or -e here would wipe or lock the operator's own rules at augenrules --load
        assertThat(rules.lines().filter(l -> l.startsWith("-D") || l.startsWith("-e"))).isEmpty();
    }

    private static String line(String listing, String path) {
        return listing.lines().filter(l -> l.endsWith(path) || l.endsWith(path + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in\n" + listing));
    }

    private record Result(int code, String out) {
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
