package io.podwatch.agent;

import io.podwatch.core.config.Setting;
import io.podwatch.core.plugin.Factory;
import java.nio.file.Path;
import java.util.List;

/** {@link PluginPages} for tests in other packages (the plug-in examples). */
public final class PluginPagesAccess {
    private PluginPagesAccess() {
    }

    public static void check(Path dir, Factory<?> factory, List<Setting<?>> settings) throws Exception {
        PluginPages.check(dir, factory, settings);
    }
}
