package dev.heredity.discovery.read;

/**
 * Which artifact a base claim came from; earlier constants win when artifacts of one folder
 * disagree.
 */
public enum ClaimSource {
  MERGEKIT_RECIPE,
  ADAPTER_CONFIG,
  MODEL_CARD,
  GGUF_HEADER,
  CONFIG_JSON
}
