package dev.heredity.detectors.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heredity.detectors.input.TextRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservoirTest {
  private static TextRecord record(long number) {
    return new TextRecord((int) number, null, "r" + number);
  }

  private static List<String> texts(Reservoir reservoir) {
    return reservoir.inStreamOrder().stream().map(TextRecord::text).toList();
  }

  @Test
  void droppingRecordsThatCannotEnterGivesTheSameSample() {
    Reservoir plain = new Reservoir(100, 7);
    Reservoir filtered = new Reservoir(100, 7);
    // Workers check the bound of an earlier moment (a stale, larger bound): simulate by filtering a
    // whole chunk against the bound as it was before the chunk was offered.
    for (long first = 1; first <= 20_000; first += 500) {
      List<Long> kept = new ArrayList<>();
      long dropped = 0;
      for (long number = first; number < first + 500; number++) {
        plain.offer(number, record(number));
        if (filtered.mayEnter(number)) {
          kept.add(number);
        } else {
          dropped++;
        }
      }
      for (long number : kept) {
        filtered.offer(number, record(number));
      }
      filtered.skip(dropped);
    }
    assertEquals(texts(plain), texts(filtered));
    assertEquals(plain.seen(), filtered.seen());
    assertEquals(20_000, filtered.seen());
    assertTrue(filtered.sampled());
  }

  @Test
  void everyRecordMayEnterUntilTheSampleIsFull() {
    Reservoir reservoir = new Reservoir(3, 1);
    for (long number = 1; number <= 3; number++) {
      assertTrue(reservoir.mayEnter(number));
      reservoir.offer(number, record(number));
    }
    long refused = 0;
    for (long number = 4; number <= 1000; number++) {
      if (reservoir.mayEnter(number)) {
        reservoir.offer(number, record(number));
      } else {
        refused++;
      }
    }
    assertTrue(refused > 900, "a full sample of 3 refuses almost every later record: " + refused);
  }

  @Test
  void capacityZeroKeepsEveryRecord() {
    Reservoir reservoir = new Reservoir(0, 1);
    for (long number = 1; number <= 50; number++) {
      assertTrue(reservoir.mayEnter(number));
      reservoir.offer(number, record(number));
    }
    assertEquals(50, reservoir.inStreamOrder().size());
  }
}
