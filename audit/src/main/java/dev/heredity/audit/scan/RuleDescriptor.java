package dev.heredity.audit.scan;

import dev.heredity.lineage.Severity;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.regex.Pattern;

/** The {@link RuleInfo} of a rule class, read and checked once. */
public record RuleDescriptor(String id, String summary, Severity defaultSeverity, String help) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final ClassValue<RuleDescriptor> READ =
      new ClassValue<>() {
        @Override
        protected RuleDescriptor computeValue(Class<?> type) {
          return read(type);
        }
      };

  public RuleDescriptor {
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' is not lowercase-dash-separated");
    }
    if (summary == null || summary.isBlank() || help == null || help.isBlank()) {
      throw new IllegalArgumentException("rule '" + id + "' needs a summary and a help text");
    }
  }

  /**
   * @throws IllegalArgumentException when the class is abstract, not final or lacks {@link
   *     RuleInfo}
   */
  public static RuleDescriptor of(Class<? extends ScanRule> type) {
    return READ.get(type);
  }

  private static RuleDescriptor read(Class<?> type) {
    RuleInfo info = type.getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(type.getName() + " has no @RuleInfo");
    }
    if (!Modifier.isFinal(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " must be a final class");
    }
    return new RuleDescriptor(info.id(), info.summary(), info.defaultSeverity(), info.help());
  }
}
