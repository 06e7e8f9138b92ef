package org.mineralsupplygraph.reach;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/supply-reach")
@Tag(name = "Supply reach", description = "The precomputed tails of the supply paths that country-wide questions read")
class SupplyReachController {

    private final SupplyReach reach;

    SupplyReachController(SupplyReach reach) {
        this.reach = reach;
    }

    /** The reach's state and its last build or update. */
    @Schema(description = "The supply reach's state")
    record State(
            @Schema(description = "current, unverified, updating, rebuilding or disabled", example = "current")
            String status,

            @Schema(description = "what the state means for answers; null when current") @Nullable
            String note,

            @Schema(
                    description = "the last build or update: kind, suppliers, tails, milliseconds; null before the"
                            + " first")
            SupplyReach.@Nullable Outcome last) {}

    @GetMapping
    @Operation(
            operationId = "getSupplyReachState",
            summary = "The supply reach's state",
            description = "current: written at the database's last committed transaction; unverified: the database"
                    + " does not report its transactions; updating or rebuilding: answers walk the graph meanwhile.")
    State state() {
        SupplyReach.Reading reading = reach.read();
        return new State(reading.value(), reading.note(), reach.lastOutcome());
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "rebuildSupplyReach",
            summary = "Rebuild the supply reach",
            description = "In the background; answers walk the graph until it is done. Needs X-API-Key. Needed only"
                    + " on an external server that does not report its last committed transaction, after writes made"
                    + " outside this application.")
    State rebuild() {
        reach.scheduleRebuild("asked for (POST /api/supply-reach/rebuild)");
        SupplyReach.Reading reading = reach.read();
        return new State(reading.value(), reading.note(), reach.lastOutcome());
    }
}
