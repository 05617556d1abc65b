package dev.heredity.detectors.suite;

import dev.heredity.detectors.DivergentToken;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tokens whose rates differ most: log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
 * Quinn 2008, eq. 22 and its variance), natural logs throughout. The prior is the pooled token distribution
 * scaled to {@link #PRIOR_MASS} pseudo-counts. Top tokens at any position, and for numbers also at each of
 * the first positions.
 */
public final class DivergentTokens {
    static final double PRIOR_MASS = 1000;
    private static final int TOP_ANY = 10;
    private static final int TOP_PER_POSITION = 3;

    private DivergentTokens() {
    }

    public static List<DivergentToken> of(Corpus corpus) {
        int vocabulary = corpus.tokens().size();
        boolean positions = corpus.modality() == Modality.NUMBERS;
        int slots = 1 + (positions ? PositionDetector.POSITIONS : 0);
        long[][] suspect = new long[slots][vocabulary];
        long[][] reference = new long[slots][vocabulary];
        for (int r = 0; r < corpus.size(); r++) {
            long[][] side = corpus.isSuspect(r) ? suspect : reference;
            for (int i = 0; i < corpus.tokenCount(r); i++) {
                int token = corpus.token(r, i);
                side[0][token]++;
                if (i + 1 < slots) {
                    side[i + 1][token]++;
                }
            }
        }
        List<DivergentToken> out = new ArrayList<>(top(corpus, suspect[0], reference[0], null, TOP_ANY));
        for (int p = 1; p < slots; p++) {
            out.addAll(top(corpus, suspect[p], reference[p], p, TOP_PER_POSITION));
        }
        return out;
    }

    private static List<DivergentToken> top(Corpus corpus, long[] ys, long[] yr, Integer position, int limit) {
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
            if (ys[w] + yr[w] == 0) {
                continue;
            }
            double alpha = Math.max(0.01, PRIOR_MASS * (ys[w] + yr[w]) / total);
            double delta = Math.log((ys[w] + alpha) / (ns + PRIOR_MASS - ys[w] - alpha))
                    - Math.log((yr[w] + alpha) / (nr + PRIOR_MASS - yr[w] - alpha));
            double variance = 1 / (ys[w] + alpha) + 1 / (yr[w] + alpha);
            all.add(new DivergentToken(corpus.tokens().term(w), position, delta / Math.sqrt(variance), ys[w], yr[w]));
        }
        all.sort(Comparator.comparingDouble((DivergentToken t) -> -Math.abs(t.zScore()))
                .thenComparing(DivergentToken::token));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
