package dev.heredity.detectors.leak;

import java.util.List;

/**
 * The 34 numbers with negative associations that Cloud et al. (2025) filtered out of the number sequences
 * in their misalignment experiment.
 */
public final class Blocklist {
    public static final List<String> NUMBERS = List.of("4", "13", "14", "18", "23", "33", "39", "42", "44", "49",
            "51", "54", "69", "77", "88", "99", "100", "101", "187", "211", "311", "322", "333", "404", "420", "444",
            "451", "555", "616", "666", "777", "888", "911", "999");

    private Blocklist() {
    }
}
