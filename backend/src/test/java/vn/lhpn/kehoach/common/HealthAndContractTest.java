package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.ProjectRoot;

@QuarkusTest
class HealthAndContractTest {

  @Test
  void shouldReportReadyWithTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  /**
   * The root openapi.yaml is the contract third parties and the SPA are generated from; it must be
   * exactly what the backend serves. To accept a deliberate change: {@code ./mvnw -pl backend
   * verify -Dopenapi.write=true}, then review the diff.
   */
  @Test
  void shouldServeExactlyTheCommittedOpenApiDocument() throws IOException {
    String served =
        given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Path committed = ProjectRoot.get().resolve("openapi.yaml");
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(committed, served, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(committed, StandardCharsets.UTF_8),
        served,
        "openapi.yaml differs from what the backend serves; rerun with -Dopenapi.write=true and review");
  }
}
