package io.hookgate.tenant;

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

    void set(Principal principal) {
        this.principal = principal;
    }
}
