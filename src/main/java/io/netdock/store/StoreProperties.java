package io.netdock.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared store.
 *
 * @param listen whether this netdock listens for other netdocks' notifications on a shared PostgreSQL (default);
 *               off, it still checks the store's version before every request and change, so answers stay current
 */
@ConfigurationProperties("netdock.store")
public record StoreProperties(@DefaultValue("true") boolean listen) {
}
