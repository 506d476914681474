package io.openvod.platform.storage;

/**
 * The rule every object key follows, whatever the adapter: 1–1024 characters of
 * {@code [A-Za-z0-9._/-]}, no leading or trailing {@code /}, no empty segment, and no segment
 * that is {@code .} or {@code ..}. Such a key is also a safe relative file path and a safe S3 key.
 */
public final class ObjectKeys {
    public static final int MAX_LENGTH = 1024;

    private ObjectKeys() {
    }

    /** Returns {@code key} if it is valid, else throws {@link StorageError#INVALID_OBJECT_KEY}. */
    public static String require(String key) {
        if (!isValid(key)) {
            throw new StorageException(StorageError.INVALID_OBJECT_KEY, "invalid object key");
        }
        return key;
    }

    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == '/';
            if (!ok) {
                return false;
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
