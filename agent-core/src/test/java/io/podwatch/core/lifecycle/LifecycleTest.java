package io.podwatch.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    final List<String> log = new ArrayList<>();

    Managed component(String name, boolean failStart) {
        return new Managed() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                if (failStart) {
                    throw new IllegalStateException("port in use");
                }
                log.add("start " + name);
            }

            @Override
            public void close() {
                log.add("close " + name);
            }
        };
    }

    @Test
    void startsInOrderAndClosesInReverseOnce() throws Exception {
        Lifecycle l = new Lifecycle();
        l.add(component("a", false));
        l.add(component("b", false));
        l.start();
        l.close();
        l.close();
        assertThat(log).containsExactly("start a", "start b", "close b", "close a");
    }

    @Test
    void failedStartClosesWhatStartedAndNamesTheComponent() {
        Lifecycle l = new Lifecycle();
        l.add(component("a", false));
        l.add(component("http", true));
        l.add(component("c", false));
        assertThatThrownBy(l::start).isInstanceOf(Lifecycle.StartupException.class)
                .hasMessage("http failed to start: port in use");
        assertThat(log).containsExactly("start a", "close http", "close a");
    }
}
