package org.ladderboard.app.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Rules every request passes before its handler: storable form input, and no direct visits to the error page. */
@Configuration
class WebRules implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StorableInput());
        // /error renders other requests' failures; asked for directly it has no status to show and answered 500
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getDispatcherType() == DispatcherType.REQUEST) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                return true;
            }
        }).addPathPatterns("/error", "/error/**");
    }
}
