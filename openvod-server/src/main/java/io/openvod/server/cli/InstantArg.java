package io.openvod.server.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time on the command line: Unix seconds ({@code 1700000000}) or ISO-8601 UTC ({@code 2023-11-14T22:13:20Z}). */
final class InstantArg implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        if (value.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither Unix seconds nor an ISO-8601 instant like 2023-11-14T22:13:20Z");
        }
    }
}
