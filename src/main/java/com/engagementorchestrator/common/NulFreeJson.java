package com.engagementorchestrator.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No text of our API may hold a NUL character: Postgres cannot store one, so it would fail deep in a transaction as a
 * database error. Refused while reading the request instead (400 naming the field, see ApiErrorHandler).
 */
@Configuration(proxyBeanMethods = false)
public class NulFreeJson {

    static final String NUL_MESSAGE = "must not contain NUL characters";

    @Bean
    Module nulFreeStrings() {
        return new SimpleModule("nul-free-strings").addDeserializer(String.class, new NulFreeStringDeserializer());
    }

    static final class NulFreeStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, NUL_MESSAGE);
            }
            return value;
        }
    }
}
