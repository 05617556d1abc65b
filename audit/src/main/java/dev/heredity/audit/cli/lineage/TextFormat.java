package dev.heredity.audit.cli.lineage;

/** Output of the pairs and trace commands: aligned text for people, JSON for machines. */
public enum TextFormat {
  table,
  json
}
