package org.ladderboard.app.account;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ladderboard.app.storage.StorageTrouble;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer lb_…} on the API. A wrong or revoked token is refused outright, never ignored. */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;

    public ApiTokenAuthenticationFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiToken> token;
        try {
            token = tokens.authenticate(header.substring(7).trim());
        } catch (RuntimeException failure) {
            var trouble = StorageTrouble.of(failure);
            if (trouble.isEmpty()) {
                throw failure;
            }
            trouble.get().writeTo(response, true);
            return;
        }
        if (token.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"invalid or revoked API token\"}");
            return;
        }
        // the role comes from the account, the scopes from this token only
        Account account = token.get().getAccount();
        UserDetails user = AccountUserDetailsService.toUser(account);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + account.getRole().name()));
        token.get().getScopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
