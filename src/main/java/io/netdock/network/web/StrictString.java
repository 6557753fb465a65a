package io.netdock.network.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/** A JSON string and nothing else, as Go decodes into a {@code string} (no number or bool coercion). */
final class StrictString extends StdDeserializer<String> {

    StrictString() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }

    @Override
    public String getNullValue(DeserializationContext context) {
        return null;
    }
}
