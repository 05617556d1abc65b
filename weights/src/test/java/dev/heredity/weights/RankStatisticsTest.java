package dev.heredity.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankStatisticsTest {
  @Test
  void theFloorIsReportedExactlyNotAsTheRoundTripOfItsLogarithm() {
    assertEquals(1e-300, RankStatistics.toP(Math.log(1e-300)));
    assertEquals(1e-300, RankStatistics.toP(-5000));
    assertEquals(1e-300, RankStatistics.toP(Double.NEGATIVE_INFINITY));
  }

  @Test
  void valuesAboveTheFloorAreKeptAndOneIsTheCeiling() {
    assertEquals(0.25, RankStatistics.toP(Math.log(0.25)), 1e-15);
    assertEquals(1.0, RankStatistics.toP(0.5));
  }
}
