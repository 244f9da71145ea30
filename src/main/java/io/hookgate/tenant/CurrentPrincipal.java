package io.hookgate.tenant;

import io.hookgate.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request; set once by the authentication filter. */
@RequestScoped
public class CurrentPrincipal {

    private Principal principal;

    public Principal get() {
        if (principal == null) {
            throw new IllegalStateException("no authenticated principal on this request");
        }
        return principal;
    }

    /** The admin principal, or a 403 problem for a tenant key. */
    public Principal.Admin requireAdmin() {
        if (get() instanceof Principal.Admin admin) {
            return admin;
        }
        throw ProblemException.forbidden("this operation needs the admin key");
    }

    /** The tenant principal, or a 403 problem for the admin key, which belongs to no tenant. */
    public Principal.Tenant requireTenant(String hint) {
        if (get() instanceof Principal.Tenant tenant) {
            return tenant;
        }
        throw ProblemException.forbidden("the admin key belongs to no tenant; " + hint);
    }

    void set(Principal principal) {
        this.principal = principal;
    }
}
