package io.netdock.api;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** JSON as Go's {@code json.Encoder} writes it: every document ends with a newline. */
public class DockerJsonConverter extends JacksonJsonHttpMessageConverter {

    public DockerJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeSuffix(JsonGenerator generator, Object object) {
        generator.writeRaw('\n');
    }
}
