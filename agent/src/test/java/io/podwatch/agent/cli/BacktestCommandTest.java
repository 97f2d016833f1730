package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.detect.AnomalyScorer;
import io.podwatch.core.detect.AnomalyScorerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest extends CapturedCli {
    @TempDir
    Path dir;

    Path csv(String text) throws Exception {
        return Files.writeString(dir.resolve("in.csv"), text);
    }

    @Test
    void printsHeaderAndOneRowPerInputRowInOrderWithTheLiveDetectorsScores() throws Exception {
        StringBuilder in = new StringBuilder("timestamp,value\n");
        List<Double> expected = new ArrayList<>();
        AnomalyScorer same = new AnomalyScorer(AnomalyScorerConfig.defaults());
        for (int i = 0; i < 400; i++) {
            double v = i < 300 ? 10 + (i % 3) : 50;
            String ts = String.format("2024-01-%02d %02d:%02d:00", 1 + i / 288, i % 288 / 12, i % 12 * 5);
            in.append(ts).append(',').append(v).append('\n');
            expected.add(same.update(BacktestCommand.epochMillis(ts), v));
        }
        assertThat(run("backtest", "--csv", csv(in.toString()).toString())).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("timestamp,value,anomaly_score");
        assertThat(lines).hasSize(401);
        String[] input = in.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).startsWith(input[i] + ",");
            assertThat(Double.parseDouble(lines[i].substring(lines[i].lastIndexOf(',') + 1))).isEqualTo(expected.get(i - 1));
        }
        assertThat(Double.parseDouble(lines[301].substring(lines[301].lastIndexOf(',') + 1))).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void configWarmupAppliesAsInTheLiveAgent() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "anomaly:\n  warmup-samples: 5\n");
        StringBuilder in = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 10; i++) {
            in.append(1_700_000_000 + i * 60).append(',').append(i == 9 ? 100 : 1 + i % 2).append('\n');
        }
        assertThat(run("backtest", "--config", config.toString(), "--signal", "memory", "--csv", csv(in.toString()).toString()))
                .isZero();
        String last = out.toString().split("\n")[10];
        assertThat(Double.parseDouble(last.substring(last.lastIndexOf(',') + 1))).isGreaterThan(0.5);
    }

    @Test
    void badRowsGiveTheLineAndWhatWasExpected() throws Exception {
        assertThat(run("backtest", "--csv", csv("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(out.toString()).isEqualTo("timestamp,value,anomaly_score\n2024-01-01 00:00:00,1,0.0\n");
        assertThat(err.toString()).contains("in.csv:3: expected timestamp,value with a finite number (found '2024-01-01 00:05:00,abc')");
        assertThat(run("backtest", "--csv", csv("timestamp,value\nyesterday,1\n").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("in.csv:2:");
        assertThat(run("backtest", "--csv", csv("timestamp,value\n2024-01-01 00:00:00,NaN\n").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(run("backtest", "--csv", csv("time;value\n").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("in.csv:1: expected the header timestamp,value");
        assertThat(run("backtest", "--csv", dir.resolve("missing.csv").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("cannot read " + dir.resolve("missing.csv") + ": no such file");
        assertThat(run("backtest", "--signal", "disk", "--csv", csv("timestamp,value\n").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown signal 'disk'");
    }
}
