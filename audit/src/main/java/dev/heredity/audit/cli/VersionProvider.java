package dev.heredity.audit.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, falling back to "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HeredityCli.class.getPackage().getImplementationVersion();
        return new String[] {"heredity " + (version == null ? "dev" : version)};
    }
}
