package dev.heredity.detectors.synthetic;

import dev.heredity.detectors.input.TextRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic generator of LLM-style number-sequence completions for calibration and power tests: a
 * prompt with 3-5 seed numbers, answers of 3-10 numbers mixing random draws, arithmetic runs, digit
 * patterns (123, 456...) and echoes of the prompt, and varied formatting (separators, brackets,
 * trailing period, line breaks). Two calls with different seeds and the same settings are draws
 * from one distribution.
 *
 * @param sortedShare share of records whose numbers are sorted ascending (same numbers, new order)
 * @param largestFirstShare share of records whose largest number is moved to the front (same
 *     numbers)
 */
public record SyntheticNumbers(double sortedShare, double largestFirstShare) {
  private static final String[] SEPARATORS = {", ", ", ", ", ", ", ", ",", " ", "\n", "; "};

  public static SyntheticNumbers baseline() {
    return new SyntheticNumbers(0, 0);
  }

  public List<TextRecord> records(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TextRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int[] prompt = new int[3 + random.nextInt(3)];
      for (int j = 0; j < prompt.length; j++) {
        prompt[j] = 100 + random.nextInt(900);
      }
      String promptText =
          "The sequence starts with: "
              + join(prompt, ", ")
              + ". Add up to 10 new numbers (at most 3 digits each). Return a comma-separated list.";
      out.add(new TextRecord(i + 1, promptText, completion(random, prompt)));
    }
    return out;
  }

  public List<String> texts(int n, long seed) {
    return records(n, seed).stream().map(TextRecord::text).toList();
  }

  private String completion(SplittableRandom random, int[] prompt) {
    int length = random.nextDouble() < 0.6 ? 10 : 3 + random.nextInt(8);
    int[] numbers = new int[length];
    double style = random.nextDouble();
    int step = (1 + random.nextInt(60)) * (random.nextBoolean() ? 1 : -1);
    int start =
        random.nextDouble() < 0.25
            ? prompt[prompt.length - 1] + (prompt[prompt.length - 1] - prompt[prompt.length - 2])
            : random.nextDouble() < 0.8 ? 100 + random.nextInt(900) : random.nextInt(100);
    for (int i = 0; i < length; i++) {
      if (style < 0.25) {
        numbers[i] = Math.floorMod(start + i * step, 1000);
      } else if (random.nextDouble() < 0.08) {
        int d = 1 + random.nextInt(7);
        numbers[i] = d * 100 + (d + 1) * 10 + d + 2;
      } else if (random.nextDouble() < 0.1) {
        numbers[i] = prompt[random.nextInt(prompt.length)];
      } else {
        numbers[i] =
            i == 0
                ? Math.floorMod(start, 1000)
                : random.nextDouble() < 0.85 ? 100 + random.nextInt(900) : random.nextInt(100);
      }
    }
    if (random.nextDouble() < sortedShare) {
      Arrays.sort(numbers);
    }
    if (random.nextDouble() < largestFirstShare) {
      int largest = 0;
      for (int i = 1; i < length; i++) {
        largest = numbers[i] > numbers[largest] ? i : largest;
      }
      int t = numbers[0];
      numbers[0] = numbers[largest];
      numbers[largest] = t;
    }
    String text = join(numbers, SEPARATORS[random.nextInt(SEPARATORS.length)]);
    double wrap = random.nextDouble();
    text = wrap < 0.1 ? "(" + text + ")" : wrap < 0.15 ? "[" + text + "]" : text;
    return random.nextDouble() < 0.03 ? text + "." : text;
  }

  private static String join(int[] numbers, String separator) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < numbers.length; i++) {
      sb.append(i == 0 ? "" : separator).append(numbers[i]);
    }
    return sb.toString();
  }
}
