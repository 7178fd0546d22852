package vn.lhpn.kehoach.period.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Idempotency;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.period.dto.PeriodDtos;
import vn.lhpn.kehoach.period.service.PeriodService;
import vn.lhpn.kehoach.security.CurrentUser;

@Path("/api/v1/periods")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periods", description = "Kỳ báo cáo: years, half-years (sơ kết 6 tháng) and quarters")
public class PeriodResource {
  private final PeriodService service;
  private final Idempotency idempotency;
  private final CurrentUser user;

  PeriodResource(PeriodService service, Idempotency idempotency, CurrentUser user) {
    this.service = service;
    this.idempotency = idempotency;
    this.user = user;
  }

  @GET
  @Operation(
      operationId = "listPeriods",
      summary = "A plan's reporting periods; updatedSince for clients that sync")
  public PageResult<PeriodDtos.Period> list(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @QueryParam("year") String year,
      @Parameter(schema = @Schema(enumeration = {"open", "closed"})) @QueryParam("state")
          String state,
      @Parameter(description = "ISO 8601 with offset; only periods changed after it")
          @QueryParam("updatedSince")
          String updatedSince,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    if (plan == null || plan.isBlank()) {
      throw ApiException.invalid("plan", Message.of("required"));
    }
    OffsetDateTime since = Params.time("updatedSince", updatedSince);
    var filter =
        new PeriodService.Filter(
            Params.year("year", year),
            Params.parse("state", state, Period.State::valueOf, "open, closed"),
            since);
    return service.list(
        plan, filter, Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }

  @GET
  @Path("/{planId}/{code}")
  @Operation(operationId = "getPeriod", summary = "One period, with an ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodDtos.Period.class)))
  public Response get(@PathParam("planId") String planId, @PathParam("code") String code) {
    return withEtag(service.get(planId, code), Response.ok());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createPeriod",
      summary = "Add a period (planner of the plan's owner); created closed")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = PeriodDtos.Period.class)))
  public Response create(
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull PeriodDtos.Create create,
      @Context UriInfo uri) {
    return idempotency.once(
        user.username(),
        key,
        "POST",
        uri.getPath(),
        create,
        () -> {
          PeriodDtos.Period period = service.create(create);
          return withEtag(
              period,
              Response.created(
                  uri.getBaseUriBuilder()
                      .path("api/v1/periods/{plan}/{code}")
                      .build(period.planId(), period.code())));
        });
  }

  @POST
  @Path("/{planId}/{code}/open")
  @Operation(
      operationId = "openPeriod",
      summary = "Open a period for reporting (If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodDtos.Period.class)))
  public Response open(
      @PathParam("planId") String planId,
      @PathParam("code") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Context UriInfo uri) {
    return setState(planId, code, ifMatch, key, uri, Period.State.open);
  }

  @POST
  @Path("/{planId}/{code}/close")
  @Operation(
      operationId = "closePeriod",
      summary = "Close a period: it accepts no new values (If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodDtos.Period.class)))
  public Response close(
      @PathParam("planId") String planId,
      @PathParam("code") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Context UriInfo uri) {
    return setState(planId, code, ifMatch, key, uri, Period.State.closed);
  }

  @PATCH
  @Path("/{planId}/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updatePeriod",
      summary = "Change a period's due date (If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodDtos.Period.class)))
  public Response update(
      @PathParam("planId") String planId,
      @PathParam("code") String code,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PeriodDtos.Update update) {
    return withEtag(
        service.update(planId, code, Etags.requireVersion(ifMatch), update), Response.ok());
  }

  private Response setState(
      String planId, String code, String ifMatch, String key, UriInfo uri, Period.State state) {
    return idempotency.once(
        user.username(),
        key,
        "POST",
        uri.getPath(),
        java.util.Collections.singletonMap("ifMatch", ifMatch),
        () ->
            withEtag(
                service.setState(planId, code, Etags.requireVersion(ifMatch), state),
                Response.ok()));
  }

  private static Response withEtag(PeriodDtos.Period period, Response.ResponseBuilder builder) {
    return builder.entity(period).tag(Etags.of(period.version())).build();
  }
}
