package org.ladderboard.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ladderboard.app.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Sign-ups cost the organisers (every account gets its own daily caps and turns in the queue), so: the address is
 * confirmed by e-mail when the server sends mail (here a real SMTP server in this JVM), each network address may
 * register so many accounts an hour, and organizers can require their approval for new accounts.
 */
@TestPropertySource(properties = {"ladderboard.limits.registration.requests=3", "ladderboard.limits.registration.per=PT1H"})
class SignUpLimitsTest extends IntegrationTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("ladderboard.mail.from", () -> "contest@ladderboard.test");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    RegistrationPolicy policy;

    @AfterEach
    void noApprovalForOtherTests() {
        policy.setApprovalRequired(false);
    }

    private static RequestBuilder register(String email, String address) {
        return post("/register").with(csrf()).param("email", email).param("displayName", "New contestant")
                .param("password", PASSWORD).param("confirm", PASSWORD).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private static String fresh() {
        return "new-" + UUID.randomUUID() + "@signup.example";
    }

    private void signInLandsOn(String email, String where) throws Exception {
        mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl(where));
    }

    /** Follows the link in the last mail sent to {@code email}. */
    private void confirmFromMail(String email) throws Exception {
        MimeMessage mail = null;
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(email)) {
                mail = m;
            }
        }
        assertThat(mail).as("a mail to " + email).isNotNull();
        assertThat(mail.getFrom()[0].toString()).isEqualTo("contest@ladderboard.test");
        Matcher link = Pattern.compile("http://localhost(/register/confirm\\?token=[A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("a confirmation link in: " + GreenMailUtil.getBody(mail)).isTrue();
        mvc.perform(get(link.group(1))).andExpect(redirectedUrl("/login?confirmed"));
    }

    @Test
    void anAccountSignsInOnlyOnceItsAddressIsConfirmedByTheLinkInTheMail() throws Exception {
        String email = fresh();
        mvc.perform(register(email, "198.51.100.1")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", allOf(containsString("confirm"), not(containsString("approval")))));
        signInLandsOn(email, "/login?unconfirmed");
        mvc.perform(get("/register/confirm").param("token", "not-a-token")).andExpect(redirectedUrl("/login?badlink"));
        confirmFromMail(email);
        signInLandsOn(email, "/");
    }

    @Test
    void oneAddressRegistersSoManyAccountsAnHourThenIsToldToWait() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(register(fresh(), "198.51.100.2")).andExpect(status().is3xxRedirection());
        }
        String fourth = fresh();
        mvc.perform(register(fourth, "198.51.100.2")).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("too many registrations")));
        assertThat(jdbc.sql("select count(*) from account where email = ?").param(fourth).query(Long.class).single()).isZero();
        mvc.perform(register(fresh(), "198.51.100.3")).andExpect(status().is3xxRedirection());
    }

    @Test
    void whenOrganizersRequireApprovalANewAccountWaitsUntilOneApprovesIt() throws Exception {
        Account organizer = newAccount(Role.ORGANIZER);
        mvc.perform(post("/organizer/accounts/approval").with(csrf()).with(user(organizer.getEmail()).roles("ORGANIZER"))
                .param("required", "true")).andExpect(redirectedUrl("/organizer/accounts"));
        assertThat(policy.approvalRequired()).isTrue();

        String email = fresh();
        mvc.perform(register(email, "198.51.100.4")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", allOf(containsString("confirm"), containsString("approval"))));
        confirmFromMail(email);
        signInLandsOn(email, "/login?awaiting");

        mvc.perform(get("/organizer/accounts").with(user(organizer.getEmail()).roles("ORGANIZER")))
                .andExpect(content().string(containsString("awaiting approval")));
        Account pending = accounts.byEmail(email);
        mvc.perform(post("/organizer/accounts/" + pending.getId() + "/approve").with(csrf())
                .with(user(organizer.getEmail()).roles("ORGANIZER"))).andExpect(redirectedUrl("/organizer/accounts"));
        signInLandsOn(email, "/");
    }
}
