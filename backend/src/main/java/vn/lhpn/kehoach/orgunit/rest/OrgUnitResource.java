package vn.lhpn.kehoach.orgunit.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.dto.OrgUnitDtos;
import vn.lhpn.kehoach.orgunit.service.OrgUnitService;

@Path("/api/v1/org-units")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Org units",
    description =
        "Đơn vị: the province, district-level and commune-level units, with their history")
public class OrgUnitResource {
  private final OrgUnitService service;
  private final Clock clock;

  OrgUnitResource(OrgUnitService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  @GET
  @Operation(
      operationId = "listOrgUnits",
      summary = "Units the caller may see: their subtree and the chain above it")
  public PageResult<OrgUnitSummary> list(
      @Parameter(description = "0 national, 1 province, 2 district level, 3 commune level")
          @QueryParam("level")
          String level,
      @Parameter(description = "Code of the parent unit") @QueryParam("parent") String parent,
      @Parameter(
              description = "Unit type",
              schema =
                  @Schema(
                      enumeration = {
                        "central",
                        "province",
                        "city",
                        "town",
                        "district",
                        "ward",
                        "commune",
                        "township",
                        "affiliated"
                      }))
          @QueryParam("type")
          String type,
      @Parameter(description = "Only units valid on this day (ISO date)") @QueryParam("validOn")
          String validOn,
      @Parameter(description = "Text in the name; diacritics and case are ignored") @QueryParam("q")
          String q,
      @Parameter(description = "0-based page") @QueryParam("page") String page,
      @Parameter(description = "Page size, at most 200") @QueryParam("size") String size) {
    var filter =
        new OrgUnitService.Filter(
            Params.integer("level", level),
            parent,
            Params.parse(
                "type",
                type,
                OrgUnitType::fromCode,
                "central, province, city, town, district, ward, commune, township, affiliated"),
            Params.date("validOn", validOn),
            q);
    return service.list(
        filter, Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }

  @GET
  @Path("/{code}")
  @Operation(
      operationId = "getOrgUnit",
      summary = "One unit by code, with its parent chain and lineage")
  public OrgUnitDtos.Detail get(
      @PathParam("code") String code,
      @Parameter(description = "The day to read the unit on (default today)") @QueryParam("validOn")
          String validOn) {
    return service.get(code, day(validOn));
  }

  @GET
  @Path("/{code}/subtree")
  @Operation(
      operationId = "getOrgUnitSubtree",
      summary = "The units below a unit on a day, as a tree")
  public OrgUnitDtos.Node subtree(
      @PathParam("code") String code,
      @Parameter(description = "The day (default today)") @QueryParam("validOn") String validOn) {
    return service.subtree(code, day(validOn));
  }

  private LocalDate day(String validOn) {
    LocalDate day = Params.date("validOn", validOn);
    return day != null ? day : LocalDate.now(clock);
  }
}
