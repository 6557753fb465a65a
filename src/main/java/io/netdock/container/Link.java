package io.netdock.container;

/** A legacy link from the container that holds it to {@code targetId}, known there as {@code alias}. */
public record Link(String targetId, String alias) {
}
