package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.html.HtmlText.esc;

import dev.heredity.lineage.Severity;
import java.util.List;

/** Small HTML fragments shared by the page sections: severity badges and code spans. */
final class HtmlParts {
  private HtmlParts() {}

  static String badge(Severity severity) {
    if (severity == null) {
      return "<span class=\"sev sev-none\">none</span>";
    }
    return "<span class=\"sev sev-"
        + esc(Palette.cssClass(severity))
        + "\">"
        + esc(severity.label())
        + "</span>";
  }

  static String code(String s) {
    return s == null ? "" : "<code>" + esc(s) + "</code>";
  }

  static String codes(List<String> items) {
    return String.join(" ", items.stream().map(HtmlParts::code).toList());
  }
}
