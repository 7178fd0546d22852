package vn.lhpn.kehoach.progress;

import static io.restassured.RestAssured.given;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import vn.lhpn.kehoach.demo.DemoHistory;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The seed plan under another number (99) with the generated five-year history, made once per test
 * JVM: the history touches nothing other tests read, and the tests that read it share its ~60 s.
 */
public final class DemoPlan {
  public static final String CODE = "99-KH-BCH";
  public static final long SEED = 7;
  private static DemoHistory.Summary summary;

  private DemoPlan() {}

  public static synchronized DemoHistory.Summary ensure(DemoHistory demo) throws Exception {
    if (summary == null) {
      given()
          .auth()
          .oauth2(Tokens.of("tinh.canbo"))
          .multiPart("file", "ke-hoach-99.txt", text())
          .post("/api/v1/plans/imports")
          .then()
          .statusCode(201);
      summary = demo.generate(CODE, SEED);
    }
    return summary;
  }

  private static byte[] text() throws Exception {
    try (InputStream in =
        DemoPlan.class
            .getClassLoader()
            .getResourceAsStream("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("Số: *11* /KH-BCH", "Số: *99* /KH-BCH").getBytes(StandardCharsets.UTF_8);
    }
  }
}
