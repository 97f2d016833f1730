package io.podwatch.collectors.posture;

import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.MetricDef;
import java.util.List;

/** Posture checks of the host and of every container against the seeds' recommendations. */
public final class PostureFactory implements CollectorFactory<PostureConfig> {
    @Override
    public String name() {
        return "posture";
    }

    @Override
    public List<Setting<?>> keys() {
        return PostureKeys.all();
    }

    @Override
    public PostureConfig config(Config config, HostEnv env) {
        return PostureConfig.from(config);
    }

    @Override
    public List<MetricDef> metrics() {
        return PostureMetrics.all();
    }

    @Override
    public void create(PostureConfig config, SourceContext context) {
        PostureDetector detector = new PostureDetector(config.alertMinSeverity());
        context.assembly().detect(detector);
        if (!config.enabled() || context.engines().podmanApi().isEmpty()) {
            return;
        }
        PostureCollector posture = new PostureCollector(new PostureScanner(context.engines().podmanApi().get(),
                HostFiles.real(), new ProcessCommandRunner(), config.allow(), config.unusedDays(), context.clock()),
                context.inventory(), config, context.clock());
        context.assembly().collect(posture, posture.schedule());
    }
}
