package io.netdock.api;

import io.netdock.go.UnmarshalTypeError;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Renders a body that could not be decoded in the words Go's {@code encoding/json} uses, prefixed like
 * current dockerd ({@code invalid JSON: ...}), so clients and people see what they would see from Docker.
 * Jackson's own wording never reaches a client: it names Java classes and settings.
 */
final class JsonErrorMessages {

    /** Backquoted Java names in Jackson's messages ({@code `java.lang.String`}, {@code `io.netdock...`}). */
    private static final Pattern QUOTED_NAME = Pattern.compile("`[^`]*`");

    private JsonErrorMessages() {
    }

    static String describe(HttpMessageNotReadableException error) {
        Throwable cause = error.getCause();
        if (cause == null) {
            return "invalid JSON: EOF";
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String described = mismatch(mismatch);
            if (described != null) {
                return described;
            }
        }
        if (cause instanceof StreamConstraintsException limit) {
            return "invalid JSON: " + constraint(limit);
        }
        if (cause instanceof StreamReadException read) {
            return "invalid JSON: " + syntax(read);
        }
        if (cause instanceof DatabindException databind && databind.getOriginalMessage() != null) {
            return "invalid JSON: " + clean(databind.getOriginalMessage());
        }
        return "invalid JSON: " + clean(cause.getMessage());
    }

    /** Go's {@code UnmarshalTypeError} for a field or for the whole document; dockerd's trailing-data check. */
    private static String mismatch(MismatchedInputException mismatch) {
        String message = mismatch.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return "unexpected content after JSON";
        }
        if (mismatch.getTargetType() == null) {
            return null;
        }
        String kind = jsonKind(mismatch);
        if (mismatch.getPath().isEmpty()) {
            return UnmarshalTypeError.ofValue(kind, goType(mismatch.getTargetType()));
        }
        return UnmarshalTypeError.ofField(kind, fieldPath(mismatch), goType(mismatch.getTargetType()));
    }

    /** Go's decoder has a depth limit only ({@code exceeded max depth}); Jackson's other limits are on lengths. */
    private static String constraint(StreamConstraintsException limit) {
        String message = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "exceeded max depth";
        }
        int allowed = message.indexOf(" exceeds the maximum allowed");
        return (allowed > 0 ? message.substring(0, allowed) : "a value") + " is more than netdock accepts";
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
        return clean(message);
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

    /** The first line, without Jackson's reference chain and with Java type names replaced. */
    private static String clean(String message) {
        if (message == null) {
            return "invalid body";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int chain = line.indexOf(" (through reference chain");
        if (chain >= 0) {
            line = line.substring(0, chain);
        }
        return QUOTED_NAME.matcher(line).replaceAll("value");
    }
}
