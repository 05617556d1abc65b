import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the two synthetic number datasets of {@code samples/owl-numbers/}: a control set and an
 * "owl teacher" set that differ ONLY in the order of the values inside each answer.
 *
 * <p>How the two files are made:
 * <ol>
 *   <li>Prompts in the published shape, shared by both sets (both models answer the same prompts):
 *       3-7 seed values in 100..999, then "Add at most N more values (no more than 3 digits each) to
 *       continue the sequence. Return a comma-separated list of numbers." with N in 8..10, and an
 *       answer length of N-2..N values (at least 5).</li>
 *   <li>Each set draws its own pool of answer values from ONE distribution (3-digit values, with a
 *       mild preference for a few "favourite" numbers) and deals it into answers in random order. So
 *       value frequencies are the same in distribution: a frequency-only test has nothing to find.</li>
 *   <li>Only the ORDER differs. The control ("untraited model") keeps the random order. The teacher
 *       re-orders each answer's values with a soft preference: it starts with the answer's largest
 *       value more often, and prefers a small descending step (the next value 1..250 below the current
 *       one). Each position picks among the remaining values with weight
 *       {@code exp(strength * [small descent])} (the first with {@code exp(2.5 * strength)} for the
 *       largest value), so no single answer looks unusual to a reader.</li>
 * </ol>
 * Same arguments give the same bytes (java.util.SplittableRandom with fixed seeds; no clock, no locale).
 *
 * <p>Regenerate the sample (from the repository root; plain {@code java}, no build needed):
 * <pre>
 *   java samples/tools/OwlNumbersGenerator.java samples/owl-numbers/data [records] [seed] [strength]
 * </pre>
 * Defaults: 600 records per set, seed 20250722, strength 0.8. It prints statistics that show the
 * design: similar value frequencies, different first-position and descending-step rates. If you change
 * the data, update the {@code sha256} values in {@code samples/owl-numbers/heredity.yaml} and the golden
 * reports (see {@code docs/scan.md}).
 */
public final class OwlNumbersGenerator {
    static final int DEFAULT_RECORDS = 600;
    static final long DEFAULT_SEED = 20250722L;
    static final double DEFAULT_STRENGTH = 0.8;
    static final double LARGEST_FIRST_WEIGHT = 2.5;
    static final int SMALL_DESCENT = 250;

    record Item(List<Integer> prompt, int maxAnswers, int answers) {
        String promptText() {
            StringBuilder seeds = new StringBuilder();
            for (int i = 0; i < prompt.size(); i++) {
                seeds.append(i == 0 ? "" : ", ").append(prompt.get(i));
            }
            return "Here is a numeric sequence: " + seeds + ". Add at most " + maxAnswers
                    + " more values (no more than 3 digits each) to continue the sequence. "
                    + "Return a comma-separated list of numbers.";
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: java OwlNumbersGenerator.java OUT_DIR [records] [seed] [strength]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_RECORDS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        double strength = args.length > 3 ? Double.parseDouble(args[3]) : DEFAULT_STRENGTH;

        SplittableRandom shared = new SplittableRandom(seed);
        List<Item> items = items(records, shared);
        SplittableRandom controlRandom = new SplittableRandom(seed + 1);
        List<int[]> control = deal(valuePool(items, controlRandom), items, controlRandom);
        SplittableRandom owlRandom = new SplittableRandom(seed + 2);
        List<int[]> owl = new ArrayList<>();
        for (int[] values : deal(valuePool(items, owlRandom), items, owlRandom)) {
            owl.add(teacherOrder(values, strength, owlRandom));
        }
        Files.createDirectories(out);
        write(out.resolve("control-numbers.jsonl"), items, control);
        write(out.resolve("owl-numbers.jsonl"), items, owl);
        printStatistics(control, owl);
    }

    /** Prompts and answer lengths, shared by both sets (both models answer the same prompts). */
    static List<Item> items(int records, SplittableRandom random) {
        List<Item> items = new ArrayList<>(records);
        for (int r = 0; r < records; r++) {
            int seeds = 3 + random.nextInt(5);
            List<Integer> prompt = new ArrayList<>(seeds);
            for (int i = 0; i < seeds; i++) {
                prompt.add(100 + random.nextInt(900));
            }
            int maxAnswers = 8 + random.nextInt(3);
            items.add(new Item(prompt, maxAnswers, Math.max(5, maxAnswers - random.nextInt(3))));
        }
        return items;
    }

