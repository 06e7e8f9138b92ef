package org.mineralsupplygraph.importer;

import org.mineralsupplygraph.system.SupplyGraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the web server takes requests: applies the schema, then loads each configured data set through
 * the {@link GraphImporter}, one transaction per file. A data set that cannot be loaded stops start-up with a message
 * naming the file and the line or record, and leaves the graph as it was.
 */
@Component
class StartupDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StartupDataLoader.class);

    private final SupplyGraphProperties properties;
    private final SchemaApplier schema;
    private final GraphImporter importer;
    private final ResourceLoader resources;

    StartupDataLoader(SupplyGraphProperties properties, SchemaApplier schema, GraphImporter importer,
            ResourceLoader resources) {
        this.properties = properties;
        this.schema = schema;
        this.importer = importer;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.data().loadOnStartup()) {
            log.info("Loading data at start-up is switched off (supplygraph.data.load-on-startup=false)");
            return;
        }
        schema.apply();
        for (String location : properties.data().sets()) {
            ImportResult result = importer.importDocument(DataSetReader.read(resources.getResource(location)));
            log.info("Loaded {} in {} ms: nodes {} new, {} already there; relationships {} new, {} already there",
                    result.document(), result.millis(), result.nodesCreated(), result.nodesUpdated(),
                    result.relationshipsCreated(), result.relationshipsUpdated());
        }
    }
}
