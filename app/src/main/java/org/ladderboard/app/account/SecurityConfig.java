package org.ladderboard.app.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ladderboard.app.storage.StorageTrouble;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Two chains. The API is stateless (a bearer token or HTTP Basic on every call, no session cookie is read), so it
 * needs no CSRF token; the pages use form login with a session and CSRF protection on every form. Password sign-in
 * on either is throttled ({@link LoginThrottle}); API tokens carry scopes ({@link TokenScope}).
 */
@Configuration
public class SecurityConfig {

    private static final String READ = TokenScope.READ.authority();
    private static final String SUBMIT = TokenScope.SUBMIT.authority();
    private static final String MANAGE = TokenScope.MANAGE.authority();

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // an account's state (disabled, waiting for its e-mail link or approval) is told only to someone with its password
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, AuthenticationManager manager) throws Exception {
        AuthenticationEntryPoint unauthenticated = SecurityConfig::apiUnauthenticated;
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/validate").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/rounds/current").permitAll()
                        // the controller decides, as the page's does (Leaderboard.shownTo): a public one needs no account,
                        // but a token must still be one that may read
                        .requestMatchers(HttpMethod.GET, "/api/leaderboard").access(anonymousOrRead())
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/submissions").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole(Role.CONTESTANT.name()),
                                AuthorityAuthorizationManager.hasAuthority(SUBMIT)))
                        // the owner with a submit token, or an organizer with a manage token (the controller checks who)
                        .requestMatchers(HttpMethod.POST, "/api/submissions/*/cancel").hasAnyAuthority(SUBMIT, MANAGE)
                        // the API's side of /judging/**
                        .requestMatchers("/api/reviews", "/api/reviews/**").access(roleAndScope(Role.JUDGE, Role.ORGANIZER))
                        // the API's side of /organizer/**: rounds, their settings, winners and exports, the queue
                        .requestMatchers("/api/rounds", "/api/rounds/**", "/api/exports", "/api/exports/**",
                                "/api/queue", "/api/queue/**").access(roleAndScope(Role.ORGANIZER))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(READ)
                        // marking one's own notices read changes nothing else: a read-only token may
                        .requestMatchers(HttpMethod.POST, "/api/notices/*/read", "/api/notices/read-all").hasAuthority(READ)
                        // any other change: a contestant's (submit) or a judge's or organizer's (manage)
                        .anyRequest().hasAnyAuthority(SUBMIT, MANAGE))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) -> {
                            response.setStatus(403);
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.getWriter().write("{\"error\":\"your role, or this API token's scopes, do not allow this\"}");
                        }));
        return http.build();
    }

    /**
     * One of these roles, and the token's scope for the method: {@code read} to GET, {@code manage} to change
     * anything. HTTP Basic carries every scope.
     */
    private static AuthorizationManager<RequestAuthorizationContext> roleAndScope(Role... roles) {
        AuthorizationManager<RequestAuthorizationContext> role = AuthorityAuthorizationManager.hasAnyRole(
                java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new));
        AuthorizationManager<RequestAuthorizationContext> read = AuthorityAuthorizationManager.hasAuthority(READ);
        AuthorizationManager<RequestAuthorizationContext> manage = AuthorityAuthorizationManager.hasAuthority(MANAGE);
        AuthorizationManager<RequestAuthorizationContext> scope = (authentication, context) ->
                (HttpMethod.GET.matches(context.getRequest().getMethod()) ? read : manage).authorize(authentication, context);
        return AuthorizationManagers.allOf(role, scope);
    }

    /** No credentials at all, or credentials that may read. */
    private static AuthorizationManager<RequestAuthorizationContext> anonymousOrRead() {
        AuthorizationManager<RequestAuthorizationContext> read = AuthorityAuthorizationManager.hasAuthority(READ);
        return (authentication, context) -> authentication.get() instanceof AnonymousAuthenticationToken
                ? new AuthorizationDecision(true) : read.authorize(authentication, context);
    }

    private static void apiUnauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        var trouble = StorageTrouble.of(e);
        if (trouble.isPresent()) {
            // the account could not be looked up: say so, rather than claim the credentials were wrong
            trouble.get().writeTo(response, true);
            return;
        }
        if (e instanceof LoginThrottledException throttled) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(throttled.retryAfter().toSeconds()));
            response.getWriter().write("{\"error\":\"" + throttled.getMessage() + "\"}");
            return;
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"ladderboard\"");
        response.getWriter().write("{\"error\":\"authentication required: an API token (Bearer) or HTTP Basic\"}");
    }

    /**
     * The interactive API page (Swagger UI from its webjar): public, sessionless, and with the pages' CSP except
     * that its bundle's inline styles may apply (scripts still only from the app itself). The calls it makes are the
     * API's, under the API's chain.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiPage(HttpSecurity http) throws Exception {
        http.securityMatcher("/api-docs", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, AccountRepository accounts,
                              @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                              ObjectProvider<RequestMappingHandlerMapping> pages) throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/register", "/register/confirm", "/css/**", "/js/**", "/favicon.ico",
                                "/error", "/notices/email-off").permitAll()
                        // the controllers decide: a round's revealed leaderboard may be public (see Leaderboard.shownTo)
                        .requestMatchers(HttpMethod.GET, "/leaderboard", "/tasks/*").permitAll()
                        // a path no page answers is a 404 for everyone, not a detour through sign-in
                        .requestMatchers(request -> !servedByAPage(pages.getObject(), request)).permitAll()
                        .requestMatchers("/submit", "/submit/**").hasRole(Role.CONTESTANT.name())
                        .requestMatchers("/organizer/**").hasRole(Role.ORGANIZER.name())
                        .requestMatchers("/judging", "/judging/**").hasAnyRole(Role.JUDGE.name(), Role.ORGANIZER.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(signedIn(accounts))
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottledException ? "/login?throttled"
                                : e instanceof LockedException ? "/login?" + waitingFor(accounts, request.getParameter("username"))
                                : StorageTrouble.of(e).isPresent() ? "/login?unavailable" : "/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
                .addFilterBefore(new SessionGuard(accounts), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        return http.build();
    }

    /**
     * Whether a controller maps this path (for any method: a wrong method still needs sign-in first). Static files
     * are public anyway, so everything else ends as the 404 page.
     */
    private static boolean servedByAPage(RequestMappingHandlerMapping pages, HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        RequestPath previous = parsed ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return pages.getHandler(request) != null;
        } catch (Exception mappedForAnotherMethod) {
            return true;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            }
        }
    }

    /** What a locked account waits for: its e-mail link first, then an organizer. */
    private static String waitingFor(AccountRepository accounts, String email) {
        return accounts.findByEmail(AccountService.normaliseEmail(email))
                .map(a -> a.isEmailConfirmed() ? "awaiting" : "unconfirmed").orElse("error");
    }

    /** After the form sign-in: bind the new session to the password it signed in with, then go where the user was going. */
    private static SavedRequestAwareAuthenticationSuccessHandler signedIn(AccountRepository accounts) {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                org.springframework.security.core.Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                accounts.findByEmail(authentication.getName()).ifPresent(a -> SessionGuard.stamp(request.getSession(), a));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }
}
