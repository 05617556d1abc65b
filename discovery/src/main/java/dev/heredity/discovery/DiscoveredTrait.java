package dev.heredity.discovery;

/**
 * A trait found in the artifacts; today only a recorded system prompt (source {@code
 * system-prompt}).
 */
public record DiscoveredTrait(String name, String source, String text, Evidence evidence) {}
