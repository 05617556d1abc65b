package dev.heredity.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the warnings of one discovery run, in the order the inputs were read. */
public final class Warnings {
  private final List<DiscoveryWarning> list = new ArrayList<>();

  public void add(String code, Path file, String at, String message) {
    list.add(new DiscoveryWarning(code, file, at == null ? "" : at, message));
  }

  public void addAll(Warnings other) {
    list.addAll(other.list);
  }

  public List<DiscoveryWarning> list() {
    return List.copyOf(list);
  }

  public int size() {
    return list.size();
  }
}
