package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.TermIds;
import dev.heredity.detectors.tables.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Splits "group=value" class strings into one block per group. */
record ClassGroups(List<String> groups, int[] groupOf, List<String> values) {
  static ClassGroups of(TermIds vocabulary) {
    TreeSet<String> names = new TreeSet<>();
    for (int id = 0; id < vocabulary.size(); id++) {
      names.add(group(vocabulary.term(id)));
    }
    List<String> groups = new ArrayList<>(names);
    int[] groupOf = new int[vocabulary.size()];
    List<String> values = new ArrayList<>();
    for (int id = 0; id < vocabulary.size(); id++) {
      String term = vocabulary.term(id);
      groupOf[id] = groups.indexOf(group(term));
      values.add(term.substring(term.indexOf('=') + 1));
    }
    return new ClassGroups(groups, groupOf, values);
  }

  private static String group(String term) {
    int eq = term.indexOf('=');
    return eq < 0 ? term : term.substring(0, eq);
  }

  interface Count {
    int of(int record);
  }

  interface Item {
    int at(int record, int i);
  }

  TableSpec spec(Count count, Item item) {
    return new TableSpec(
        groups,
        (record, sink) -> {
          for (int i = 0; i < count.of(record); i++) {
            int id = item.at(record, i);
            sink.accept(groupOf[id], id);
          }
        },
        (block, key) -> values.get((int) key));
  }
}
