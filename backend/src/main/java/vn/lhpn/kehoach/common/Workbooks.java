package vn.lhpn.kehoach.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an uploaded .xlsx under {@link InputLimits}: no part may inflate past {@value
 * InputLimits#MAX_INFLATED_BYTES} bytes nor more than 50 times its compressed size, so a zip bomb
 * is refused while it is being read, not after it filled the memory.
 */
public final class Workbooks {
  static {
    ZipSecureFile.setMinInflateRatio(InputLimits.MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(InputLimits.MAX_INFLATED_BYTES);
  }

  private Workbooks() {}

  /**
   * The workbook, once its parts together are known to inflate to at most {@value
   * InputLimits#MAX_INFLATED_BYTES} bytes: POI holds every part of a workbook read from a stream in
   * memory, inflated, so a file under the per-part bound could still take ten times its size.
   */
  public static XSSFWorkbook open(byte[] bytes) throws IOException {
    requireInflatedWithin(bytes, InputLimits.MAX_INFLATED_BYTES);
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  /**
   * Counts what the zip's parts inflate to, together, through one small buffer (what it holds is
   * the buffer, whatever the file), and refuses it (422) as soon as the count passes {@code max}. A
   * file that is no zip is left to the reader, which says so.
   */
  public static void requireInflatedWithin(byte[] bytes, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
      while (zip.getNextEntry() != null) {
        for (int n; (n = zip.read(buffer)) > 0; ) {
          total += n;
          if (total > max) {
            throw new ApiException(
                ProblemType.INVALID_FILE, Message.of("file.inflates", "max", max / (1024 * 1024)));
          }
        }
      }
    } catch (java.util.zip.ZipException e) {
      // not a zip, or a damaged one: the workbook reader refuses it with its own words
    }
  }
}
