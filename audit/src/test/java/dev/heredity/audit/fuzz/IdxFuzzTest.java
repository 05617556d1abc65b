package dev.heredity.audit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.heredity.transfer.TransferInputException;
import dev.heredity.transfer.data.IdxReader;
import java.io.ByteArrayInputStream;

/**
 * Any bytes as IDX images or labels give data or an {@link TransferInputException} naming the byte
 * offset, never another exception or an allocation beyond the input's size.
 */
class IdxFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void images(byte[] input) {
    read(input, 3);
  }

  @FuzzTest(maxDuration = "30s")
  void labels(byte[] input) {
    read(input, 1);
  }

  private static void read(byte[] input, int dims) {
    try {
      IdxReader.IdxData data =
          IdxReader.read("fuzz-idx3-ubyte", new ByteArrayInputStream(input), dims);
      if (dims == 1) {
        IdxReader.checkLabels(data, 10);
      }
    } catch (TransferInputException expected) {
      // located error: the contract holds
    }
  }
}
