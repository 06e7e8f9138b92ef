package org.mineralsupplygraph.analytics;

import java.time.Duration;
import org.mineralsupplygraph.reach.SupplyReach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the map's first view (lithium, flows by origin, as /map opens) once the application is ready and the supply
 * reach is current, in the background: its answers are then kept (MapService) and the first visitor does not wait for
 * them (2.5 to 8 s at the generated network of size M). Off with MAP_WARM_UP=false.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "supplygraph.map.warm-up", havingValue = "true", matchIfMissing = true)
class MapWarmUp {

    private static final Logger log = LoggerFactory.getLogger(MapWarmUp.class);

    /** The view /map opens with. */
    static final String MINERAL = "lithium";

    private static final Duration REACH_WAIT = Duration.ofMinutes(15);

    private final MapService map;
    private final SupplyReach reach;

    MapWarmUp(MapService map, SupplyReach reach) {
        this.map = map;
        this.reach = reach;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        Thread thread = new Thread(this::run, "map-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    void run() {
        long deadline = System.nanoTime() + REACH_WAIT.toNanos();
        try {
            // Flows come from the reach; made while it is rebuilt they would walk the graph, and not be kept.
            while (reach.writtenAt() == null) {
                if (System.nanoTime() > deadline) {
                    log.info("Map answers not prepared: the supply reach was not current within {}", REACH_WAIT);
                    return;
                }
                Thread.sleep(1000);
            }
            long started = System.nanoTime();
            map.sites(MINERAL, null, null);
            map.flows(MINERAL, "origin", null);
            map.production(MINERAL);
            log.info("Map answers for {} prepared in {} ms", MINERAL, (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.info("Map answers not prepared ({}); the first visit will make them", e.getMessage());
        }
    }
}
