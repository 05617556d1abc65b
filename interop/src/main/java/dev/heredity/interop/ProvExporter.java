package dev.heredity.interop;

final class ProvExporter implements Exporter {
    @Override
    public String export(ExportRequest request) {
        throw new UnsupportedOperationException();
    }
}