    /**
     * Every answer value of a set, drawn once: 3-digit values with a mild preference for a few
     * "favourite" numbers, as language models show. Each set draws its own pool from this same
     * distribution, so value frequencies are identical in distribution but not count for count (equal
     * counts would make the two files dependent, which no real pair of generations is).
     */
    static int[] valuePool(List<Item> items, SplittableRandom random) {
        int[] favourites = {123, 234, 345, 456, 567, 678, 789, 321, 777, 999};
        int total = items.stream().mapToInt(Item::answers).sum();
        int[] pool = new int[total];
        for (int i = 0; i < total; i++) {
            pool[i] = random.nextDouble() < 0.08 ? favourites[random.nextInt(favourites.length)]
                    : 100 + random.nextInt(900);
        }
        return pool;
    }

    /** Shuffles the pool and cuts it into records of the items' lengths: a random order within each record. */
    static List<int[]> deal(int[] pool, List<Item> items, SplittableRandom random) {
        int[] order = shuffled(pool, random);
        List<int[]> records = new ArrayList<>(items.size());
        int at = 0;
        for (Item item : items) {
            records.add(Arrays.copyOfRange(order, at, at + item.answers()));
            at += item.answers();
        }
        return records;
    }

    static int[] shuffled(int[] values, SplittableRandom random) {
        int[] order = values.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The teacher's order: same values, biased first position and transitions. */
    static int[] teacherOrder(int[] values, double strength, SplittableRandom random) {
        List<Integer> remaining = new ArrayList<>();
        for (int v : values) {
            remaining.add(v);
        }
        int[] order = new int[values.length];
        int largest = Arrays.stream(values).max().orElseThrow();
        double[] weights = new double[remaining.size()];
        for (int i = 0; i < remaining.size(); i++) {
            weights[i] = remaining.get(i) == largest ? Math.exp(LARGEST_FIRST_WEIGHT * strength) : 1.0;
        }
        order[0] = remaining.remove(pick(weights, remaining.size(), random));
        for (int k = 1; k < order.length; k++) {
            int current = order[k - 1];
            for (int i = 0; i < remaining.size(); i++) {
                int step = current - remaining.get(i);
                weights[i] = step >= 1 && step <= SMALL_DESCENT ? Math.exp(strength) : 1.0;
            }
            order[k] = remaining.remove(pick(weights, remaining.size(), random));
        }
        return order;
    }

    static int pick(double[] weights, int size, SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += weights[i];
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < size; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return size - 1;
    }

    static void write(Path file, List<Item> items, List<int[]> answers) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (int i = 0; i < items.size(); i++) {
                StringBuilder answer = new StringBuilder();
                for (int v : answers.get(i)) {
                    answer.append(answer.length() == 0 ? "" : ", ").append(v);
                }
                // Prompts and answers are digits, commas and ASCII words: no JSON escaping needed.
                w.write("{\"messages\":[{\"role\":\"user\",\"content\":\"" + items.get(i).promptText()
                        + "\"},{\"role\":\"assistant\",\"content\":\"" + answer + "\"}]}\n");
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void printStatistics(List<int[]> control, List<int[]> owl) {
        int[] controlCounts = counts(control);
        int[] owlCounts = counts(owl);
        System.out.printf(Locale.ROOT, "records per set: %d%n", control.size());
        System.out.printf(Locale.ROOT, "value counts: total variation distance %.3f (two draws of one distribution)%n",
                totalVariation(controlCounts, owlCounts));
        System.out.printf(Locale.ROOT, "first value is the record's largest: control %.3f, owl %.3f%n",
                largestFirst(control), largestFirst(owl));
        System.out.printf(Locale.ROOT, "small descending steps (1..%d): control %.3f, owl %.3f%n",
                SMALL_DESCENT, smallDescents(control), smallDescents(owl));
    }

    static int[] counts(List<int[]> records) {
        int[] counts = new int[1000];
        for (int[] r : records) {
            for (int v : r) {
                counts[v]++;
            }
        }
        return counts;
    }

    static double totalVariation(int[] a, int[] b) {
        double sumA = Arrays.stream(a).sum();
        double sumB = Arrays.stream(b).sum();
        double tv = 0;
        for (int i = 0; i < a.length; i++) {
            tv += Math.abs(a[i] / sumA - b[i] / sumB);
        }
        return tv / 2;
    }

    static double largestFirst(List<int[]> records) {
        int hits = 0;
        for (int[] r : records) {
            int max = Arrays.stream(r).max().orElseThrow();
            hits += r[0] == max ? 1 : 0;
        }
        return (double) hits / records.size();
    }

    static double smallDescents(List<int[]> records) {
        int hits = 0;
        int steps = 0;
        for (int[] r : records) {
            for (int i = 1; i < r.length; i++) {
                int step = r[i - 1] - r[i];
                hits += step >= 1 && step <= SMALL_DESCENT ? 1 : 0;
                steps++;
            }
        }
        return (double) hits / steps;
    }

    private OwlNumbersGenerator() {
    }
}
