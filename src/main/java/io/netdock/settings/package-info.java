/**
 * netdock's settings as one catalogue: the {@code META-INF/spring-configuration-metadata.json} that Spring Boot's
 * configuration processor writes at compile time from the {@code @ConfigurationProperties} records (names, types,
 * {@code @DefaultValue}s and the records' {@code @param} text), merged with
 * {@code additional-spring-configuration-metadata.json} for the few Spring settings netdock gives its own default.
 * {@code --help} prints it and the start refuses names it does not hold, so neither can drift from the code.
 * No Spring context, no I/O beyond reading that resource.
 */
package io.netdock.settings;
