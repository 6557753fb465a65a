package io.netdock.image.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ImagesWebConfig {

    /** After the API version filter, which strips {@code /vX.Y}. */
    @Bean
    FilterRegistrationBean<ImageNamePaths> imageNamePaths() {
        FilterRegistrationBean<ImageNamePaths> registration = new FilterRegistrationBean<>(new ImageNamePaths());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
