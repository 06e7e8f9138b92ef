package org.mineralsupplygraph;

import java.util.Arrays;
import org.mineralsupplygraph.importer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Critical-mineral supply networks as a Neo4j graph, every fact with its provenance. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MineralSupplyGraphApplication {

    /**
     * Runs the application; {@code import FILE...} runs the import command instead (see {@link ImportCommand}).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(
                    MineralSupplyGraphApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(MineralSupplyGraphApplication.class, args);
    }
}
