package org.ladderboard.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** Password guessing is throttled, a password change ends the other sessions, tokens do only what their scopes say. */
class SignInHardeningTest extends IntegrationTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountRepository accountRepository;

    private MockHttpSession signIn(String email, String password, String address) throws Exception {
        var result = mvc.perform(post("/login").param("username", email).param("password", password).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountOutOfTheFormAndTheApiAlike() throws Exception {
        Account victim = newAccount(Role.CONTESTANT);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", victim.getEmail()).param("password", "guess number " + i).with(csrf())
                            .with(request -> {
                                request.setRemoteAddr("198.51.100." + (int) (Math.random() * 200));
                                return request;
                            }))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // the right password is not even checked now, from any address
        mvc.perform(post("/login").param("username", victim.getEmail().toUpperCase()).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/api/submissions").with(httpBasic(victim.getEmail(), PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("too many failed sign-ins")));
        mvc.perform(get("/login").param("throttled", ""))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Too many failed sign-ins")));
        // an API token is not a password: it still works
        String token = tokens.issue(victim, "script").value();
        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void oneAddressSprayingManyAccountsIsStopped() throws Exception {
        String address = "203.0.113.77";
        for (int i = 0; i < 50; i++) {
            mvc.perform(post("/login").param("username", "nobody" + i + "@spray.example").param("password", "password1234")
                    .with(csrf()).with(request -> {
                        request.setRemoteAddr(address);
                        return request;
                    })).andExpect(redirectedUrl("/login?error"));
        }
        Account real = newAccount(Role.JUDGE);
        mvc.perform(post("/login").param("username", real.getEmail()).param("password", PASSWORD).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andExpect(redirectedUrl("/login?throttled"));
        assertThat(signIn(real.getEmail(), PASSWORD, "203.0.113.78")).isNotNull();
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndTheOldPassword() throws Exception {
        Account holder = newAccount(Role.CONTESTANT);
        String oldToken = tokens.issue(holder, "old script").value();
        MockHttpSession laptop = signIn(holder.getEmail(), PASSWORD, "192.0.2.1");
        MockHttpSession phone = signIn(holder.getEmail(), PASSWORD, "192.0.2.2");
        mvc.perform(get("/submissions").session(phone)).andExpect(status().isOk());

        mvc.perform(post("/account/password").session(laptop).with(csrf())
                        .param("current", "not my password").param("password", "a new long password").param("confirm", "a new long password"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("passwordError", "the current password is wrong"));
        mvc.perform(post("/account/password").session(laptop).with(csrf())
                        .param("current", PASSWORD).param("password", "a new long password").param("confirm", "a new long password")
                        .param("revokeTokens", "true"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/submissions").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/submissions").session(phone)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/submissions").session(phone)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/submissions").with(httpBasic(holder.getEmail(), PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/submissions").with(httpBasic(holder.getEmail(), "a new long password"))).andExpect(status().isOk());
        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + oldToken)).andExpect(status().isUnauthorized());
        assertThat(signIn(holder.getEmail(), "a new long password", "192.0.2.3")).isNotNull();
    }

    @Test
    void disablingOrDemotingAnAccountEndsItsSessions() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        Account judge = newAccount(Role.JUDGE);
        Account other = newAccount(Role.JUDGE);
        MockHttpSession judgeSession = signIn(judge.getEmail(), PASSWORD, "192.0.2.10");
        MockHttpSession otherSession = signIn(other.getEmail(), PASSWORD, "192.0.2.11");
        mvc.perform(get("/judging").session(judgeSession)).andExpect(status().isOk());

        accounts.update(judge.getId(), Role.JUDGE, false, organizer);
        accounts.update(other.getId(), Role.CONTESTANT, true, organizer);
        mvc.perform(get("/judging").session(judgeSession)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/judging").session(otherSession)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void aTokenDoesOnlyWhatItsScopesSay() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        String readOnly = tokens.issue(contestant, "dashboard", EnumSet.of(TokenScope.READ)).value();
        String submitOnly = tokens.issue(contestant, "uploader", EnumSet.of(TokenScope.SUBMIT)).value();
        MockMultipartFile file = new MockMultipartFile("file", "task.csv", "text/csv", classificationCsv(ROUND_MIN_EXAMPLES));

        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + readOnly)).andExpect(status().isOk());
        mvc.perform(multipart("/api/submissions").file(file).param("name", "scoped").param("taskType", "classification")
                        .header("Authorization", "Bearer " + readOnly))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("your role, or this API token's scopes, do not allow this"));
        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + submitOnly)).andExpect(status().isForbidden());
        mvc.perform(post("/api/submissions/1/cancel").header("Authorization", "Bearer " + readOnly)).andExpect(status().isForbidden());
        assertThat(tokens.list(contestant)).extracting(ApiToken::getScopes)
                .containsExactlyInAnyOrder(EnumSet.of(TokenScope.READ), EnumSet.of(TokenScope.SUBMIT));
    }

    @Test
    void theAccountPageIssuesScopedTokens() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        MockHttpSession session = signIn(contestant.getEmail(), PASSWORD, "192.0.2.20");
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "ci").param("scope", "read"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "none"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("tokenError"));
        mvc.perform(post("/account/tokens").session(session).with(csrf()).param("name", "bogus").param("scope", "admin"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("tokenError", "unknown token scope: admin"));
        assertThat(tokens.list(contestant)).extracting(ApiToken::getScopes).containsExactly(EnumSet.of(TokenScope.READ));
    }

    @Test
    void pagesAndApiSendSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", org.hamcrest.Matchers.containsString("camera=()")))
                .andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        mvc.perform(get("/api/rounds/current"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
        // HSTS only over HTTPS, where the browser honours it
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
    }
}
