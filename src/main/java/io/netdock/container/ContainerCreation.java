package io.netdock.container;

import io.netdock.endpoint.EndpointConfig;
import java.util.Map;

/**
 * A create request as the domain sees it.
 *
 * @param name      requested name, or null/empty for a generated one
 * @param endpoints {@code NetworkingConfig.EndpointsConfig}, by network name or ID, in request order
 * @param severalEndpointsAllowed API ≥ 1.44 accepts more than one entry in {@code endpoints}
 */
public record ContainerCreation(String name, ContainerConfig config, HostSettings host,
                                Map<String, EndpointConfig> endpoints, boolean severalEndpointsAllowed) {
}
