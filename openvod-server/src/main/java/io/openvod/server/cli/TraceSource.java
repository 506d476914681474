package io.openvod.server.cli;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service database {@code openvod trace} read (or could not read), for its output and messages:
 * the JDBC URL is shown without credentials.
 *
 * @param service {@code platform} or {@code app}
 * @param shownUrl the database's JDBC URL without user information or parameters
 * @param read whether its steps were read
 * @param note why it was not read, if it was not
 */
record TraceSource(String service, String shownUrl, boolean read, Optional<String> note) {
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#]*@");

    static TraceSource read(String service, String jdbcUrl) {
        return new TraceSource(service, withoutCredentials(jdbcUrl), true, Optional.empty());
    }

    static TraceSource notRead(String service, String jdbcUrl, String why) {
        return new TraceSource(service, withoutCredentials(jdbcUrl), false, Optional.of(why));
    }

    /** {@code platform jdbc:…}, with why it was not read when it was not. */
    String describe() {
        return service + " " + shownUrl + note.map(n -> " (not read: " + n + ")").orElse("");
    }

    /**
     * The URL without what may hold a credential: user information ({@code //user:password@host})
     * and the parameters after {@code ?} or {@code ;} (which may carry {@code password=}).
     */
    static String withoutCredentials(String jdbcUrl) {
        String url = USER_INFO.matcher(jdbcUrl).replaceFirst("//");
        int cut = indexOfAny(url, '?', ';');
        return cut < 0 ? url : url.substring(0, cut) + "?…";
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
