package dev.heredity.audit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. {@link PrintWriter} swallows I/O errors, so a
 * full disk or a closed pipe would lose machine output behind a success exit code; the CLI asks
 * {@link #failure()} after each command and exits 3 with the cause.
 */
final class CheckedStdout extends PrintWriter {
  private final Recorder recorder;

  private CheckedStdout(Recorder recorder) {
    super(new OutputStreamWriter(recorder, StandardCharsets.UTF_8), true);
    this.recorder = recorder;
  }

  /** The process's standard output. */
  static CheckedStdout open() {
    return over(new FileOutputStream(FileDescriptor.out));
  }

  static CheckedStdout over(OutputStream stream) {
    return new CheckedStdout(new Recorder(stream));
  }

  /** The first write failure, or null; flushes first so buffered output is tried. */
  IOException failure() {
    if (checkError() && recorder.failure == null) {
      return new IOException("write error");
    }
    return recorder.failure;
  }

  private static final class Recorder extends FilterOutputStream {
    private IOException failure;

    Recorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    private void remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
