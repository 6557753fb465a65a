package io.netdock.go;

/**
 * Go's {@code json.UnmarshalTypeError} as dockerd reports it, behind its {@code invalid JSON: } prefix: a JSON value
 * of the wrong kind for the whole document or for one struct field.
 */
public final class UnmarshalTypeError {

    private static final String PREFIX = "invalid JSON: json: cannot unmarshal ";

    private UnmarshalTypeError() {
    }

    /** {@code invalid JSON: json: cannot unmarshal string into Go value of type types.NetworkConnect}. */
    public static String ofValue(String jsonKind, String goType) {
        return PREFIX + jsonKind + " into Go value of type " + goType;
    }

    /**
     * {@code invalid JSON: json: cannot unmarshal number into Go struct field HostConfig.HostConfig.Dns of type
     * []string}; {@code jsonKind} is {@code number 1.5} where Go names the number too.
     */
    public static String ofField(String jsonKind, String structField, String goType) {
        return PREFIX + jsonKind + " into Go struct field " + structField + " of type " + goType;
    }
}
