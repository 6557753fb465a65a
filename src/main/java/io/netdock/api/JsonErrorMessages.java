package io.netdock.api;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Renders a body that could not be decoded in the words Go's {@code encoding/json} uses, prefixed like
 * current dockerd ({@code invalid JSON: ...}), so clients and people see what they would see from Docker.
 */
final class JsonErrorMessages {

    private JsonErrorMessages() {
    }

    static String describe(HttpMessageNotReadableException error) {
        Throwable cause = error.getCause();
        if (cause == null) {
            return "invalid JSON: EOF";
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getPath().isEmpty()) {
            return "invalid JSON: json: cannot unmarshal " + jsonKind(mismatch) + " into Go struct field "
                    + fieldPath(mismatch) + " of type " + goType(mismatch.getTargetType());
        }
        if (cause instanceof StreamReadException read) {
            return "invalid JSON: " + syntax(read);
        }
        if (cause instanceof DatabindException databind && databind.getMessage() != null) {
            return "invalid JSON: " + firstLine(databind.getOriginalMessage());
        }
        return "invalid JSON: " + firstLine(cause.getMessage());
    }

    private static String syntax(StreamReadException read) {
        String message = read.getOriginalMessage();
        if (message == null) {
            return "unexpected end of JSON input";
        }
        if (message.contains("end-of-input")) {
            return "unexpected EOF";
        }
        int quote = message.indexOf("('");
        if (quote >= 0 && message.length() > quote + 2) {
            char c = message.charAt(quote + 2);
            return "invalid character '" + c + "' looking for beginning of value";
        }
        return firstLine(message);
    }

    private static String jsonKind(MismatchedInputException mismatch) {
        JsonToken token = mismatch.getCurrentToken();
        if (token == null && mismatch.processor() instanceof tools.jackson.core.JsonParser parser) {
            token = parser.currentToken();
        }
        if (token != null) {
            JsonToken t = token;
            return switch (t) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
                case VALUE_STRING -> "string";
                case VALUE_TRUE, VALUE_FALSE -> "bool";
                case START_ARRAY -> "array";
                case START_OBJECT -> "object";
                default -> "value";
            };
        }
        return "value";
    }

    private static String fieldPath(MismatchedInputException mismatch) {
        var path = mismatch.getPath();
        Object from = path.get(0).from();
        String owner = from instanceof Class<?> c ? c.getSimpleName() : from == null ? "" : from.getClass().getSimpleName();
        String fields = path.stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : null)
                .filter(name -> name != null)
                .collect(Collectors.joining("."));
        return owner.isEmpty() ? fields : owner + "." + fields;
    }

    private static String goType(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "bool";
        }
        if (type == Integer.class || type == int.class) {
            return "int";
        }
        if (type == Long.class || type == long.class) {
            return "int64";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "map[string]string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "[]string";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
