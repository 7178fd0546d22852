package vn.lhpn.kehoach.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Problems;

/**
 * Reading needs a role, not only an account (docs/security.md): a signed-in caller holding none of
 * the application roles ({@link Roles#ALL}) gets 403 on every operation but {@code /me}, which
 * tells the SPA to say so. Each refusal is logged with the user and their unit.
 */
public class RoleRequired {
  private static final Logger LOG = Logger.getLogger("vn.lhpn.kehoach.security.denied");

  @Inject CurrentIdentityAssociation identities;

  @ServerRequestFilter
  public Uni<Response> check(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/api/") || path.equals("/api/v1/me")) {
      return Uni.createFrom().nullItem();
    }
    return identities.getDeferredIdentity().map(identity -> refusal(identity, request, path));
  }

  private static Response refusal(
      SecurityIdentity identity, ContainerRequestContext request, String path) {
    if (identity.isAnonymous() || Roles.ALL.stream().anyMatch(identity::hasRole)) {
      return null;
    }
    Object unit =
        identity.getPrincipal() instanceof JsonWebToken jwt
            ? jwt.getClaim(CurrentUser.ORG_UNIT_CLAIM)
            : null;
    LOG.warnf(
        "403 %s %s: user %s of unit %s holds no application role",
        request.getMethod(), path, identity.getPrincipal().getName(), unit == null ? "-" : unit);
    return Problems.response(ProblemType.FORBIDDEN, Message.of("forbidden.no-role"), path);
  }
}
