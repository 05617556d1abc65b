package dev.heredity.audit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar manifest ("dev" when run from classes) and the git commit recorded at
 * build time in {@value #BUILD_RESOURCE} ("unknown" when the build was not given one).
 */
final class VersionProvider implements IVersionProvider {
  static final String BUILD_RESOURCE = "/heredity-build.properties";

  @Override
  public String[] getVersion() {
    String version = HeredityCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "heredity " + (version == null ? "dev" : version) + " (commit " + commit() + ")"
    };
  }

  static String commit() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties build = new Properties();
      build.load(in);
      String commit = build.getProperty("commit", "").strip();
      return commit.matches("[0-9a-f]{7,40}(-dirty)?") ? commit : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
