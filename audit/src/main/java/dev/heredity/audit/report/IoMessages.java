package dev.heredity.audit.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Words an I/O failure the way the OS would ("Permission denied"). Java's file exceptions often
 * carry only the path as their message, which hides the cause.
 */
public final class IoMessages {
  private IoMessages() {}

  /** {@code file: cause}, e.g. {@code out/report.json: Permission denied}. */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException fse) {
      StringBuilder s = new StringBuilder();
      if (fse.getFile() != null) {
        s.append(fse.getFile());
      }
      if (fse.getOtherFile() != null) {
        s.append(" -> ").append(fse.getOtherFile());
      }
      if (s.length() > 0) {
        s.append(": ");
      }
      return s.append(reason(fse)).toString();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The cause alone, without the path. */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    }
    if (e instanceof NotDirectoryException) {
      return "Not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    }
    if (e instanceof FileSystemException) {
      return e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
