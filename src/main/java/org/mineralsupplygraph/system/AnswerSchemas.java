package org.mineralsupplygraph.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The schemas of the answers (records of this application) say what the Java types say. A record component marked
 * {@link Nullable} may be null: {@code nullable}, or optional where the record leaves nulls out of the JSON
 * ({@link JsonInclude}); every other component is {@code required} and never null. A {@code Map<String, Object>} (the
 * properties of a node or relationship) takes any value; an array's items do not repeat the array's example. A record
 * whose {@code @Schema} states {@code requiredProperties} or {@code additionalProperties} (a request body) keeps what
 * it states.
 */
@Component
class AnswerSchemas implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        Class<?> raw = rawClass(type.getType());
        if (schema == null || raw == null || !raw.isRecord() || !raw.getName().startsWith("org.mineralsupplygraph.")) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null) {
            model = context.getDefinedModels()
                    .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        io.swagger.v3.oas.annotations.media.Schema stated =
                raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        // A request body's record states its fields itself (requiredProperties, additionalProperties): what a client
        // must send.
        boolean statesItsFields = stated != null
                && (stated.requiredProperties().length > 0
                        || stated.additionalProperties()
                                != io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue
                                        .USE_ADDITIONAL_PROPERTIES_ANNOTATION);
        if (model != null && model.getProperties() != null && !statesItsFields) {
            describe(raw, model);
        }
        return schema;
    }

    private static void describe(Class<?> record, Schema<?> model) {
        JsonInclude.Include recordInclusion = inclusion(record.getAnnotation(JsonInclude.class));
        List<String> required = new ArrayList<>();
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            tidy(component, property);
            JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
            JsonInclude.Include inclusion = own == null ? recordInclusion : inclusion(own);
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (nullable && inclusion == JsonInclude.Include.ALWAYS) {
                properties.put(component.getName(), nullable(property));
            } else {
                property.setNullable(null);
            }
            // Left out when null (a nullable component) or when empty (NON_EMPTY and stricter): not always there.
            boolean omittable = nullable
                    ? inclusion != JsonInclude.Include.ALWAYS
                    : inclusion != JsonInclude.Include.ALWAYS
                            && inclusion != JsonInclude.Include.NON_NULL
                            && inclusion != JsonInclude.Include.NON_ABSENT
                            && !component.getType().isPrimitive();
            if (!omittable) {
                required.add(component.getName());
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    /** Any value in a properties map; an array's items take the first of the array's example, not all as text. */
    private static void tidy(RecordComponent component, Schema<?> property) {
        if (Map.class.isAssignableFrom(component.getType())
                && component.getGenericType() instanceof ParameterizedType map
                && map.getActualTypeArguments()[1] == Object.class) {
            property.setAdditionalProperties(Boolean.TRUE);
        }
        if (property.getItems() != null
                && property.getItems().getExample() instanceof String example
                && example.startsWith("[")) {
            try {
                JsonNode first = Json.mapper().readTree(example).path(0);
                property.getItems().setExample(first.isTextual() ? first.asText() : first.numberValue());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The example " + example + " is not a JSON array", e);
            }
        }
    }

    /**
     * A {@code $ref} ignores its siblings in OpenAPI 3.0, and {@code nullable} applies only beside a {@code type}: a
     * nullable reference is an object of that type or null, {@code {type: object, nullable: true, allOf: [$ref]}}.
     */
    private static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        Schema<?> wrapped = new ComposedSchema().addAllOfItem(new Schema<>().$ref(property.get$ref()));
        wrapped.setType("object");
        wrapped.setDescription(property.getDescription());
        return wrapped.nullable(true);
    }

    private static JsonInclude.Include inclusion(JsonInclude include) {
        return include == null || include.value() == JsonInclude.Include.USE_DEFAULTS
                ? JsonInclude.Include.ALWAYS
                : include.value();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof JavaType j) {
            return j.getRawClass();
        }
        return null;
    }
}
