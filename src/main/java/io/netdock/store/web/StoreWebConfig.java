package io.netdock.store.web;

import io.netdock.store.StoreFeed;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catch-up before each request, only when other netdocks may share the database. */
@Configuration(proxyBeanMethods = false)
class StoreWebConfig {

    @Bean
    FilterRegistrationBean<CatchUpFilter> catchUpFilter(StoreFeed feed) {
        FilterRegistrationBean<CatchUpFilter> registration = new FilterRegistrationBean<>(new CatchUpFilter(feed));
        registration.setEnabled(feed.isShared());
        registration.addUrlPatterns("/*");
        return registration;
    }
}
