package io.podwatch.core.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the agent-core benchmarks: the JMH timings, then retained bytes per series. Command in
 * docs/performance.md; an optional argument narrows the JMH run by regex (e.g. {@code detectorUpdate}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : AnomalyBench.class.getName();
        new Runner(new OptionsBuilder().include(include).build()).run();
        RetainedBytes.run();
    }
}
