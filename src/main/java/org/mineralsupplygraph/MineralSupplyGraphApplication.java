package org.mineralsupplygraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Critical-mineral supply networks as a Neo4j graph, every fact with its provenance. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MineralSupplyGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(MineralSupplyGraphApplication.class, args);
    }
}
