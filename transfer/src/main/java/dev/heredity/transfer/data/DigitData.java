package dev.heredity.transfer.data;

import dev.heredity.transfer.TransferInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Train and test images for the transfer test: the embedded 10k MNIST digits (first 8,000 train,
 * last 2,000 test) or a folder of standard IDX files ({@code train-images-idx3-ubyte[.gz]}, {@code
 * train-labels-idx1-ubyte[.gz]}, {@code t10k-...}), e.g. full MNIST, Fashion-MNIST or KMNIST.
 */
public record DigitData(ImageSet train, ImageSet test, String source) {
  public static final int CLASSES = 10;
  static final String EMBEDDED_RESOURCE = "/dev/heredity/transfer/mnist-10k/";
  static final String IMAGES_10K = "images-idx3-ubyte.gz";
  static final String LABELS_10K = "labels-idx1-ubyte.gz";
  static final int EMBEDDED_TRAIN = 8000;

  public DigitData {
    if (train.width() != test.width()) {
      throw new IllegalArgumentException("train and test images differ in size");
    }
  }

  /**
   * The embedded digits from the classpath, or from {@code samples/mnist-10k} when running from
   * sources.
   */
  public static DigitData embedded() {
    try (InputStream images = DigitData.class.getResourceAsStream(EMBEDDED_RESOURCE + IMAGES_10K);
        InputStream labels = DigitData.class.getResourceAsStream(EMBEDDED_RESOURCE + LABELS_10K)) {
      if (images != null && labels != null) {
        ImageSet all = pair("embedded:" + IMAGES_10K, images, "embedded:" + LABELS_10K, labels);
        return split(all, EMBEDDED_TRAIN, "embedded MNIST 10k");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path samples = Path.of(System.getProperty("heredity.repo", "."), "samples", "mnist-10k");
    if (Files.isDirectory(samples)) {
      return fromDirectory(samples);
    }
    throw new IllegalStateException(
        "the embedded MNIST digits are missing from the classpath and " + samples);
  }

  /**
   * Reads {@code train-*} and {@code t10k-*} IDX files from a folder; a folder holding only {@code
   * images-idx3-ubyte[.gz]} and {@code labels-idx1-ubyte[.gz]} (like samples/mnist-10k) is split
   * 80/20.
   */
  public static DigitData fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new TransferInputException(dir + ": not a directory (expected a folder of IDX files)");
    }
    Optional<Path> trainImages = find(dir, "train-images-idx3-ubyte", "train-images.idx3-ubyte");
    if (trainImages.isPresent()) {
      ImageSet train =
          pair(
              trainImages.get(),
              require(dir, "train-labels-idx1-ubyte", "train-labels.idx1-ubyte"));
      ImageSet test =
          pair(
              require(dir, "t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"),
              require(dir, "t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"));
      if (train.width() != test.width()) {
        throw new TransferInputException(
            dir
                + ": train images have "
                + train.width()
                + " pixels but test images have "
                + test.width());
      }
      return new DigitData(train, test, dir.toString());
    }
    Optional<Path> images = find(dir, "images-idx3-ubyte");
    if (images.isPresent()) {
      ImageSet all = pair(images.get(), require(dir, "labels-idx1-ubyte"));
      return split(all, all.count() * 4 / 5, dir.toString());
    }
    throw new TransferInputException(
        dir
            + ": no IDX files (expected train-images-idx3-ubyte[.gz], "
            + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz])");
  }

  private static DigitData split(ImageSet all, int trainCount, String source) {
    if (all.count() < 2) {
      throw new TransferInputException(source + ": too few images to split into train and test");
    }
    int cut = Math.max(1, Math.min(trainCount, all.count() - 1));
    return new DigitData(all.slice(0, cut), all.slice(cut, all.count()), source);
  }

  private static Optional<Path> find(Path dir, String... names) {
    for (String name : names) {
      for (String candidate : new String[] {name, name + ".gz"}) {
        Path p = dir.resolve(candidate);
        if (Files.isRegularFile(p)) {
          return Optional.of(p);
        }
        if (Files.exists(p)) {
          // Named like an IDX file but a folder, FIFO or device: say so rather than "missing",
          // and never open it (a FIFO blocks).
          throw new TransferInputException(p + ": not a regular file, so not read as IDX data");
        }
      }
    }
    return Optional.empty();
  }

  private static Path require(Path dir, String... names) {
    return find(dir, names)
        .orElseThrow(
            () ->
                new TransferInputException(
                    dir.resolve(names[0]) + "[.gz]: missing (needed next to the other IDX files)"));
  }

  private static ImageSet pair(Path images, Path labels) {
    try (InputStream i = Files.newInputStream(images);
        InputStream l = Files.newInputStream(labels)) {
      return pair(images.toString(), i, labels.toString(), l);
    } catch (NoSuchFileException e) {
      throw new TransferInputException(e.getFile() + ": no such file", e);
    } catch (IOException e) {
      throw new TransferInputException(images + ": cannot read: " + e.getMessage(), e);
    }
  }

  static ImageSet pair(
      String imagesName, InputStream images, String labelsName, InputStream labels) {
    IdxReader.IdxData img = IdxReader.read(imagesName, images, 3);
    IdxReader.IdxData lab = IdxReader.read(labelsName, labels, 1);
    if (lab.count() != img.count()) {
      throw IdxReader.error(
          labelsName,
          4,
          "count mismatch: "
              + lab.count()
              + " labels but "
              + imagesName
              + " has "
              + img.count()
              + " images");
    }
    IdxReader.checkLabels(lab, CLASSES);
    return new ImageSet(img.data(), lab.data(), img.count(), img.itemSize());
  }
}
