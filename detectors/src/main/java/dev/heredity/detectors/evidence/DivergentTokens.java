package dev.heredity.detectors.evidence;

import dev.heredity.detectors.DivergentToken;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.profile.TokenTables;
import dev.heredity.detectors.stats.TwoByKTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Tokens whose rates differ most: log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn 2008, eq. 22 and its variance), natural logs throughout. The prior is the
 * pooled token distribution scaled to {@link #PRIOR_MASS} pseudo-counts. Top tokens at any
 * position, and for numbers also at each of the first positions.
 */
public final class DivergentTokens {
  static final double PRIOR_MASS = 1000;

  /** Record positions with their own top tokens (numbers), as in the position test. */
  static final int POSITIONS = 3;

  private static final int TOP_ANY = 10;
  private static final int TOP_PER_POSITION = 3;

  private DivergentTokens() {}

  /** All tokens that pass the record-level filter, without it (tests of the formula). */
  public static List<DivergentToken> of(Corpus corpus) {
    return of(corpus, 1.0);
  }

  /**
   * The top tokens whose share of records containing them differs between the sets by a
   * two-proportion z-test that passes Bonferroni at {@code alpha} over every token of the slot
   * (records are independent, token occurrences inside a record are not); an empty list when none
   * does.
   */
  public static List<DivergentToken> of(Corpus corpus, double alpha) {
    int vocabulary = corpus.tokens().size();
    boolean positions = corpus.modality() == Modality.NUMBERS;
    int slots = 1 + (positions ? POSITIONS : 0);
    long[][] suspect = new long[slots][vocabulary];
    long[][] reference = new long[slots][vocabulary];
    long[][] present = new long[2][vocabulary];
    int[] lastSeen = new int[vocabulary];
    java.util.Arrays.fill(lastSeen, -1);
    for (int r = 0; r < corpus.size(); r++) {
      long[][] side = corpus.isSuspect(r) ? suspect : reference;
      for (int i = 0; i < corpus.tokenCount(r); i++) {
        int token = corpus.token(r, i);
        if (lastSeen[token] != r) {
          lastSeen[token] = r;
          present[corpus.isSuspect(r) ? 0 : 1][token]++;
        }
        side[0][token]++;
        if (i + 1 < slots) {
          side[i + 1][token]++;
        }
      }
    }
    return of(
        corpus.tokens()::term,
        corpus.suspectCount(),
        corpus.size(),
        suspect,
        reference,
        present,
        alpha);
  }

  /**
   * The same from corpus-wide token tables (a full pass on a cluster): {@code any}, {@code records}
   * and {@code positions} of each side, over {@code suspectRecords} and {@code referenceRecords}
   * records.
   */
  public static List<DivergentToken> of(
      TokenTables suspectTables,
      long suspectRecords,
      TokenTables referenceTables,
      long referenceRecords,
      Modality modality,
      double alpha) {
    java.util.TreeSet<String> terms = new java.util.TreeSet<>(suspectTables.any().keySet());
    terms.addAll(referenceTables.any().keySet());
    List<String> vocabulary = List.copyOf(terms);
    int slots = 1 + (modality == Modality.NUMBERS ? POSITIONS : 0);
    long[][] suspect = new long[slots][];
    long[][] reference = new long[slots][];
    suspect[0] = counts(vocabulary, suspectTables.any());
    reference[0] = counts(vocabulary, referenceTables.any());
    for (int p = 1; p < slots; p++) {
      suspect[p] = counts(vocabulary, position(suspectTables, p));
      reference[p] = counts(vocabulary, position(referenceTables, p));
    }
    long[][] present = {
      counts(vocabulary, suspectTables.records()), counts(vocabulary, referenceTables.records())
    };
    return of(
        vocabulary::get,
        suspectRecords,
        suspectRecords + referenceRecords,
        suspect,
        reference,
        present,
        alpha);
  }

  private static java.util.Map<String, Long> position(TokenTables tables, int p) {
    return p - 1 < tables.positions().size() ? tables.positions().get(p - 1) : java.util.Map.of();
  }

  private static long[] counts(List<String> vocabulary, java.util.Map<String, Long> table) {
    long[] out = new long[vocabulary.size()];
    for (int w = 0; w < out.length; w++) {
      out[w] = table.getOrDefault(vocabulary.get(w), 0L);
    }
    return out;
  }

  private static List<DivergentToken> of(
      IntFunction<String> term,
      long suspectRecords,
      long records,
      long[][] suspect,
      long[][] reference,
      long[][] present,
      double alpha) {
    List<DivergentToken> out =
        new ArrayList<>(
            top(
                term,
                suspectRecords,
                records,
                suspect[0],
                reference[0],
                present[0],
                present[1],
                null,
                TOP_ANY,
                alpha));
    for (int p = 1; p < suspect.length; p++) {
      out.addAll(
          top(
              term,
              suspectRecords,
              records,
              suspect[p],
              reference[p],
              suspect[p],
              reference[p],
              p,
              TOP_PER_POSITION,
              alpha));
    }
    return out;
  }

  private static List<DivergentToken> top(
      IntFunction<String> term,
      long suspectRecords,
      long records,
      long[] ys,
      long[] yr,
      long[] recordsS,
      long[] recordsR,
      Integer position,
      int limit,
      double alpha) {
    int candidates = 0;
    for (int w = 0; w < ys.length; w++) {
      candidates += ys[w] + yr[w] > 0 ? 1 : 0;
    }
    double critical =
        alpha >= 1
            ? 0
            : NormalDistribution.of(0, 1)
                .inverseSurvivalProbability(alpha / (2.0 * Math.max(1, candidates)));
    long ns = 0;
    long nr = 0;
    for (int w = 0; w < ys.length; w++) {
      ns += ys[w];
      nr += yr[w];
    }
    long total = ns + nr;
    List<DivergentToken> all = new ArrayList<>();
    if (ns == 0 || nr == 0) {
      return all;
    }
    for (int w = 0; w < ys.length; w++) {
      if (ys[w] + yr[w] == 0
          || Math.abs(
                  TwoByKTable.proportionZ(
                      recordsS[w], recordsS[w] + recordsR[w], suspectRecords, records))
              < critical) {
        continue;
      }
      double prior = Math.max(0.01, PRIOR_MASS * (ys[w] + yr[w]) / total);
      double delta =
          Math.log((ys[w] + prior) / (ns + PRIOR_MASS - ys[w] - prior))
              - Math.log((yr[w] + prior) / (nr + PRIOR_MASS - yr[w] - prior));
      double variance = 1 / (ys[w] + prior) + 1 / (yr[w] + prior);
      all.add(
          new DivergentToken(term.apply(w), position, delta / Math.sqrt(variance), ys[w], yr[w]));
    }
    all.sort(
        Comparator.comparingDouble((DivergentToken t) -> -Math.abs(t.zScore()))
            .thenComparing(DivergentToken::token));
    return all.subList(0, Math.min(limit, all.size()));
  }
}
