package io.netdock.api;

import io.netdock.server.NetdockProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires the Docker wire format into Spring MVC: version prefix, headers, JSON with newline, errors. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig implements WebMvcConfigurer {

    private final ServerIdentity identity;

    ApiWebConfig(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "dev";
        this.identity = new ServerIdentity(version, "linux");
    }

    @Bean
    ServerIdentity serverIdentity() {
        return identity;
    }

    @Bean
    ErrorWriter errorWriter(JsonMapper mapper) {
        return new ErrorWriter(mapper);
    }

    @Bean
    FilterRegistrationBean<ApiVersionFilter> apiVersionFilter(ErrorWriter errors) {
        FilterRegistrationBean<ApiVersionFilter> registration =
                new FilterRegistrationBean<>(new ApiVersionFilter(identity, errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Runs right after the version filter, before anything reads a body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(NetdockProperties netdock, ErrorWriter errors) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(netdock.maxRequestBody().toBytes(), identity, errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    DockerJsonConverter dockerJsonConverter(JsonMapper mapper) {
        return new DockerJsonConverter(mapper);
    }

    /** Docker documents keep their declared field order. */
    @Bean
    JsonMapperBuilderCustomizer declaredFieldOrder() {
        return builder -> builder.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DockerResponseInterceptor(identity));
    }

    /** dockerd ignores {@code Accept}: answers are JSON whatever the client asks for. */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }
}
