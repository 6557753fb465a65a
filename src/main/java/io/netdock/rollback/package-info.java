/**
 * One undo stack for multi-step operations ({@link io.netdock.rollback.Rollback}). No Spring, no I/O: a leaf every
 * feature may use.
 */
package io.netdock.rollback;
