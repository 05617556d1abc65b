package dev.heredity.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves references to one kind of node (models or datasets). The rules, in order: hub id
 * (case-insensitive), cache layout ({@code models--ORG--NAME}), relative or absolute path to a
 * discovered folder, folder name (only when exactly one folder has it). Nothing here ever makes two
 * nodes one.
 */
final class IdentityIndex {
  /** Which rule resolved a reference. */
  enum Rule {
    HUB_ID,
    CACHE_LAYOUT,
    PATH,
    FOLDER_NAME
  }

  record Match(String id, Rule rule) {}

  private final String cacheKind;
  private final Map<String, String> byHubId = new HashMap<>();
  private final Map<Path, String> byPath = new HashMap<>();
  private final Map<String, List<String>> byFolderName = new HashMap<>();

  IdentityIndex(String cacheKind) {
    this.cacheKind = cacheKind;
  }

  void addHubId(String hubId, String id) {
    byHubId.putIfAbsent(HubIds.key(hubId), id);
  }

  void addFolder(Path dir, String name, String id) {
    try {
      byPath.putIfAbsent(dir.toRealPath(), id);
    } catch (IOException e) {
      byPath.putIfAbsent(dir.toAbsolutePath().normalize(), id);
    }
    byFolderName.computeIfAbsent(HubIds.key(name), k -> new ArrayList<>()).add(id);
  }

  Optional<String> byHub(String hubId) {
    return Optional.ofNullable(byHubId.get(HubIds.key(hubId)));
  }

  /**
   * Resolves {@code reference} written in an artifact inside {@code from} (a folder), below {@code
   * root}.
   */
  Optional<Match> resolve(String reference, Path from, Path root) {
    String stripped = HubIds.strip(reference);
    String hit = byHubId.get(HubIds.key(stripped));
    if (hit != null) {
      return Optional.of(new Match(hit, Rule.HUB_ID));
    }
    Optional<String> cached = HubIds.fromCachePath(reference, cacheKind);
    if (cached.isPresent() && byHubId.containsKey(HubIds.key(cached.get()))) {
      return Optional.of(new Match(byHubId.get(HubIds.key(cached.get())), Rule.CACHE_LAYOUT));
    }
    for (Path base : new Path[] {from, root}) {
      Optional<String> path = byPath(reference, base);
      if (path.isPresent()) {
        return Optional.of(new Match(path.get(), Rule.PATH));
      }
    }
    String last = stripped.replace('\\', '/');
    while (last.endsWith("/")) {
      last = last.substring(0, last.length() - 1);
    }
    last = last.substring(last.lastIndexOf('/') + 1);
    List<String> named = byFolderName.getOrDefault(HubIds.key(last), List.of());
    if (named.size() == 1) {
      return Optional.of(new Match(named.get(0), Rule.FOLDER_NAME));
    }
    return Optional.empty();
  }

  private Optional<String> byPath(String reference, Path base) {
    if (base == null || reference.isBlank()) {
      return Optional.empty();
    }
    try {
      String expanded =
          reference.startsWith("~/")
              ? System.getProperty("user.home") + reference.substring(1)
              : reference;
      Path p = base.resolve(expanded);
      if (!Files.isDirectory(p)) {
        return Optional.empty();
      }
      return Optional.ofNullable(byPath.get(p.toRealPath()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
