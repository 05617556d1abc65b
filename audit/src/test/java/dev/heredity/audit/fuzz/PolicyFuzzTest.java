package dev.heredity.audit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.heredity.audit.policy.Baseline;
import dev.heredity.audit.policy.InvalidPolicyException;
import dev.heredity.audit.policy.PolicyFile;

/**
 * Any bytes as a policy file or a baseline report give a value or an {@link InvalidPolicyException}
 * (exit 3), never another exception or an Error. Seeds: PolicyFuzzTestInputs/.
 */
class PolicyFuzzTest {
  private static final FuzzFiles FILES = new FuzzFiles("policy");

  @FuzzTest(maxDuration = "30s")
  void policyFile(byte[] input) {
    try {
      PolicyFile.load(FILES.write("heredity-policy.yaml", input), "heredity-policy.yaml");
    } catch (InvalidPolicyException expected) {
      // located error: the contract holds
    }
  }

  @FuzzTest(maxDuration = "30s")
  void baseline(byte[] input) {
    try {
      Baseline.load(FILES.write("report.json", input), "report.json");
    } catch (InvalidPolicyException expected) {
      // located error: the contract holds
    }
  }
}
