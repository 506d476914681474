package io.openvod.platform.cos.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A minimal writer for the flat, namespace-free XML documents COS answers with. Text is escaped
 * with the fewest entities possible ({@code &amp; &lt; &gt;}, and {@code &#13;} for a carriage
 * return) because some COS clients parse XML without decoding entities: a quote stays a literal
 * quote. A character XML 1.0 cannot carry at all is written as U+FFFD, so the document is always
 * well-formed.
 */
final class XmlWriter {
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder out;

    XmlWriter(int capacity) {
        out = new StringBuilder(capacity).append(DECLARATION);
    }

    XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    XmlWriter end(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>text</name>}; a null {@code text} writes an empty element. */
    XmlWriter element(String name, String text) {
        start(name);
        if (text != null) {
            escape(text);
        }
        return end(name);
    }

    /** Writes the element only when {@code text} is not null. */
    XmlWriter optional(String name, String text) {
        return text == null ? this : element(name, text);
    }

    XmlWriter element(String name, long value) {
        return start(name).text(Long.toString(value)).end(name);
    }

    XmlWriter element(String name, boolean value) {
        return start(name).text(value ? "true" : "false").end(name);
    }

    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private XmlWriter text(String safe) {
        out.append(safe);
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(isXmlChar(cp) ? cp : 0xFFFD);
            }
        }
    }

    /** The {@code Char} production of XML 1.0. */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
