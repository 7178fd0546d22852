package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.get;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.status;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input: each a 4xx problem+json naming the field, and the submission exactly as before. */
@QuarkusTest
class SubmissionInputTest {

  private static ValidatableResponse saveRaw(long id, String etag, String json) {
    return as(HUNG_SON)
        .header("If-Match", etag)
        .body(json)
        .put("/api/v1/submissions/" + id + "/values")
        .then();
  }

  @Test
  void shouldRefuseBadValuesNamingTheFieldAndChangeNothing() {
    Reports.period("2025-Q3", true);
    long id =
        id(
            create(
                    HUNG_SON,
                    "2025-Q3",
                    "05761",
                    List.of(value("I-2.1", 7), status("I-1.1", "done")))
                .statusCode(201));
    String before = get(HUNG_SON, id).extract().asString();
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"[{\"item\":\"I-99.9\",\"number\":1}]", 400, "values[0].item"});
    // 7.1 is the province's own; a commune has no value for it.
    cases.add(new Object[] {"[{\"item\":\"I-7.1\",\"number\":1}]", 400, "values[0].item"});
    cases.add(
        new Object[] {"[{\"item\":\"I-2.1\",\"number\":\"mười hai\"}]", 400, "values[0].number"});
    cases.add(new Object[] {"[{\"item\":\"I-2.1\",\"number\":-1}]", 400, "values[0].number"});
    cases.add(new Object[] {"[{\"item\":\"I-5.3\",\"number\":100.5}]", 400, "values[0].number"});
    cases.add(new Object[] {"[{\"item\":\"I-2.1\",\"number\":1.23456}]", 400, "values[0].number"});
    cases.add(new Object[] {"[{\"item\":\"I-1.1\",\"number\":1}]", 400, "values[0].number"});
    cases.add(new Object[] {"[{\"item\":\"I-1.1\",\"status\":\"xong\"}]", 400, "values[0].status"});
    cases.add(new Object[] {"[{\"item\":\"I-2.1\",\"status\":\"done\"}]", 400, "values[0].status"});
    cases.add(
        new Object[] {
          "[{\"item\":\"I-2.1\",\"number\":1,\"note\":\"" + "x".repeat(2001) + "\"}]",
          400,
          "values[0].note"
        });
    cases.add(
        new Object[] {
          "[{\"item\":\"I-2.1\",\"number\":1,\"evidence\":[\"javascript:alert(1)\"]}]",
          400,
          "values[0].evidence[0]"
        });
    cases.add(
        new Object[] {
          "[{\"item\":\"I-2.1\",\"number\":1},{\"item\":\"I-2.1\",\"number\":2}]",
          400,
          "values[1].item"
        });
    cases.add(new Object[] {"[{\"number\":1}]", 400, "values[0].item"});
    cases.add(new Object[] {"[{\"item\":\"I-2.1\",\"numbr\":1}]", 400, "values[0].numbr"});
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 400; i++) {
      many.append(i == 0 ? "" : ",").append("{\"item\":\"I-2.1\",\"number\":1}");
    }
    cases.add(new Object[] {many.append(']').toString(), 400, "values"});
    // A good value next to a bad one is not saved either.
    cases.add(
        new Object[] {
          "[{\"item\":\"I-2.2\",\"number\":3},{\"item\":\"I-2.1\",\"number\":-5}]",
          400,
          "values[1].number"
        });
    for (Object[] c : cases) {
      String body = "{\"values\":" + c[0] + "}";
      saveRaw(id, "\"0\"", body)
          .onFailMessage(body.length() > 200 ? body.substring(0, 200) : body)
          .statusCode((int) c[1])
          .contentType("application/problem+json")
          .body("errors.field", org.hamcrest.Matchers.hasItem((String) c[2]));
    }
    saveRaw(id, "\"0\"", "{}").statusCode(400).body("errors[0].field", equalTo("values"));
    saveRaw(id, "\"0\"", "{\"values\": [").statusCode(400);
    org.junit.jupiter.api.Assertions.assertEquals(before, get(HUNG_SON, id).extract().asString());
    List<String> kinds =
        as(HUNG_SON).get("/api/v1/submissions/" + id + "/history").then().extract().path("kind");
    org.junit.jupiter.api.Assertions.assertEquals(List.of("create", "value", "value"), kinds);
  }

  @Test
  void shouldRefuseToCreateWithBadValuesOrForAClosedPeriod() {
    Reports.period("2025-Q3", true);
    Reports.period("2022-Q4", false);
    create(HUNG_SON, "2022-Q4", "05761", List.of(value("I-2.1", 1)))
        .statusCode(409)
        .body("errors[0].field", equalTo("period"))
        .body("detail", containsString("2022-Q4"));
    create(Reports.PHUC_LUONG, "2025-Q3", "05767", List.of(value("I-2.1", -1)))
        .statusCode(400)
        .body("errors[0].field", equalTo("values[0].number"));
    create(Reports.PHUC_LUONG, "2025-Q3", "05767", List.of(Map.of("item", "I-7.1", "number", 1)))
        .statusCode(400);
    create(Reports.PHUC_LUONG, "2099-Q1", "05767", List.of())
        .statusCode(404)
        .body("errors[0].field", equalTo("period"));
    // Nothing was created by the refused requests.
    as(Reports.PHUC_LUONG)
        .get("/api/v1/submissions?plan=" + PLAN + "&period=2025-Q3")
        .then()
        .body("totalItems", equalTo(0));
    // A period closed after values were entered takes no more.
    Reports.period("2022-Q4", true);
    long id = id(create(HUNG_SON, "2022-Q4", "05761", List.of(value("I-2.1", 1))).statusCode(201));
    Reports.period("2022-Q4", false);
    Reports.save(HUNG_SON, id, "\"0\"", List.of(value("I-2.1", 2)))
        .statusCode(409)
        .body("errors[0].field", equalTo("period"));
    Reports.act(HUNG_SON, id, "submit", "\"0\"", null).statusCode(409);
    get(HUNG_SON, id).body("version", equalTo(0)).body("allowed", org.hamcrest.Matchers.empty());
  }
}
