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

  public static XSSFWorkbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }
}
