package dev.heredity.detectors.suite;

import java.util.SplittableRandom;

/**
 * L2-regularised logistic regression on the binary rows of a {@link MergedTables}, trained with AdaGrad
 * SGD in a seeded order (deterministic, single thread). Each occurrence of a feature counts
 * {@code 1/sqrt(row length)}, so long and short records weigh alike. Classes are weighted to balance.
 */
final class LogisticRegression {
    private static final int EPOCHS = 5;
    private static final double RATE = 0.2;
    private static final double L2 = 1e-4;

    private final MergedTables rows;
    private final int features;
    private final double[] weights;
    private double bias;

    private LogisticRegression(MergedTables rows, int features) {
        this.rows = rows;
        this.features = features;
        this.weights = new double[features];
    }

    /** Trains on {@code train} rows; a row is positive when it is a suspect record ({@code row < suspect}). */
    static LogisticRegression train(MergedTables rows, int features, int[] train, int suspect, long seed) {
        LogisticRegression model = new LogisticRegression(rows, features);
        int positives = 0;
        for (int r : train) {
            positives += r < suspect ? 1 : 0;
        }
        double positiveWeight = train.length / (2.0 * Math.max(1, positives));
        double negativeWeight = train.length / (2.0 * Math.max(1, train.length - positives));
        double[] squared = new double[features];
        double biasSquared = 0;
        int[] order = train.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int r : order) {
                boolean positive = r < suspect;
                double norm = model.norm(r);
                double p = 1 / (1 + Math.exp(-model.score(r)));
                double gradient = (positive ? positiveWeight : negativeWeight) * (p - (positive ? 1 : 0));
                for (int k = rows.rowStart(r); k < rows.rowEnd(r); k++) {
                    int f = rows.id(k);
                    if (f >= features) {
                        continue;
                    }
                    double g = gradient * norm + L2 * model.weights[f];
                    squared[f] += g * g;
                    model.weights[f] -= RATE * g / Math.sqrt(squared[f] + 1e-8);
                }
                biasSquared += gradient * gradient;
                model.bias -= RATE * gradient / Math.sqrt(biasSquared + 1e-8);
            }
        }
        return model;
    }

    double score(int row) {
        double norm = norm(row);
        double z = bias;
        for (int k = rows.rowStart(row); k < rows.rowEnd(row); k++) {
            int f = rows.id(k);
            if (f < features) {
                z += weights[f] * norm;
            }
        }
        return z;
    }

    double weight(int feature) {
        return weights[feature];
    }

    private double norm(int row) {
        int length = rows.rowEnd(row) - rows.rowStart(row);
        return length == 0 ? 0 : 1 / Math.sqrt(length);
    }
}
