package org.ladderboard.app.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains. The API is stateless (a bearer token or HTTP Basic on every call, no session cookie is read), so it
 * needs no CSRF token; the pages use form login with a session and CSRF protection on every form.
 */
@Configuration
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/validate").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/rounds/current").permitAll()
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/submissions").hasRole(Role.CONTESTANT.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setStatus(401);
                            response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"ladderboard\"");
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.getWriter().write("{\"error\":\"authentication required: an API token (Bearer) or HTTP Basic\"}");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            response.setStatus(403);
                            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                            response.getWriter().write("{\"error\":\"your role may not do this\"}");
                        }));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/register", "/css/**", "/js/**", "/favicon.ico",
                                "/error").permitAll()
                        .requestMatchers("/submit", "/submit/**").hasRole(Role.CONTESTANT.name())
                        .requestMatchers("/organizer/**").hasRole(Role.ORGANIZER.name())
                        .requestMatchers("/judging", "/judging/**").hasAnyRole(Role.JUDGE.name(), Role.ORGANIZER.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")));
        return http.build();
    }
}
