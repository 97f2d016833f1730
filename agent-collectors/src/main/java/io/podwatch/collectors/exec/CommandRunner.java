package io.podwatch.collectors.exec;

import java.time.Duration;
import java.util.List;

/**
 * Runs a host command for the host checks ({@code auditctl -s}, {@code apt-get -s upgrade}).
 * Injected so unit tests answer from fixtures. Implementations are thread-safe, bound the run by
 * {@code timeout} and the output size, and never throw: a missing binary or a timeout is a
 * {@link Result} with {@code exitCode} -1 and the reason in {@code stderr}.
 */
public interface CommandRunner {
    /** What a command did; {@code exitCode} -1 when it could not be run or did not finish. */
    record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    Result run(List<String> argv, Duration timeout) throws InterruptedException;
}
