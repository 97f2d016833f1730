package io.podwatch.core.detect.anomaly;

import static io.podwatch.core.detect.anomaly.ContainerBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.detect.anomaly.ContainerBatches.C;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalReaderTest {
    final SignalReader reader = new SignalReader();

    @Test
    void countersBecomeRatesSummedOverInterfaces() {
        C c = C.idle("a", "web");
        assertThat(reader.read(batch(100, c.cpu(10).rx(100, 50))).get(0).value(Signal.CPU)).isNaN();
        ContainerReading r = reader.read(batch(105, c.cpu(15).rx(1100, 550))).get(0);
        assertThat(r.value(Signal.CPU)).isEqualTo(1.0);
        assertThat(r.value(Signal.NET_RX)).isEqualTo(300.0);
        assertThat(r.value(Signal.MEMORY)).isEqualTo(1e6);
        assertThat(r.container().name()).isEqualTo("web");
    }

    @Test
    void counterResetGivesNoRateAndUnsetLimitsAreNaN() {
        C c = C.idle("a", "web");
        reader.read(batch(100, c.cpu(50)));
        ContainerReading r = reader.read(batch(105, c.cpu(1))).get(0);
        assertThat(r.value(Signal.CPU)).isNaN();
        assertThat(r.memoryLimit()).isNaN();
        assertThat(reader.read(batch(110, c.cpu(6))).get(0).value(Signal.CPU)).isEqualTo(1.0);
    }

    @Test
    void goneContainerLeavesNoState() {
        reader.read(batch(100, C.idle("a", "x"), C.idle("b", "y")));
        List<ContainerReading> r = reader.read(batch(105, C.idle("b", "y")));
        assertThat(r).hasSize(1);
        // "a" comes back: no rate from stale counters
        assertThat(reader.read(batch(110, C.idle("a", "x").cpu(3))).get(0).value(Signal.CPU)).isNaN();
    }
}
