package org.mineralsupplygraph.analytics;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mineralsupplygraph.graph.Basis;
import org.mineralsupplygraph.system.InvalidFieldsException;
import org.mineralsupplygraph.system.InvalidParameterException;
import org.mineralsupplygraph.system.ProblemError;
import org.mineralsupplygraph.system.RequestParameters;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a disruption scenario into a {@link DisruptionScenario}, reporting the bad fields together, in two
 * rounds: first the body's shape (known fields, strings and lists of strings where they belong), every field at fault;
 * once the shape is right, the values' rules, which are {@link DisruptionRequest}'s Jakarta constraints, and what
 * annotations cannot state (at least one id taken out, a day that exists), every field at fault.
 */
@Component
class ScenarioBody {

    private static final Set<String> FIELDS = Set.of("remove", "mineral", "buyerCountry", "basis", "asOf");
    private static final Set<String> TEXT_FIELDS = Set.of("mineral", "buyerCountry", "basis", "asOf");
    private static final Set<String> REMOVALS = Set.of("countries", "companies", "facilities");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_AN_OBJECT =
            "The body must be a JSON object with 'remove', 'mineral' and 'buyerCountry'.";

    private final Validator validator;

    ScenarioBody(Validator validator) {
        this.validator = validator;
    }

    /** The scenario a body states; a 400 naming the body when it is not JSON, every field at fault otherwise. */
    DisruptionScenario read(byte[] json) {
        if (json.length == 0) {
            throw new InvalidParameterException("body", null, NOT_AN_OBJECT);
        }
        try {
            return read(JSON.readTree(json));
        } catch (JacksonException e) {
            throw new InvalidParameterException("body", null, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private DisruptionScenario read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidParameterException("body", body == null ? null : body.toString(), NOT_AN_OBJECT);
        }
        List<ProblemError> errors = shape(body);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        DisruptionRequest request = stripped(JSON.treeToValue(body, DisruptionRequest.class));
        errors.addAll(violations(request));
        errors.addAll(rules(request, errors));
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return scenario(request);
    }

    /** The request with spaces around its values taken away, as the query parameters' values are. */
    private static DisruptionRequest stripped(DisruptionRequest request) {
        DisruptionRequest.Removal remove = request.remove();
        return new DisruptionRequest(
                remove == null
                        ? null
                        : new DisruptionRequest.Removal(
                                stripped(remove.countries()),
                                stripped(remove.companies()),
                                stripped(remove.facilities())),
                stripped(request.mineral()),
                stripped(request.buyerCountry()),
                stripped(request.basis()),
                stripped(request.asOf()));
    }

    private static String stripped(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> stripped(List<String> values) {
        return values == null ? null : values.stream().map(String::strip).toList();
    }

    /** Unknown fields, and values of the wrong JSON type: before the body can be read as a request. */
    private static List<ProblemError> shape(JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        unknown(body, "", FIELDS, "remove, mineral, buyerCountry, basis and asOf", errors);
        for (String field : TEXT_FIELDS) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                errors.add(notA(field, value, "a string"));
            }
        }
        JsonNode remove = body.get("remove");
        if (remove != null && !remove.isNull() && !remove.isObject()) {
            errors.add(notA("remove", remove, "an object with lists 'countries', 'companies' and/or 'facilities'"));
        } else if (remove != null && remove.isObject()) {
            unknown(remove, "remove.", REMOVALS, "countries, companies and facilities", errors);
            for (String list : REMOVALS) {
                listShape(remove.get(list), "remove." + list, errors);
            }
        }
        errors.sort(Comparator.comparing(ProblemError::parameter));
        return errors;
    }

    private static void unknown(
            JsonNode object, String prefix, Set<String> known, String theFields, List<ProblemError> errors) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!known.contains(field.getKey())) {
                String name = prefix + field.getKey();
                errors.add(ProblemError.ofParameter(
                        name,
                        field.getValue().toString(),
                        "Unknown field '" + name + "'; the fields are " + theFields + "."));
            }
        }
    }

    private static void listShape(JsonNode value, String name, List<ProblemError> errors) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            errors.add(notA(name, value, "a list of strings"));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isString()) {
                errors.add(notA(name + "[" + i + "]", value.get(i), "a string"));
            }
        }
    }

    private static ProblemError notA(String name, JsonNode value, String what) {
        return ProblemError.ofParameter(
                name, value.toString(), "Field '" + name + "' must be " + what + ", not " + value + ".");
    }

    /** The Jakarta constraints of {@link DisruptionRequest}, one error per field, in the order of the fields' names. */
    private List<ProblemError> violations(DisruptionRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        for (ConstraintViolation<DisruptionRequest> violation : validator.validate(request)) {
            String field = name(violation.getPropertyPath());
            Object value = violation.getInvalidValue();
            String given = value instanceof String text ? text : null;
            errors.add(ProblemError.ofParameter(
                    field,
                    given,
                    "Field '" + field + "' " + violation.getMessage() + (given == null ? "" : ", not '" + given + "'")
                            + "."));
        }
        errors.sort(Comparator.comparing(ProblemError::parameter));
        return errors;
    }

    /** A property path as the body names it: {@code remove.countries[1]}. */
    static String name(Path path) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                name.append('[').append(node.getIndex()).append(']');
            }
            String part = node.getName();
            if (part != null && !part.startsWith("<")) {
                name.append(name.isEmpty() ? "" : ".").append(part);
            }
        }
        return name.toString();
    }

    /** What annotations cannot state, checked on the fields that passed their constraints. */
    private static List<ProblemError> rules(DisruptionRequest request, List<ProblemError> errors) {
        List<ProblemError> more = new ArrayList<>();
        DisruptionRequest.Removal remove = request.remove();
        if (remove != null && errors.stream().noneMatch(e -> e.parameter().startsWith("remove"))) {
            if (ids(remove.countries()).isEmpty()
                    && ids(remove.companies()).isEmpty()
                    && ids(remove.facilities()).isEmpty()) {
                more.add(ProblemError.ofParameter(
                        "remove",
                        JSON.writeValueAsString(remove),
                        "Field 'remove' must name at least one country, company or facility."));
            }
        }
        if (request.asOf() != null
                && errors.stream().noneMatch(e -> e.parameter().equals("asOf"))) {
            try {
                RequestParameters.date("asOf", request.asOf());
            } catch (InvalidParameterException e) {
                more.add(ProblemError.ofParameter(
                        "asOf",
                        request.asOf(),
                        "Field 'asOf' is not a day of the calendar: '" + request.asOf() + "'."));
            }
        }
        return more;
    }

    private static DisruptionScenario scenario(DisruptionRequest request) {
        List<String> countries = new ArrayList<>();
        for (String country : ids(request.remove().countries())) {
            String code = country.toUpperCase(Locale.ROOT);
            if (!countries.contains(code)) {
                countries.add(code);
            }
        }
        return new DisruptionScenario(
                countries,
                ids(request.remove().companies()),
                ids(request.remove().facilities()),
                request.mineral().toLowerCase(Locale.ROOT),
                request.buyerCountry().toUpperCase(Locale.ROOT),
                Basis.parse("basis", request.basis() == null ? "origin" : request.basis(), Basis.ONE)
                        .value(),
                RequestParameters.date("asOf", request.asOf()));
    }

    /** The ids of a list, each once, in the order given; none for an absent list. */
    private static List<String> ids(List<String> list) {
        return list == null ? List.of() : list.stream().distinct().toList();
    }
}
