package io.netdock.api;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Runs one action however an async response ends (complete, timeout, error). */
public final class CompletionListener implements AsyncListener {

    private final Runnable action;

    public CompletionListener(Runnable action) {
        this.action = action;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        action.run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        action.run();
    }

    @Override
    public void onError(AsyncEvent event) {
        action.run();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // still the same response
    }
}
