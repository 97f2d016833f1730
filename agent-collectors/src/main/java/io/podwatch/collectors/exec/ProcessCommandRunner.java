package io.podwatch.collectors.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes. Output goes to temporary files, so waiting is bounded by the
 * timeout alone (a pipe read would block on a hung child); stdout is read up to 1 MiB.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private static final int MAX_OUT = 1 << 20;

    @Override
    public Result run(List<String> argv, Duration timeout) throws InterruptedException {
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("podwatch-cmd", ".out");
            err = Files.createTempFile("podwatch-cmd", ".err");
            p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Result(-1, "", argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), head(out), head(err));
        } catch (IOException e) {
            return new Result(-1, "", "cannot run " + argv.get(0) + ": " + e.getMessage());
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            delete(out);
            delete(err);
        }
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUT), StandardCharsets.UTF_8);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
