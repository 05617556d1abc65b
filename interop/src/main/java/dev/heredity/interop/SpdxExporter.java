package dev.heredity.interop;

final class SpdxExporter implements Exporter {
    @Override
    public String export(ExportRequest request) {
        throw new UnsupportedOperationException();
    }
}
