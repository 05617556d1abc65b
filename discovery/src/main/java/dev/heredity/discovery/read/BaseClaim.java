package dev.heredity.discovery.read;

import dev.heredity.discovery.Evidence;
import dev.heredity.lineage.manifest.Relation;

/**
 * An artifact's statement that a model comes from {@code reference}.
 *
 * @param relation the relation the artifact implies, or null when it does not say
 */
public record BaseClaim(
    String reference, Relation relation, Evidence evidence, ClaimSource source) {}
