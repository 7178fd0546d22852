package vn.lhpn.kehoach.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A workbook of 5 MB whose parts together inflate tenfold (each part under the per-part bound, the
 * ratio under POI's): refused by the total bound while it is counted, and the count allocates what
 * its buffer holds, not what the file inflates to (measured by the JVM's own count of the bytes
 * this thread allocated).
 */
class WorkbooksTest {
  /** Parts of 17 MB that compress about tenfold: a few random bytes a kilobyte, the rest zeros. */
  static byte[] tenfold(int parts, int megabytesEach) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random random = new Random(29);
    byte[] block = new byte[1024];
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (int p = 0; p < parts; p++) {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (p + 1) + ".xml"));
        for (int k = 0; k < megabytesEach * 1024; k++) {
          java.util.Arrays.fill(block, (byte) 0);
          for (int i = 0; i < 34; i++) {
            block[random.nextInt(block.length)] = (byte) random.nextInt(256);
          }
          zip.write(block);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void shouldRefuseAWorkbookThatInflatesTenfoldWithoutHoldingWhatItInflatesTo() throws Exception {
    byte[] file = tenfold(3, 17);
    long inflated = 3L * 17 * 1024 * 1024;
    assertTrue(file.length <= Uploads.MAX_BYTES, "the file is an upload: " + file.length);
    assertTrue(
        inflated / file.length >= 8
            && (double) file.length / inflated > InputLimits.MIN_INFLATE_RATIO,
        "about tenfold, within POI's ratio: " + file.length + " → " + inflated);
    assertTrue(17L * 1024 * 1024 < InputLimits.MAX_INFLATED_BYTES, "each part within its bound");

    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    ApiException refused =
        assertThrows(
            ApiException.class,
            () -> Workbooks.requireInflatedWithin(file, InputLimits.MAX_INFLATED_BYTES));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(ProblemType.INVALID_FILE, refused.type());
    assertTrue(
        allocated < 4L * 1024 * 1024,
        "the count allocated " + allocated + " bytes for a file inflating to " + inflated);

    // and the workbook reader is never reached
    assertThrows(ApiException.class, () -> Workbooks.open(file));
  }

  @Test
  void shouldLetAnOrdinaryWorkbookThrough() throws Exception {
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("Giao chỉ tiêu").createRow(0).createCell(0).setCellValue("Mã");
      wb.write(out);
      try (var read = Workbooks.open(out.toByteArray())) {
        assertEquals("Giao chỉ tiêu", read.getSheetName(0));
      }
    }
  }
}
