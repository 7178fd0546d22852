package vn.lhpn.kehoach.plan.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.plan.service.PlanMapper;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.plan.service.TermLock;

@Path("/api/v1/plans/{planId}/lock")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class TermLockResource {
  private final TermLock lock;
  private final PlanPolicy policy;

  TermLockResource(TermLock lock, PlanPolicy policy) {
    this.lock = lock;
    this.policy = policy;
  }

  @GET
  @Operation(
      operationId = "getPlanLockHistory",
      summary = "Every lock and reopening of the term's figures, newest first")
  public List<PlanDtos.LockEvent> history(@PathParam("planId") String planId) {
    return lock.history(planId);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "lockPlan",
      summary =
          "Lock the term's figures (khóa số liệu; the province's planner, If-Match the plan's"
              + " version)",
      description =
          "Refused (409) while reports wait for review. Once locked, no value, report, target,"
              + " period, item or emulation setting of the plan changes (409) until it is"
              + " reopened with a reason; reads go on.")
  public PlanDtos.Plan lock(
      @PathParam("planId") String planId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid PlanDtos.LockInput input) {
    var plan =
        lock.lock(planId, Etags.requireVersion(ifMatch), input == null ? null : input.reason());
    return PlanMapper.toDto(policy.idOf(plan), plan, PlanItem.listOf(plan), policy.allowed(plan));
  }

  @POST
  @Path("/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reopenPlan",
      summary = "Reopen the term's figures, with the reason (the province's planner; If-Match)")
  public PlanDtos.Plan reopen(
      @PathParam("planId") String planId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid PlanDtos.LockInput input) {
    var plan =
        lock.reopen(planId, Etags.requireVersion(ifMatch), input == null ? null : input.reason());
    return PlanMapper.toDto(policy.idOf(plan), plan, PlanItem.listOf(plan), policy.allowed(plan));
  }
}
