package dev.heredity.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.report.Location;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
  @TempDir Path dir;

  private Policy load(String yaml) throws IOException {
    Path file = dir.resolve("heredity-policy.yaml");
    Files.writeString(file, yaml);
    return PolicyFile.load(file, "heredity-policy.yaml");
  }

  @Test
  void readsEveryKey() throws IOException {
    Policy policy =
        load(
            """
                failOn: medium
                alpha: 0.05
                overrides:
                  cross-base-pair: low
                suppressions:
                  - id: hf-0123456789ab
                    reason: reviewed in AUD-12
                    expires: 2026-12-31
                  - rule: no-control-set
                    subject: code-traces
                    reason: control set is being generated
                """);
    assertThat(policy.failOn()).isEqualTo(Severity.MEDIUM);
    assertThat(policy.alpha()).isEqualTo(0.05);
    assertThat(policy.overrides()).containsEntry("cross-base-pair", Severity.LOW);
    assertThat(policy.suppressions()).hasSize(2);
    Suppression byId = policy.suppressions().get(0);
    assertThat(byId.match()).isEqualTo("hf-0123456789ab");
    assertThat(byId.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(byId.location()).isEqualTo(new Location("heredity-policy.yaml", 6, 5));
    assertThat(policy.suppressions().get(1).match()).isEqualTo("no-control-set:code-traces");
    assertThat(policy.source()).isEqualTo("heredity-policy.yaml");
  }

  @Test
  void emptyFileMeansDefaults() throws IOException {
    Policy policy = load("");
    assertThat(policy.failOn()).isEqualTo(Severity.HIGH);
    assertThat(policy.alpha()).isEqualTo(0.01);
    assertThat(policy.suppressions()).isEmpty();
  }

  @Test
  void unknownKeyIsAnErrorWithPosition() {
    assertThatThrownBy(() -> load("failOn: high\nfail_on: low\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("heredity-policy.yaml:2:")
        .hasMessageContaining("unknown key 'fail_on'")
        .hasMessageContaining("did you mean 'fail-on'?");
  }

  @Test
  void badSeverityNamesTheValidOnes() {
    assertThatThrownBy(() -> load("failOn: severe\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("heredity-policy.yaml:")
        .hasMessageContaining("unknown severity 'severe'")
        .hasMessageContaining("critical, high, medium, low, info");
  }

  @Test
  void suppressionWithoutReasonIsRejectedAtItsLine() {
    assertThatThrownBy(() -> load("suppressions:\n  - id: hf-0123456789ab\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("heredity-policy.yaml:2:")
        .hasMessageContaining("needs a 'reason'");
  }

  @Test
  void suppressionNeedsIdOrRuleAndSubject() {
    assertThatThrownBy(() -> load("suppressions:\n  - rule: no-control-set\n    reason: x\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("needs a 'subject'");
    assertThatThrownBy(
            () ->
                load(
                    "suppressions:\n  - id: hf-0123456789ab\n    rule: r\n    subject: s\n    reason: x\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void badDateAndBadAlpha() {
    assertThatThrownBy(
            () ->
                load(
                    "suppressions:\n  - id: hf-0123456789ab\n    reason: x\n    expires: next year\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("'next year' is not a date");
    assertThatThrownBy(() -> load("alpha: 1.5\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage(
            "heredity-policy.yaml:1:8: alpha: must be between 0 and 1 (exclusive), found 1.5");
  }

  private Policy loadChecked(String yaml) throws IOException {
    Path file = dir.resolve("heredity-policy.yaml");
    Files.writeString(file, yaml);
    return PolicyFile.load(
        file, "heredity-policy.yaml", java.util.Set.of("same-base-pair", "no-control-set"));
  }

  private void rejects(String yaml, String message) {
    assertThatThrownBy(() -> loadChecked(yaml))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage(message);
  }

  @Test
  void oneSpellingPerSettingAndTheOldOneWarns() throws IOException {
    assertThat(loadChecked("fail-on: critical\n").failOn()).isEqualTo(Severity.CRITICAL);
    assertThat(loadChecked("fail-on: critical\n").warnings()).isEmpty();
    Policy old = loadChecked("failOn: low\n");
    assertThat(old.failOn()).isEqualTo(Severity.LOW);
    assertThat(old.warnings())
        .containsExactly("heredity-policy.yaml:1:1: 'failOn' is deprecated, write 'fail-on'");
    assertThat(loadChecked("fail-on: none\n").failOn()).isNull();
    rejects("fail-on: high\nfailOn: low\n", "heredity-policy.yaml:2:1: 'failOn' is given twice");
  }

  /** V10: mistakes in rule ids and finding ids are located errors, with the closest valid rule. */
  @Test
  void unknownRulesWildcardsAndEmptyIdsAreErrors() {
    rejects(
        "overrides:\n  same-base-pairs: low\n",
        "heredity-policy.yaml:2:3: overrides: unknown rule 'same-base-pairs' (did you mean 'same-base-pair'?)");
    rejects(
        "suppressions:\n  - rule: \"*\"\n    subject: \"*\"\n    reason: all\n",
        "heredity-policy.yaml:2:11: rule: '*' is not a rule id; wildcards are not supported (to silence every"
            + " finding of one rule, give its id with subject: \"*\")");
    rejects(
        "suppressions:\n  - id: \"\"\n    reason: x\n",
        "heredity-policy.yaml:2:9: id: empty (a finding id looks like hf-0123456789ab)");
    rejects(
        "suppressions:\n  - id: \"   \"\n    reason: x\n",
        "heredity-policy.yaml:2:9: id: empty (a finding id looks like hf-0123456789ab)");
    rejects(
        "suppressions:\n  - rule: no-control-sets\n    subject: x\n    reason: x\n",
        "heredity-policy.yaml:2:11: rule: unknown rule 'no-control-sets' (did you mean 'no-control-set'?)");
  }

  /** V25: a comment-only file is the default policy; a reason indented too little says so. */
  @Test
  void commentOnlyIsEmptyAndAMisIndentedReasonIsNamed() throws IOException {
    assertThat(loadChecked("# nothing yet\n").failOn()).isEqualTo(Severity.HIGH);
    rejects(
        "suppressions:\n  - id: hf-0123456789ab\nreason: reviewed\n",
        "heredity-policy.yaml:3:1: 'reason' is read as a top-level key here: it belongs to a suppression, so"
            + " indent it under that suppression's '- ' line");
  }

  /**
   * V25: a YAML alias is refused where it stands, in any setting, instead of being read as its
   * anchor's name ("unknown rule 'r'"); an anchor alone is harmless.
   */
  @Test
  void aliasesAreRefusedWhereTheyStand() throws IOException {
    rejects(
        "suppressions:\n  - {rule: &r same-base-pair, reason: x}\n  - {rule: *r, reason: y}\n",
        "heredity-policy.yaml:3:12: YAML aliases are not supported (found alias '*r'): write the"
            + " value out in full");
    rejects(
        "fail-on: &x high\noverrides:\n  same-base-pair: *x\n",
        "heredity-policy.yaml:3:19: YAML aliases are not supported (found alias '*x'): write the"
            + " value out in full");
    rejects(
        "fail-on: *undefined\n",
        "heredity-policy.yaml:1:10: YAML aliases are not supported (found alias '*undefined'):"
            + " write the value out in full");
    assertThat(loadChecked("fail-on: &x low\n").failOn()).isEqualTo(Severity.LOW);
  }

  /**
   * V19, V20: encoding problems and wrong types are located, in our words, without Java or Jackson
   * names.
   */
  @Test
  void encodingAndTypeErrorsAreLocatedWithoutJavaNames() throws IOException {
    Path file = dir.resolve("heredity-policy.yaml");
    Files.write(
        file,
        new byte[] {'a', 'l', 'p', 'h', 'a', ':', ' ', '0', '.', '1', '\n', 'x', (byte) 0xff});
    assertThatThrownBy(() -> PolicyFile.load(file, "p.yaml"))
        .hasMessage("p.yaml:2:2: not UTF-8 text (byte 0xff)");
    Files.writeString(file, "alpha: 0.1\nfail-on: hi\u0000gh\n");
    assertThatThrownBy(() -> PolicyFile.load(file, "p.yaml"))
        .hasMessage("p.yaml:2:12: control character U+0000 is not allowed in a policy file");
    rejects(
        "failOn: [high]\n",
        "heredity-policy.yaml:1:9: failOn: expected a single value, found a list");
    rejects(
        "alpha: lots\n",
        "heredity-policy.yaml:1:8: alpha: expected a number between 0 and 1 (exclusive), found 'lots'");
    rejects(
        "- fail-on: high\n",
        "heredity-policy.yaml:1:1: a policy is a mapping of settings (alpha, fail-on, overrides, sample, suppressions),"
            + " found a list");
    for (String yaml :
        List.of("alpha: !!binary aGVsbG8=\n", "? [a, b]\n: c\n", "alpha: !!java.io.File x\n")) {
      assertThatThrownBy(() -> loadChecked(yaml))
          .isInstanceOf(InvalidPolicyException.class)
          .hasMessageStartingWith("heredity-policy.yaml:1:")
          .message()
          .doesNotContainPattern("java\\.|jackson|Jackson|JsonToken|Event\\(|snakeyaml");
    }
  }

  @Test
  void missingFile() {
    assertThatThrownBy(() -> PolicyFile.load(dir.resolve("nope.yaml"), "nope.yaml"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage("nope.yaml: no such file");
  }
}
