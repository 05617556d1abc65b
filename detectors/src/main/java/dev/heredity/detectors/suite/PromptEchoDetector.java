package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.tables.TableSpec;

/**
 * How answers relate to their prompts: share of answer tokens repeated from the prompt, whether the
 * first one is, and for numbers whether the answer continues the prompt's last step. Runs only when
 * both sets have prompts.
 */
public final class PromptEchoDetector implements TableDetector {
  @Override
  public String id() {
    return "prompt";
  }

  @Override
  public String description() {
    return "whether answers repeat or continue the values in their prompts";
  }

  @Override
  public boolean appliesTo(Corpus corpus) {
    return corpus.hasPrompts();
  }

  @Override
  public TableSpec table(Corpus corpus) {
    return ClassGroups.of(corpus.prompts()).spec(corpus::promptCount, corpus::prompt);
  }
}
