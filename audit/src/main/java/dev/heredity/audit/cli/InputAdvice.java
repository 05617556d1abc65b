package dev.heredity.audit.cli;

import dev.heredity.detectors.InvalidInputException;

/**
 * Words the detectors' input errors for a command: the library says what it found and expected, the
 * command adds which of its own options or manifest keys fix it. The message stays one line.
 */
final class InputAdvice {
  private InputAdvice() {}

  static InvalidInputException forDetect(InvalidInputException e) {
    String advice =
        switch (e.problem()) {
          case UNKNOWN_LAYOUT, MISSING_FIELD ->
              "name the text field with --field, --suspect-field or --reference-field";
          case SPLIT_REQUIRED -> "with --split";
          default -> null;
        };
    return advice == null ? e : withAdvice(e, advice);
  }

  static InvalidInputException forScan(InvalidInputException e) {
    String advice =
        switch (e.problem()) {
          case UNKNOWN_LAYOUT, MISSING_FIELD ->
              "name the text field with the dataset's 'field' key in the manifest";
          case SPLIT_REQUIRED -> "with the dataset's 'split' key";
          default -> null;
        };
    return advice == null ? e : withAdvice(e, advice);
  }

  private static InvalidInputException withAdvice(InvalidInputException e, String advice) {
    return new InvalidInputException(
        e.problem(), e.getMessage() + " (" + advice + ")", e.expected(), e);
  }
}
