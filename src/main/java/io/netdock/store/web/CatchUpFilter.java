package io.netdock.store.web;

import io.netdock.store.StoreFeed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a request is served, this netdock applies what other netdocks sharing the database committed (one query
 * when nothing changed), so no answer is older than the request, even when a notification got lost.
 */
class CatchUpFilter extends OncePerRequestFilter {

    private final StoreFeed feed;

    CatchUpFilter(StoreFeed feed) {
        this.feed = feed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        feed.catchUp();
        chain.doFilter(request, response);
    }
}
