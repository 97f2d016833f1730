package io.podwatch.collectors.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.volume.VolumeFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher on a real directory of this machine (real inotify), with a fixed scope instead of an engine. */
class VolumeWatcherTest {
    @TempDir
    Path dir;

    static MountScope scope(Path source, boolean rw) {
        ContainerRef c = new ContainerRef("c0ffee", "box", "img", "");
        return () -> List.of(new MountScope.ContainerMounts(c,
                List.of(new MountScope.Mount("bind", "", source, "/data", rw))));
    }

    @Test
    void reportsCreationsChangesAndSetuidOfAWatchedDirectory() throws Exception {
        try (VolumePipeline p = new VolumePipeline(Duration.ZERO);
             VolumeWatcher w = new VolumeWatcher(VolumeWatcherIT.settings(true, false, Duration.ofMinutes(1)),
                     scope(dir, true), p.directory, null, p, Clock.systemUTC())) {
            w.start();
            w.collect(p);
            await().atMost(Duration.ofSeconds(5)).until(() -> !p.directory.all().isEmpty() && w.watches() > 0);
            Path f = dir.resolve("evil");
            Files.copy(Path.of("/bin/busybox").toRealPath(), f);
            new ProcessBuilder("chmod", "4755", f.toString()).start().waitFor();
            Files.createDirectories(dir.resolve("a/b"));
            Files.writeString(dir.resolve("a/b/c.txt"), "x");
            await().atMost(Duration.ofSeconds(5)).until(() -> p.alert("VolumeSetuidFile", a -> true).isPresent());
            assertThat(p.alert("VolumeSetuidFile", a -> true).orElseThrow().alert().annotations())
                    .containsEntry("host_path", f.toString()).containsEntry("container", "box")
                    .containsKey("sha256").containsEntry("header", "elf");
            await().atMost(Duration.ofSeconds(5)).until(() -> !p.volumeEvents(e ->
                    dir.resolve("a/b/c.txt").toString().equals(e.fields().get(VolumeFields.PATH))).isEmpty());
        }
    }

    @Test
    void closeStopsItsThreadsAndIsIdempotentStartedOrNot() throws Exception {
        try (VolumePipeline p = new VolumePipeline(Duration.ZERO)) {
            VolumeWatcher never = new VolumeWatcher(VolumeWatcherIT.settings(true, false, Duration.ofMinutes(1)),
                    scope(dir, true), p.directory, null, p, Clock.systemUTC());
            never.close();
            never.close();
            VolumeWatcher w = new VolumeWatcher(VolumeWatcherIT.settings(true, false, Duration.ofMinutes(1)),
                    scope(dir, true), p.directory, null, p, Clock.systemUTC());
            w.start();
            w.collect(p);
            await().atMost(Duration.ofSeconds(5)).until(() -> w.watches() > 0);
            w.close();
            w.close();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("podwatch-volume"));
        }
    }
}
