package org.egovmonitor.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.HashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.egovmonitor.config.BundledConfigurationSourceProvider;
import org.egovmonitor.config.EgovMonitorConfiguration;

/**
 * {@code demo [config.yml]}: the server on the embedded database (unless DATABASE_URL says otherwise) with the
 * Chizhou demo registry loaded and everything labelled as demo data. Its sites are generated and served by an
 * in-process farm ({@link org.egovmonitor.demo.DemoFarm}) and crawled at start, so rankings and scorecards show
 * real crawled measurements within about a minute.
 */
public class DemoCommand extends ServerCommand<EgovMonitorConfiguration> {

    public DemoCommand(Application<EgovMonitorConfiguration> application) {
        super(application, "demo", "以演示数据（池州市示例登记表）启动服务");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Map<String, Object> attrs = new HashMap<>(namespace.getAttrs());
        attrs.putIfAbsent("file", null);
        if (attrs.get("file") == null) {
            attrs.put("file", BundledConfigurationSourceProvider.DEFAULT_FILE);
        }
        super.run(bootstrap, new Namespace(attrs));
    }

    @Override
    protected void run(Bootstrap<EgovMonitorConfiguration> bootstrap, Namespace namespace,
                       EgovMonitorConfiguration configuration) throws Exception {
        configuration.setDemo(true);
        // the registry's sites, generated and served locally, so the first crawl round measures something real
        configuration.setDemoFarm(true);
        super.run(bootstrap, namespace, configuration);
    }
}
