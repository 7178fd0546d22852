package vn.lhpn.kehoach.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.client.ApiClient;
import vn.lhpn.kehoach.client.ApiException;
import vn.lhpn.kehoach.client.api.MeApi;
import vn.lhpn.kehoach.client.api.ProgressApi;
import vn.lhpn.kehoach.client.api.SubmissionsApi;
import vn.lhpn.kehoach.client.model.Preferences;
import vn.lhpn.kehoach.client.model.PreferencesUpdate;
import vn.lhpn.kehoach.client.model.Problem;
import vn.lhpn.kehoach.support.Tokens;

/**
 * A third party's view of the contract: a Java client generated from the root openapi.yaml by
 * openapi-generator (backend/pom.xml, at generate-test-sources, after its validator passed) calls
 * the running backend. Its mapper is made strict (an undeclared field fails), so a real answer that
 * strays from the document fails here.
 */
@QuarkusTest
class GeneratedClientTest {
  static final String PLAN = "11-KH-BCH";

  @TestHTTPResource("/")
  URL base;

  ApiClient client(String user) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base.toString().replaceAll("/$", ""));
    client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + Tokens.of(user)));
    client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return client;
  }

  @Test
  void shouldReadTheCallerProgressAndReportsThroughTheGeneratedClient() throws Exception {
    var me = new MeApi(client("tinh.canbo")).getMe();
    assertEquals("19", me.getOrgUnit().getCode());
    assertTrue(me.getRoles().contains("planner"));

    var progress = new ProgressApi(client("tinh.lanhdao")).getProgress(PLAN, 2025, "19");
    assertFalse(progress.getItems().isEmpty());
    var term = new ProgressApi(client("tinh.lanhdao")).getTermAssessment(PLAN, "19");
    assertFalse(term.getGroups().isEmpty());

    var queue = new SubmissionsApi(client("huyen.daitu")).getReviewQueue(PLAN, null);
    assertTrue(queue.getPeriods() != null);
  }

  @Test
  void shouldWriteWithTheETagAndReadProblemsAsTheirSchema() throws Exception {
    MeApi me = new MeApi(client("tinh.lanhdao"));
    var read = me.getMyPreferencesWithHttpInfo();
    String etag = read.getHeaders().get("etag").get(0);
    Preferences saved =
        me.putMyPreferences(
            etag, new PreferencesUpdate().language(PreferencesUpdate.LanguageEnum.VI));
    assertEquals(Preferences.LanguageEnum.VI, saved.getLanguage());

    // a sibling's figures: 404, with a body the generated Problem model reads
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> new ProgressApi(client("huyen.phobinh")).getProgress(PLAN, 2025, "171"));
    assertEquals(404, e.getCode());
    Problem problem =
        client("huyen.phobinh").getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    assertEquals(404, problem.getStatus());
    assertEquals("urn:kehoach:problem:not-found", problem.getType());
  }
}
