package io.netdock.api;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Keeps from SpringDoc only Swagger UI and its {@code /netdock/api-docs/swagger-config}, which point at netdock's
 * contract ({@link ContractController}). SpringDoc's generated document ({@code GET /netdock/api-docs}) is
 * removed, so that path is unknown like any other: it would be a second description of the API, different from
 * the contract, and SpringDoc cannot generate it without hibernate-validator, which netdock leaves out (it costs
 * every start 400+ classes).
 */
@Component
class GeneratedApiDocsOff implements BeanDefinitionRegistryPostProcessor {

    /** SpringDoc's bean serving the generated document ({@code SpringDocWebMvcConfiguration.openApiResource}). */
    static final String GENERATED_DOCUMENT = "openApiResource";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(GENERATED_DOCUMENT)) {
            registry.removeBeanDefinition(GENERATED_DOCUMENT);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing else to change
    }
}
