package dev.heredity.detectors.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns strings to dense ids in order of first appearance (deterministic for a fixed input
 * order).
 */
public final class TermIds {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> terms = new ArrayList<>();

  public int intern(String term) {
    Integer id = ids.get(term);
    if (id != null) {
      return id;
    }
    int fresh = terms.size();
    ids.put(term, fresh);
    terms.add(term);
    return fresh;
  }

  /** The id of a term, or -1. */
  public int id(String term) {
    return ids.getOrDefault(term, -1);
  }

  public String term(int id) {
    return terms.get(id);
  }

  public int size() {
    return terms.size();
  }
}
