package dev.tracking.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.PatternFormat;
import java.util.List;
import java.util.Map;

/**
 * One schema of an OpenAPI 3.1 document, validated as JSON Schema 2020-12: the whole document is registered
 * under a base IRI, so the schema's {@code $ref}s to {@code #/components/schemas/…} resolve inside it.
 *
 * <p>Format {@code email} is checked as Outlit's servers check it, with the pattern their spec gives beside it
 * (zod's), not the validator's own RFC 5321 check, which also requires a top-level domain on IANA's list and so
 * refuses addresses such as {@code bob@globex.example} that Outlit takes.
 */
public final class OpenApiJsonSchema {

    /** The {@code email} pattern of {@code outlit-openapi-3.0.json}. */
    private static final String OUTLIT_EMAIL =
            "^(?!\\.)(?!.*\\.\\.)([A-Za-z0-9_'+\\-\\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$";

    private final String name;
    private final Schema schema;

    private OpenApiJsonSchema(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * The schema {@code components.schemas.<schemaName>} of reference spec {@code specFile} (JSON), with format
     * assertions on.
     */
    public static OpenApiJsonSchema load(String specFile, String schemaName) {
        String baseIri = "https://reference.tracking.dev/" + specFile;
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .format(PatternFormat.of("email", OUTLIT_EMAIL, "format"))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemas(Map.of(baseIri, ReferenceSpecs.read(specFile)))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Schema schema = registry.getSchema(SchemaLocation.of(baseIri + "#/components/schemas/" + schemaName));
        schema.initializeValidators();
        return new OpenApiJsonSchema(schemaName, schema);
    }

    /** The violations of {@code json}, as readable lines; empty when it is valid. */
    public List<String> violations(String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Throws {@link AssertionError} listing the violations when {@code json} is not valid. */
    public void assertValid(String json) {
        List<String> violations = violations(json);
        if (!violations.isEmpty()) {
            throw new AssertionError("request does not match " + name + ":\n  " + String.join("\n  ", violations)
                    + "\nbody: " + json);
        }
    }
}
