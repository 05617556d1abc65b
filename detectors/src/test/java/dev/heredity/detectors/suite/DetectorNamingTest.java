package dev.heredity.detectors.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Detector implementation ends in "Detector", is final, and is listed in the registry; ids
 * are unique.
 */
class DetectorNamingTest {

  @Test
  void everyDetectorIsNamedFinalAndRegistered()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path folder = Path.of(Detector.class.getResource("Detector.class").toURI()).getParent();
    List<Class<?>> implementations;
    try (Stream<Path> files = Files.list(folder)) {
      implementations =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .map(
                  n ->
                      "dev.heredity.detectors.suite."
                          + n.substring(0, n.length() - ".class".length()))
              .map(DetectorNamingTest::load)
              .filter(c -> Detector.class.isAssignableFrom(c) && !c.isInterface())
              .collect(Collectors.toList());
    }
    Set<Class<?>> registered =
        Detectors.ALL.stream().map(Object::getClass).collect(Collectors.toSet());

    assertThat(implementations)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.getSimpleName()).endsWith("Detector");
              assertThat(java.lang.reflect.Modifier.isFinal(c.getModifiers()))
                  .as("%s is final", c)
                  .isTrue();
              assertThat(registered).as("registry lists %s", c).contains(c);
            });
    assertThat(new HashSet<>(Detectors.ALL.stream().map(Detector::id).toList()))
        .hasSize(Detectors.ALL.size());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
