package vn.lhpn.kehoach.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reads an uploaded file: missing is a 400 naming the form field, too large a 413. */
public final class Uploads {
  /** The largest file any upload accepts (plan files and allocation sheets are far smaller). */
  public static final long MAX_BYTES = 5L * 1024 * 1024;

  private Uploads() {}

  public static byte[] read(FileUpload file) {
    return read(file, "file");
  }

  /** The bytes of the file sent in form field {@code field}; 400 when it is missing. */
  public static byte[] read(FileUpload file, String field) {
    if (file == null || file.uploadedFile() == null) {
      throw ApiException.invalid(field, Message.of("upload.missing", "field", field));
    }
    if (file.size() > MAX_BYTES) {
      throw new ApiException(
          ProblemType.PAYLOAD_TOO_LARGE, Message.of("upload.too-large", "mb", 5));
    }
    try {
      return Files.readAllBytes(file.uploadedFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
