package org.ladderboard.app.throttle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link RequestBodyLimit} in front of the app. The bound in all stays well below the server's threads (200),
 * so pages keep threads of their own however many uploads are open.
 */
@Configuration
class RequestBodyLimitConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyLimit(
            @Value("${ladderboard.limits.bodies-per-address:16}") int perAddress,
            @Value("${ladderboard.limits.bodies-in-all:100}") int inAll) {
        return factory -> factory.addContextValves(new RequestBodyLimit(perAddress, inAll));
    }
}
