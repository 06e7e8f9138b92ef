package org.mineralsupplygraph.importer;

import org.mineralsupplygraph.reach.SupplyReach;
import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the web server takes requests: applies the schema, checks the supply reach, then loads each
 * configured data set through the {@link GraphImporter}, one transaction per file. A data set that cannot be loaded stops start-up with a message
 * naming the file and the line or record, and leaves the graph as it was.
 */
@Component
class StartupDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StartupDataLoader.class);

    private final SupplyGraphProperties properties;
    private final SchemaApplier schema;
    private final GraphImporter importer;
    private final ResourceLoader resources;
    private final ObjectProvider<SupplyReach> reach;

    StartupDataLoader(
            SupplyGraphProperties properties,
            SchemaApplier schema,
            GraphImporter importer,
            ResourceLoader resources,
            ObjectProvider<SupplyReach> reach) {
        this.properties = properties;
        this.schema = schema;
        this.importer = importer;
        this.resources = resources;
        this.reach = reach;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.data().loadOnStartup()) {
            log.info("Loading data at start-up is switched off (supplygraph.data.load-on-startup=false)");
            return;
        }
        schema.apply();
        // A current supply reach is taken before the data sets are loaded, so that what loading them writes is patched
        // into it like any import, rather than making it look stale; a missing or stale one is built once, after them.
        reach.ifAvailable(SupplyReach::startIfCurrent);
        for (String location : properties.data().sets()) {
            ImportResult result = importer.importDocument(DataSetReader.read(resources.getResource(location)));
            log.info(
                    "Loaded {} in {} ms: nodes {} new, {} already there; relationships {} new, {} already there",
                    result.document(),
                    result.millis(),
                    result.nodesCreated(),
                    result.nodesUpdated(),
                    result.relationshipsCreated(),
                    result.relationshipsUpdated());
        }
        reach.ifAvailable(SupplyReach::start);
    }
}
