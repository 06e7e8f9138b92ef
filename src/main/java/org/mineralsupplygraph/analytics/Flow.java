package org.mineralsupplygraph.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The supply of one mineral from one country to the firms of another: the supply contracts (OFFTAKE) and stakes
 * (INVESTS_IN) they signed, their known tonnes a year, and the deals behind them.
 */
@Schema(description = "Supply of a mineral from one country to the firms of another that signed for it")
public record Flow(
        @Schema(
                description = "where the supply comes from: the sites' country (origin) or the suppliers' (domicile)",
                example = "AR")
        String from,

        @Schema(example = "Argentina") String fromName,

        @Schema(description = "the buyers' country", example = "KR")
        String to,

        @Schema(example = "South Korea") String toName,

        @Schema(
                description = "the sum of the known yearly volumes (tonnes of product, as contracted); null when"
                        + " none is known",
                example = "25000")
        @Nullable
        Double tonnesPerYear,

        @Schema(
                description =
                        "supply contracts (OFFTAKE), each counted once however many sources give an account of" + " it",
                example = "1")
        int contracts,

        @Schema(description = "stakes (INVESTS_IN) in the suppliers or their sites", example = "2")
        int stakes,

        @Schema(description = "supply contracts whose yearly volume is unknown", example = "0")
        int unquantified,

        @Schema(
                description =
                        "the deals behind the flow, largest volume first (at most 10; contracts and stakes count them all)")
        List<Deal> deals) {

    /** One deal of the flow. */
    @Schema(description = "A supply contract or a stake behind a flow")
    public record Deal(
            @Schema(
                    description = "contract: an OFFTAKE; stake: an INVESTS_IN",
                    allowableValues = {"contract", "stake"})
            String kind,

            @Schema(example = "sk-on") String buyer,
            @Schema(example = "SK On") String buyerName,

            @Schema(description = "the deal's counterparty", example = "lake-resources")
            String supplier,

            @Schema(example = "Lake Resources") String supplierName,

            @Schema(description = "the mines and facilities, as far as the graph knows", example = "[\"kachi\"]")
            List<String> sites,

            @Schema(example = "lithium") @Nullable String product,
            @Schema(example = "25000") @Nullable Double tonnesPerYear,

            @Schema(
                    description = "when a contract's sites lie in several countries: its volume is counted in none",
                    example = "false")
            boolean volumeShared,

            @Schema(description = "the preferred account's relationship id: the seed article's, else the first")
            String relationship,

            @Schema(description = "its source", example = "seed-article") @Nullable
            String source,

            @Schema(description = "other sources' accounts of the same deal (relationship ids), counted once with it")
            List<String> otherAccounts) {}
}
