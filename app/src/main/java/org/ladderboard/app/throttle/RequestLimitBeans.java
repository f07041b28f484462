package org.ladderboard.app.throttle;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One budget per kind of request, shared by every controller that serves it, and the bound on open request bodies. */
@Configuration
class RequestLimitBeans {

    @Bean
    AddressRateLimit validateLimit(RequestLimits limits) {
        return limits.validate().perAddress();
    }

    @Bean
    AddressRateLimit registrationLimit(RequestLimits limits) {
        return limits.registration().perAddress();
    }

    /** In front of the app; the bound in all stays well below the server's threads (200), so pages keep their own. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestBodyLimit(RequestLimits limits) {
        return factory -> factory.addContextValves(new RequestBodyLimit(limits.bodiesPerAddress(), limits.bodiesInAll()));
    }
}
