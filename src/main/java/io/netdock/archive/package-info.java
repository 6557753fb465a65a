/**
 * Pure codecs for {@code GET|HEAD /containers/{id}/archive} ({@code docker cp}): the tar stream dockerd sends
 * ({@link io.netdock.archive.TarWriter}, {@link io.netdock.archive.ContainerArchive}) and the
 * {@code X-Docker-Container-Path-Stat} header ({@link io.netdock.archive.PathStat}). No Spring, no I/O.
 */
package io.netdock.archive;
