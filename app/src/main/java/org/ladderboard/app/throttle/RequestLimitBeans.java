package org.ladderboard.app.throttle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One budget per kind of request, shared by every controller that serves it. */
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
}
