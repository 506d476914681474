package io.openvod.platform.cos.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the body of Complete Multipart Upload:
 * {@code <CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"…"</ETag></Part>…</CompleteMultipartUpload>}.
 *
 * <p>Accepted: the one-line body cos-js sends (ETags as {@code &quot;…&quot;}), literal or absent
 * quotes, pretty-printed bodies, a namespace on the elements (S3 clients send one), and unknown
 * elements (skipped with their content). Element names are matched without their namespace.
 *
 * <p>Refused, with the code to answer:
 * <ul>
 *   <li>more than the byte limit: {@link CosErrorCode#ENTITY_TOO_LARGE} (the body may be valid XML,
 *       just too long; the limit is ours, so "malformed" would mislead);</li>
 *   <li>not well-formed, a DTD or entity declaration of any kind, a wrong root element, a part
 *       without exactly one PartNumber and one ETag, a PartNumber that is not an integer, or no
 *       part at all: {@link CosErrorCode#MALFORMED_XML};</li>
 *   <li>a part number outside 1–10000: {@link CosErrorCode#INVALID_ARGUMENT};</li>
 *   <li>part numbers not strictly ascending (duplicates included): {@link CosErrorCode#INVALID_PART_ORDER}.</li>
 * </ul>
 *
 * <p>The StAX reader is configured so XML external entities and entity expansion cannot happen:
 * DTD support and external entities are off, external DTD and schema access is forbidden, and a
 * document that carries a DTD is refused before any entity is seen.
 */
public final class CompleteMultipartUploadParser {
    /**
     * A limit that fits the largest real body: 10,000 parts with {@code &quot;}-escaped ETags take
     * about 950 KB on one line and about 1.3 MB pretty-printed.
     */
    public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_PART_NUMBER = 10_000;

    private CompleteMultipartUploadParser() {
    }

    /**
     * Reads at most {@code maxBytes} from {@code body} and parses them. Does not close the stream.
     *
     * @throws CosProtocolException as listed on the class
     * @throws UncheckedIOException when reading the stream fails
     */
    public static List<PartRef> parse(InputStream body, int maxBytes) {
        return parse(read(body, maxBytes));
    }

    /**
     * Reads the whole body, at most {@code maxBytes}, e.g. to check its {@code Content-MD5} before
     * parsing it. Does not close the stream.
     *
     * @throws CosProtocolException {@link CosErrorCode#ENTITY_TOO_LARGE} above the limit
     * @throws UncheckedIOException when reading the stream fails
     */
    public static byte[] read(InputStream body, int maxBytes) {
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new CosProtocolException(CosErrorCode.ENTITY_TOO_LARGE,
                    "The CompleteMultipartUpload body exceeds " + maxBytes + " bytes.");
        }
        return bytes;
    }

    /**
     * Parses a body already read in full, within the caller's own limit (e.g. to check its {@code
     * Content-MD5} first).
     *
     * @throws CosProtocolException as listed on the class, except the size limit
     */
    public static List<PartRef> parse(byte[] body) {
        if (body.length == 0) {
            throw malformed("The CompleteMultipartUpload body is empty.");
        }
        XMLStreamReader reader = null;
        try {
            // a factory per body: StAX factories are not guaranteed thread-safe, and Complete is rare
            reader = open(body);
            return readDocument(reader);
        } catch (XMLStreamException e) {
            throw new CosProtocolException(CosErrorCode.MALFORMED_XML, null, e);
        } finally {
            close(reader);
        }
    }

    private static List<PartRef> readDocument(XMLStreamReader reader) throws XMLStreamException {
        if (nextTag(reader) != XMLStreamConstants.START_ELEMENT
                || !reader.getLocalName().equals("CompleteMultipartUpload")) {
            throw malformed("The root element must be CompleteMultipartUpload.");
        }
        List<PartRef> parts = new ArrayList<>();
        int previous = 0;
        while (nextTag(reader) == XMLStreamConstants.START_ELEMENT) {
            if (!reader.getLocalName().equals("Part")) {
                skipElement(reader);
                continue;
            }
            PartRef part = readPart(reader);
            if (part.partNumber() <= previous) {
                throw new CosProtocolException(CosErrorCode.INVALID_PART_ORDER);
            }
            previous = part.partNumber();
            parts.add(part);
        }
        while (hasNext(reader)) {
            nextTag(reader); // the epilogue may hold only comments, processing instructions and blanks
        }
        if (parts.isEmpty()) {
            throw malformed("The CompleteMultipartUpload body lists no part.");
        }
        return List.copyOf(parts);
    }

    private static PartRef readPart(XMLStreamReader reader) throws XMLStreamException {
        String number = null;
        String etag = null;
        while (nextTag(reader) == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
                case "PartNumber" -> number = once(number, textOnly(reader), "PartNumber");
                case "ETag" -> etag = once(etag, textOnly(reader), "ETag");
                default -> skipElement(reader);
            }
        }
        if (number == null || etag == null) {
            throw malformed("Each Part needs a PartNumber and an ETag.");
        }
        return new PartRef(partNumber(number.strip()), MultipartEtag.unquote(etag).toLowerCase(Locale.ROOT));
    }

    private static int partNumber(String text) {
        if (!text.matches("-?[0-9]+")) {
            throw malformed("PartNumber must be an integer.");
        }
        String digits = text.replaceFirst("^0+(?=[0-9])", "");
        if (digits.startsWith("-") || digits.length() > 5 || Integer.parseInt(digits) < 1
                || Integer.parseInt(digits) > MAX_PART_NUMBER) {
            throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT,
                    "Part number must be an integer between 1 and " + MAX_PART_NUMBER + ", inclusive.");
        }
        return Integer.parseInt(digits);
    }

    /** Moves to the next start or end tag; refuses DTDs, entity references and stray text. */
    private static int nextTag(XMLStreamReader reader) throws XMLStreamException {
        while (hasNext(reader)) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw malformed("DTDs and entity references are not allowed.");
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!reader.getText().isBlank()) {
                        throw malformed("Unexpected text between elements.");
                    }
                }
                default -> {
                    // SPACE, COMMENT, PROCESSING_INSTRUCTION, END_DOCUMENT carry nothing we need
                }
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** The text of a leaf element; refuses child elements and entity references. */
    private static String textOnly(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next(reader);
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // ignored inside a value
                }
                default -> throw malformed("PartNumber and ETag must contain text only.");
            }
        }
    }

    private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw malformed("Entity references are not allowed.");
            }
        }
    }

    private static String once(String previous, String value, String element) {
        if (previous != null) {
            throw malformed("A Part has more than one " + element + ".");
        }
        return value;
    }

    /*
     * The JDK's StAX reader reports some malformed documents with an unchecked exception instead of
     * an XMLStreamException (a control character inside a DTD is a MissingResourceException: the
     * message has no text). Every call that makes it read goes through these three, which turn
     * such failures into an XMLStreamException, that is MalformedXML.
     */

    private static XMLStreamReader open(byte[] body) throws XMLStreamException {
        try {
            return secureFactory().createXMLStreamReader(new ByteArrayInputStream(body));
        } catch (RuntimeException e) {
            throw readerFailure(e);
        }
    }

    private static int next(XMLStreamReader reader) throws XMLStreamException {
        try {
            return reader.next();
        } catch (RuntimeException e) {
            throw readerFailure(e);
        }
    }

    private static boolean hasNext(XMLStreamReader reader) throws XMLStreamException {
        try {
            return reader.hasNext();
        } catch (RuntimeException e) {
            throw readerFailure(e);
        }
    }

    private static XMLStreamException readerFailure(RuntimeException e) {
        XMLStreamException failure = new XMLStreamException("the XML reader failed: " + e.getClass().getSimpleName());
        failure.initCause(e);
        return failure;
    }

    private static CosProtocolException malformed(String message) {
        return new CosProtocolException(CosErrorCode.MALFORMED_XML, message);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the in-memory buffer
            }
        }
    }
}
