package vn.lhpn.kehoach.account.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.account.dto.AccountDtos;
import vn.lhpn.kehoach.account.service.AccountSuccessions;
import vn.lhpn.kehoach.account.service.Accounts;
import vn.lhpn.kehoach.account.service.BulkAccounts;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;

@Path("/api/v1/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Accounts",
    description =
        "Tài khoản: the accounts of the admin's subtree, kept in Keycloak and changed through its"
            + " admin API; every change kept (docs/adr/0007)")
public class AccountResource {
  private final Accounts accounts;
  private final BulkAccounts bulk;
  private final AccountSuccessions successions;

  AccountResource(Accounts accounts, BulkAccounts bulk, AccountSuccessions successions) {
    this.accounts = accounts;
    this.bulk = bulk;
    this.successions = successions;
  }

  @GET
  @Operation(
      operationId = "listAccounts",
      summary =
          "The accounts of the caller's subtree (or of a unit in it): unit, roles, enabled, last"
              + " login; those whose unit is closed on request")
  public AccountDtos.Page list(
      @Parameter(description = "A unit of the caller's subtree: its accounts and those below")
          @QueryParam("unit")
          String unit,
      @Parameter(description = "Text in the username, name or unit; diacritics ignored")
          @QueryParam("q")
          String q,
      @Parameter(description = "Only accounts whose unit no longer exists") @QueryParam("closed")
          String closed,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Paging paging = Paging.of(Params.integer("page", page), Params.integer("size", size));
    return accounts.list(
        unit,
        q,
        Boolean.TRUE.equals(Params.parse("closed", closed, Params::bool, "true, false")),
        paging.page(),
        paging.size());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createAccount",
      summary =
          "Create an account at a unit of the caller's subtree, with a temporary password shown"
              + " this once (to be changed at the first login)")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = AccountDtos.WithPassword.class)))
  public Response create(@Valid @NotNull AccountDtos.Create c) {
    AccountDtos.WithPassword created = accounts.create(c);
    return Response.created(URI.create("/api/v1/accounts/" + created.account().id()))
        .entity(created)
        .build();
  }

  @POST
  @Path("/bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createCommuneAccounts",
      summary =
          "One reporter account (bc.<code>) for every commune of a unit: what it created, with"
              + " temporary passwords and a workbook of them, what existed already, what failed")
  public AccountDtos.BulkResult bulk(@Valid @NotNull AccountDtos.Bulk request) {
    return bulk.communeReporters(request.unit());
  }

  @POST
  @Path("/successions")
  @Operation(
      operationId = "moveAccountsToSuccessors",
      summary =
          "Accounts left on units a change of the map closed, moved in one step to the unit that"
              + " took over (by lineage); a dissolved unit's moved up or disabled on request; a"
              + " split unit's, and the caller's own, listed for a decision. With dryRun=true"
              + " nothing changes")
  public AccountDtos.Successions successions(
      @Parameter(description = "Only say what would be done") @QueryParam("dryRun") String dryRun,
      @Parameter(
              description =
                  "Accounts of a dissolved unit (no unit took over): keep (list them, the"
                      + " default), up (to the nearest unit above that still exists), disable",
              schema = @Schema(enumeration = {"keep", "up", "disable"}))
          @QueryParam("dissolved")
          String dissolved) {
    return successions.follow(
        Boolean.TRUE.equals(Params.parse("dryRun", dryRun, Params::bool, "true, false")),
        AccountSuccessions.Dissolved.parse(dissolved));
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getAccount", summary = "One account, with its ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AccountDtos.Account.class)))
  public Response get(@PathParam("id") String id) {
    Accounts.Viewed v = accounts.get(id);
    return Response.ok(v.account()).tag(Etags.ofDigest(v.etag())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateAccount",
      summary =
          "Change an account's names, unit, roles or enabled state (If-Match); disabling ends its"
              + " sessions")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AccountDtos.Account.class)))
  public Response update(
      @PathParam("id") String id,
      @Parameter(description = "The ETag from the last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull AccountDtos.Update change) {
    Accounts.Viewed v = accounts.update(id, ifMatch, change);
    return Response.ok(v.account()).tag(Etags.ofDigest(v.etag())).build();
  }

  @POST
  @Path("/{id}/password-reset")
  @Operation(
      operationId = "resetAccountPassword",
      summary =
          "A new temporary password, shown this once; the account must change it at the next"
              + " login and its sessions end")
  public AccountDtos.WithPassword reset(@PathParam("id") String id) {
    return accounts.resetPassword(id);
  }

  @GET
  @Path("/{id}/history")
  @Operation(
      operationId = "getAccountHistory",
      summary = "Every change made to the account here: who, when, what, before and after")
  public List<AccountDtos.Change> history(@PathParam("id") String id) {
    return accounts.history(id);
  }
}
