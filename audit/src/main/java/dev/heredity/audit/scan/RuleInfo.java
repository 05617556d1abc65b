package dev.heredity.audit.scan;

import dev.heredity.lineage.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, on its class: read once by {@link RuleDescriptor#of(Class)}. The help text is
 * what SARIF shows for the rule; {@code defaultSeverity} is the severity a finding gets unless the
 * rule ties it to the pair or dataset it concerns (the rule's javadoc says how).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /**
   * Lowercase, dash-separated id used in reports, policies and compliance.yaml, e.g. {@code
   * same-base-pair}.
   */
  String id();

  /** One line: what a finding of this rule means. */
  String summary();

  Severity defaultSeverity();

  /** Why it matters and what to do, a few sentences. */
  String help();
}
