package io.netdock.plugin.web;

import io.netdock.filters.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managed plugins: none (the network drivers are built in, as {@code /info} Plugins.Network says). */
@RestController
class PluginsController {

    private static final Set<String> FILTERS = Set.of("capability", "enable");

    @GetMapping("/plugins")
    List<Object> list(HttpServletRequest request) {
        Filters.parse(request.getParameter("filters")).accept(FILTERS);
        return List.of();
    }
}
