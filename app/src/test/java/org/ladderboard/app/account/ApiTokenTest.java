package org.ladderboard.app.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class ApiTokenTest extends IntegrationTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void aTokenAuthenticatesUntilItIsRevoked() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        ApiTokenService.IssuedToken issued = tokens.issue(contestant, "script");

        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + issued.value()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/rounds/current").header("Authorization", "Bearer " + issued.value()))
                .andExpect(jsonPath("$.quota.limit").value(ROUND_DAILY_LIMIT));

        tokens.revoke(contestant, issued.token().getId());
        mvc.perform(get("/api/submissions").header("Authorization", "Bearer " + issued.value()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid or revoked API token"));
    }

    @Test
    void aMadeUpTokenIsRefusedEvenWhereNoAccountIsNeeded() throws Exception {
        mvc.perform(get("/api/rounds/current").header("Authorization", "Bearer lb_madeup"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void nobodyRevokesAnotherAccountsToken() {
        Account owner = newAccount(Role.CONTESTANT);
        ApiTokenService.IssuedToken issued = tokens.issue(owner, "mine");
        org.assertj.core.api.Assertions.assertThat(tokens.revoke(newAccount(Role.CONTESTANT), issued.token().getId())).isFalse();
        org.assertj.core.api.Assertions.assertThat(tokens.authenticate(issued.value())).isPresent();
    }

    @Test
    void judgesAndOrganizersMayMakeAManageTokenOnTheAccountPage() throws Exception {
        Account contestant = newAccount(Role.CONTESTANT);
        org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/account")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(contestant.getEmail()).roles("CONTESTANT")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("value=\"manage\"").contains("href=\"/api-docs\"");
        Account judge = newAccount(Role.JUDGE);
        var asJudge = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(judge.getEmail()).roles("JUDGE");
        org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/account").with(asJudge)).andReturn().getResponse().getContentAsString())
                .contains("value=\"manage\"");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/tokens").with(asJudge)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "reviews").param("scope", "read").param("scope", "manage"))
                .andExpect(status().is3xxRedirection());
        org.assertj.core.api.Assertions.assertThat(tokens.list(judge)).extracting(ApiToken::getScopes)
                .containsExactly(java.util.EnumSet.of(TokenScope.READ, TokenScope.MANAGE));
    }
}
