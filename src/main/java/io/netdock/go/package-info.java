/**
 * Go's rules, once: the parsing and printing that dockerd's Go standard library (and Docker's small Go helper
 * packages) does, so that netdock's answers and error texts are byte for byte dockerd's. {@code strconv}
 * ({@link io.netdock.go.Strconv}), {@code httputils.BoolValue} ({@link io.netdock.go.BoolValue}), {@code time}
 * formats and durations ({@link io.netdock.go.GoTime}, {@link io.netdock.go.HumanDuration}),
 * {@code encoding/json} strings, map key order and struct decoding ({@link io.netdock.go.JsonString},
 * {@link io.netdock.go.KeyOrder}, {@link io.netdock.go.GoStruct}, {@link io.netdock.go.UnmarshalTypeError}),
 * {@code fmt} slices ({@link io.netdock.go.Fmt}) and {@code path.Match} ({@link io.netdock.go.PathMatch}).
 *
 * <p>A rule of Go's written anywhere else is a second copy waiting to disagree with this one: the architecture
 * test keeps {@code Go*} classes and Go's error texts ({@code strconv.}, {@code cannot unmarshal}) here. No Spring,
 * no I/O; the only netdock package this one uses is {@code error} (a decoding error is a Docker error).
 */
package io.netdock.go;
